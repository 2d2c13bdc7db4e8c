// Start-up: what loading each part of bin/hallway.ts costs under tsx, one
// fresh process per module (node --import tsx, as the program runs):
//   node --import tsx bench/diagnose/import-cost.ts
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../lib/peers.ts'

const modules = [
  'lib/chat/messenger.ts',
  'lib/ui/headless.ts',
  'lib/ui/console-ui.ts',
  'bin/run-relay.ts',
  'lib/api/index.ts',
  'bin/hallway.ts --version'
]
for (const m of ['(nothing)', ...modules]) {
  const [file, ...args] = m.split(' ')
  const script = m === '(nothing)'
    ? 'const t=performance.now();console.log(JSON.stringify({ms:performance.now()-t,rss:process.memoryUsage().rss}))'
    : `const t=performance.now();await import(${JSON.stringify(path.join(ROOT, file!))});console.log(JSON.stringify({ms:performance.now()-t,rss:process.memoryUsage().rss}))`
  const runs: Array<{ total: number, ms: number, rss: number }> = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    const out = args.length
      ? execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, file!), ...args], { cwd: ROOT, encoding: 'utf8' })
      : execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })
    const total = performance.now() - t0
    const parsed = args.length ? { ms: NaN, rss: NaN } : JSON.parse(out.trim().split('\n').pop()!) as { ms: number, rss: number }
    runs.push({ total, ms: parsed.ms, rss: parsed.rss })
  }
  runs.sort((a, b) => a.total - b.total)
  const mid = runs[1]!
  console.log(`${m.padEnd(28)} process ${mid.total.toFixed(0).padStart(5)} ms, import ${Number.isNaN(mid.ms) ? '    -' : mid.ms.toFixed(0).padStart(5)} ms, RSS ${Number.isNaN(mid.rss) ? '  -' : (mid.rss / 2 ** 20).toFixed(0).padStart(3)} MB`)
}
