// Spoofed mDNS: records of our workspace that carry made-up public keys and
// point at real nodes' ports or at a decoy Noise server with yet another key
// (test/faults/fixtures/mdns-spoof.ts). mDNS is a hint and the dial pins
// the announced key (DESIGN.md §4), so every such dial must fail the
// handshake check, no connection to the decoy may be kept, the spoofed keys
// must never show as people, the real nodes must stay connected and
// talking, and memory must stay flat.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLoopbackNs, netnsTest, spawnIn } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, ROOT, startNode } from '../helpers/node-proc.ts'
import { rssMb } from './heap.ts'

const SPOOFER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/mdns-spoof.ts')
const SPOOFED = 30

// The node's log: on a folder's first start Corestore moves the file it
// finds beside it into db/ (see docs/PERFORMANCE.md, findings), so read both.
async function readLog (dataDir: string): Promise<string> {
  const parts = await Promise.all(['hallway.log', 'db/hallway.log'].map(f => fs.readFile(path.join(dataDir, f), 'utf8').catch(() => '')))
  return parts.join('\n')
}

async function dialFailures (dataDir: string, keys: string[]): Promise<number> {
  const log = await readLog(dataDir)
  const prefixes = new Set(keys.map(k => k.slice(0, 16)))
  return log.split('\n').filter(l => l.includes('"dial failed"') && prefixes.has(/"peer":"([0-9a-f]{16})"/.exec(l)?.[1] ?? '')).length
}

netnsTest('spoofed mDNS records pointing at real nodes with other keys: handshakes fail, nothing breaks', async t => {
  const host = await createLoopbackNs({ t })
  const [dataV, dataG] = [await tmpDir(t, 'v'), await tmpDir(t, 'g')]
  const v = startNode(t, host, { name: 'victim', data: dataV, port: 7701 })
  const g = startNode(t, host, { name: 'grace', data: dataG, port: 7702 })
  const [rv, rg] = [await v.waitFor(isReady, { what: 'victim ready' }), await g.waitFor(isReady, { what: 'grace ready' })]
  await v.waitFor(isPeer('online', rg.id), { what: 'grace online at victim' })
  await g.waitFor(isPeer('online', rv.id), { what: 'victim online at grace' })
  const before = rssMb(v.pid)

  const spoofer = spawnIn(host, process.execPath, ['--import', 'tsx', SPOOFER, String(rv.workspace), '7701,7702', String(SPOOFED), '7703'], { t, cwd: ROOT })
  const keys = (await spoofer.waitFor(e => e.event === 'published', { what: 'spoofed records published' })).keys as string[]
  // Every node saw the records and dialled: wait until each spoofed key
  // failed at both (polling the log files: a failed dial has no event).
  const started = Date.now()
  let [fv, fg] = [0, 0]
  while ((fv < SPOOFED || fg < SPOOFED) && Date.now() - started < 10_000) {
    await new Promise(resolve => setTimeout(resolve, 100))
    ;[fv, fg] = await Promise.all([dialFailures(dataV, keys), dialFailures(dataG, keys)])
  }
  t.ok(fv >= SPOOFED && fg >= SPOOFED, `each of ${SPOOFED} spoofed keys was dialled and failed the handshake check at both nodes: ${fv} and ${fg} failed dials logged`)

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
  const failuresAt = await dialFailures(dataV, keys)
  const t0 = Date.now()
  await new Promise(resolve => setTimeout(resolve, 5000)) // a span to count redials in
  const failuresLater = await dialFailures(dataV, keys)
  const perKeyPerSecond = (failuresLater - failuresAt) / SPOOFED / ((Date.now() - t0) / 1000)
  t.ok(perKeyPerSecond <= 2, `redials back off: ${perKeyPerSecond.toFixed(2)} failed dials per spoofed key per second at the victim over 5 s`)
  const after = rssMb(v.pid)
  t.ok(after - before < 32, `victim RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (limit +32 MB)`)
  spoofer.child.stdin?.end()
  const decoy = await spoofer.waitFor(e => e.event === 'server', { what: 'decoy server figures' })
  t.equal(decoy.keptOpen, 0, `no node kept a connection to the decoy that answered for ${SPOOFED / 3} spoofed keys with its own (${String(decoy.handshakes)} handshakes completed, ${String(decoy.keptOpen)} kept open over 1 s)`)
  await spoofer.exited
  t.comment(`${SPOOFED} spoofed records for ${((Date.now() - started) / 1000).toFixed(0)} s; ${failuresLater} failed dials at the victim`)
})
