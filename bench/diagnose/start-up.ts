// Why start-up (cold start, discovery's start to ready) and idle RSS miss:
// how much is node itself, how much is compiling TypeScript at run time
// (tsx, as bin/hallway.js and `npm start` run it), and how much is
// hallway's own work. The same program is bundled ahead of time with
// esbuild (tsx's own dependency) into node_modules/.cache to measure it
// without tsx. Every process runs in a loopback namespace.
//
//   node --import tsx bench/diagnose/start-up.ts [runs]
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createLoopbackNs, spawnIn, type Host } from '../../test/helpers/netns.ts'
import { buildHistory } from '../scenarios/join.ts'
import { BIN, ROOT, rssKb } from '../lib/peers.ts'
import { Scope } from '../lib/scope.ts'
import { median } from '../lib/stats.ts'

const runs = Number(process.argv[2] ?? 5)
const CACHE = path.join(ROOT, 'node_modules/.cache/hallway-bench')
// Split, so that what bin/hallway.ts imports only when used stays unloaded.
const BUNDLE = path.join(CACHE, 'bundle/hallway.mjs')

async function timeTo (scope: Scope, host: Host, argv: string[], ready: (e: Record<string, unknown>) => boolean, quit: string | null): Promise<{ ms: number, rssMb: number }> {
  const t0 = performance.now()
  const p = spawnIn(host, process.execPath, argv, { cwd: ROOT })
  scope.defer(() => p.stop())
  if (quit === null) {
    const exit = await p.exited
    if (exit.code !== 0) throw new Error(`${argv.join(' ')} exited with ${exit.code}: ${p.tail()}`)
    return { ms: performance.now() - t0, rssMb: NaN }
  }
  await p.waitFor(ready, { what: 'ready', timeoutMs: 60_000 })
  const ms = performance.now() - t0
  const rssMb = rssKb(p.pid) / 1024
  p.write(quit)
  await p.exited
  return { ms, rssMb }
}

const scope = new Scope()
try {
  fs.rmSync(CACHE, { recursive: true, force: true })
  execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [BIN, '--bundle', '--splitting', '--platform=node', '--format=esm', '--packages=external', `--outdir=${path.dirname(BUNDLE)}`, '--out-extension:.js=.mjs', '--log-level=warning'], { cwd: ROOT })
  const host = await createLoopbackNs({ prefix: 'hwb' })
  scope.defer(() => host.destroy())
  const history = await buildHistory(scope, host)
  const isReady = (e: Record<string, unknown>): boolean => e.event === 'ready'
  const cases: Array<[string, string[], string | null]> = [
    ['node -e 0', ['-e', '0'], null],
    ['node --import tsx (empty script)', ['--import', 'tsx', '-e', '0'], null],
    ['tsx: hallway --version', ['--import', 'tsx', BIN, '--version'], null],
    ['bundled: hallway --version', [BUNDLE, '--version'], null],
    [`tsx: cold start, ${history.messages / 1000}k msgs`, ['--import', 'tsx', BIN, '--headless', '--no-mdns', '--port', '0', '--data', history.holder], '/quit'],
    [`bundled: cold start, ${history.messages / 1000}k msgs`, [BUNDLE, '--headless', '--no-mdns', '--port', '0', '--data', history.holder], '/quit']
  ]
  for (const [label, argv, quit] of cases) {
    const r: Array<{ ms: number, rssMb: number }> = []
    for (let i = 0; i < runs; i++) r.push(await timeTo(scope, host, argv, isReady, quit))
    const rss = median(r.map(x => x.rssMb))
    console.log(`${label.padEnd(36)} ${median(r.map(x => x.ms)).toFixed(0).padStart(6)} ms (median of ${runs})${Number.isNaN(rss) ? '' : `, RSS at ready ${rss.toFixed(0)} MB`}`)
  }
} finally {
  await scope.close()
}
