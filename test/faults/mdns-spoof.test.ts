// Spoofed mDNS: records of our workspace that carry made-up public keys and
// point at real nodes' ports or at a decoy Noise server with yet another key
// (test/faults/fixtures/mdns-spoof.ts). mDNS is a hint and the dial pins
// the announced key (DESIGN.md §4), so every such dial must fail the
// handshake check, no connection to the decoy may be kept, the spoofed keys
// must never show as people, the real nodes must stay connected and
// talking, and memory must stay flat.
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createLoopbackNs, netnsTest, spawnIn, type Proc } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, ROOT, startNode } from '../helpers/node-proc.ts'
import { rssMb } from './heap.ts'

const SPOOFER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/mdns-spoof.ts')
const SPOOFED = 30
// Redials per spoofed key to time the backoff over: with delays doubling
// from 250 ms, four take 3.75 s; at a fixed 250 ms they would take 1 s.
const REDIALS = 4

// A failed dial has no event; it is a debug line of the node's log, which
// `--verbose` also writes to stderr. Collects them as they arrive, by the
// peer's key prefix, with the log's own timestamps.
class DialFailures {
  private readonly times = new Map<string, number[]>()
  private readonly changed = new Set<() => void>()

  constructor (readonly node: Proc, readonly label: string) {
    createInterface({ input: node.child.stderr! }).on('line', line => {
      let entry: { msg?: unknown, peer?: unknown, time?: unknown }
      try { entry = JSON.parse(line) as typeof entry } catch { return }
      if (entry.msg !== 'dial failed' || typeof entry.peer !== 'string') return
      const list = this.times.get(entry.peer) ?? []
      list.push(typeof entry.time === 'number' ? entry.time : Date.now())
      this.times.set(entry.peer, list)
      for (const f of this.changed) f()
    })
  }

  // Failure times for a full key (the log names a peer by 16 hex digits).
  of (key: string): number[] {
    return this.times.get(key.slice(0, 16)) ?? []
  }

  total (keys: string[]): number {
    return keys.reduce((n, k) => n + this.of(k).length, 0)
  }

  // Resolves once every key has failed at least n times.
  async each (keys: string[], n: number, timeoutMs: number): Promise<void> {
    const done = (): boolean => keys.every(k => this.of(k).length >= n)
    if (done()) return
    await new Promise<void>((resolve, reject) => {
      let settled = false
      const check = (): void => { if (done()) finish(null) }
      const finish = (err: Error | null): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.changed.delete(check)
        if (err) reject(err); else resolve()
      }
      // A safety net, not a sleep: the wait ends at the line that completes it.
      const timer = setTimeout(() => {
        const short = keys.filter(k => this.of(k).length < n).length
        finish(new Error(`${this.label}: ${short} of ${keys.length} spoofed keys failed fewer than ${n} dials within ${timeoutMs} ms`))
      }, timeoutMs)
      this.changed.add(check)
      this.node.exited.then(exit => finish(new Error(`${this.label} exited (code ${exit.code}) while waiting for failed dials`)), () => {})
    })
  }
}

netnsTest('spoofed mDNS records pointing at real nodes with other keys: handshakes fail, nothing breaks', async t => {
  const host = await createLoopbackNs({ t })
  const [dataV, dataG] = [await tmpDir(t, 'v'), await tmpDir(t, 'g')]
  const v = startNode(t, host, { name: 'victim', data: dataV, port: 7701, args: ['--verbose'] })
  const g = startNode(t, host, { name: 'grace', data: dataG, port: 7702, args: ['--verbose'] })
  const [failedV, failedG] = [new DialFailures(v, 'victim'), new DialFailures(g, 'grace')]
  const [rv, rg] = [await v.waitFor(isReady, { what: 'victim ready' }), await g.waitFor(isReady, { what: 'grace ready' })]
  await v.waitFor(isPeer('online', rg.id), { what: 'grace online at victim' })
  await g.waitFor(isPeer('online', rv.id), { what: 'victim online at grace' })
  const before = rssMb(v.pid)

  const spoofer = spawnIn(host, process.execPath, ['--import', 'tsx', SPOOFER, String(rv.workspace), '7701,7702', String(SPOOFED), '7703'], { t, cwd: ROOT })
  const keys = (await spoofer.waitFor(e => e.event === 'published', { what: 'spoofed records published' })).keys as string[]
  const started = Date.now()
  // Every node saw the records and dialled each spoofed key.
  const dialled = await Promise.all([failedV.each(keys, 1, 10_000), failedG.each(keys, 1, 10_000)]).then(() => null, (err: Error) => err.message)
  const [fv, fg] = [failedV.total(keys), failedG.total(keys)]
  t.ok(dialled === null && fv >= SPOOFED && fg >= SPOOFED, `each of ${SPOOFED} spoofed keys was dialled and failed the handshake check at both nodes: ${fv} and ${fg} failed dials logged${dialled ? ` (${dialled})` : ''}`)

  g.write('still here')
  await v.waitFor(isText('still here'), { what: 'message after the spoofing' })
  v.write('me too')
  await g.waitFor(isText('me too'), { what: 'reply after the spoofing' })
  t.pass('the real nodes still talk')
  const spoofedOnline = [...v.events, ...g.events].filter(e => e.event === 'peer' && keys.includes(String(e.id)))
  t.deepEqual(spoofedOnline, [], 'no spoofed key was ever shown as a person')
  t.notOk(v.events.some(isPeer('offline', rg.id)) || g.events.some(isPeer('offline', rv.id)), 'the real nodes never saw each other go offline')
  t.equal(v.child.exitCode, null, 'victim still running')
  t.equal(g.child.exitCode, null, 'grace still running')

  // The records stay announced: redials must back off instead of spinning.
  // Timed per key, from its first failed dial to its last of REDIALS more.
  const redialled = await failedV.each(keys, 1 + REDIALS, 30_000).then(() => null, (err: Error) => err.message)
  const rates = keys.map(k => { const times = failedV.of(k).slice(0, 1 + REDIALS); return REDIALS / Math.max(1e-3, (times.at(-1)! - times[0]!) / 1000) })
  const perKeyPerSecond = Math.max(...rates)
  t.ok(redialled === null && perKeyPerSecond <= 2, `redials back off: at most ${perKeyPerSecond.toFixed(2)} failed dials per spoofed key per second at the victim over each key's first ${REDIALS} redials${redialled ? ` (${redialled})` : ''}`)
  const after = rssMb(v.pid)
  t.ok(after - before < 32, `victim RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (limit +32 MB)`)
  spoofer.child.stdin?.end()
  const decoy = await spoofer.waitFor(e => e.event === 'server', { what: 'decoy server figures' })
  t.equal(decoy.keptOpen, 0, `no node kept a connection to the decoy that answered for ${SPOOFED / 3} spoofed keys with its own (${String(decoy.handshakes)} handshakes completed, ${String(decoy.keptOpen)} kept open over 1 s)`)
  await spoofer.exited
  t.comment(`${SPOOFED} spoofed records for ${((Date.now() - started) / 1000).toFixed(0)} s; ${failedV.total(keys)} failed dials at the victim`)
})
