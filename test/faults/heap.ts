// Memory figures for the bad-input tests: heap after a full GC (exposed at
// run time, since test.sh starts plain `node --import tsx`), and RSS.
import v8 from 'node:v8'
import vm from 'node:vm'
import fs from 'node:fs'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

export function heapMb (): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

// RSS of another process (a node under test), from /proc.
export function rssMb (pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}
