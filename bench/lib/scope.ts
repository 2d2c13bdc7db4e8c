// LIFO cleanup for one scenario (processes before the namespaces they run
// in, namespaces before the folders), run on success and on failure. The
// netns helper's own exit hook is the last resort for a killed run.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

type Cleanup = () => unknown

// Every bench folder lives under one root, removed at exit whatever happens.
let root: string | null = null
export function benchRoot (): string {
  if (root) return root
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-'))
  const r = root
  process.once('exit', () => { try { fs.rmSync(r, { recursive: true, force: true }) } catch { /* best effort */ } })
  return r
}

export class Scope {
  private readonly stack: Cleanup[] = []

  defer (fn: Cleanup): void {
    this.stack.push(fn)
  }

  async dir (label: string): Promise<string> {
    const dir = await fsp.mkdtemp(path.join(benchRoot(), `${label}-`))
    this.defer(() => fsp.rm(dir, { recursive: true, force: true }))
    return dir
  }

  async close (): Promise<void> {
    for (let f = this.stack.pop(); f; f = this.stack.pop()) {
      try { await f() } catch (err) { process.stderr.write(`bench cleanup: ${String(err)}\n`) }
    }
  }
}

export async function withScope<T> (fn: (s: Scope) => Promise<T>): Promise<T> {
  const s = new Scope()
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}
