// Partition: four nodes on a bridged LAN with real mDNS, in two groups:
// ann (host 0) and ben (host 1); cat and dan (both on host 2). Host 2's
// switch port goes down for 30 s while every node writes once a second;
// then it comes back. Within 10 s of the link coming back, every node must
// show every message, and all four `/history` answers must be the same
// messages in the same order.
import { createLan, netnsTest, type Proc } from '../../helpers/netns.ts'
import { tmpDir } from '../../helpers/peers.ts'
import { isPeer, isReady, isText, startNode, type Ready } from '../../helpers/node-proc.ts'
import { historyOf, logProblems } from '../node-checks.ts'

const PARTITION_MS = 30_000
const CONVERGE_MS = 10_000

netnsTest(`partition for ${PARTITION_MS / 1000} s with writes on both sides: every node converges to one ordered history within ${CONVERGE_MS / 1000} s`, async t => {
  const lan = await createLan({ hosts: 3, t })
  const names = ['ann', 'ben', 'cat', 'dan']
  const hostOf = [0, 1, 2, 2]
  const dirs = await Promise.all(names.map(n => tmpDir(t, n)))
  const nodes: Proc[] = names.map((name, i) => startNode(t, lan.hosts[hostOf[i]!]!, { name, data: dirs[i]!, port: i === 3 ? 47471 : 47470 }))
  const ready: Ready[] = await Promise.all(nodes.map((p, i) => p.waitFor(isReady, { what: `${names[i]} ready`, timeoutMs: 30_000 })))
  for (const [i, p] of nodes.entries()) {
    for (const [j, r] of ready.entries()) if (i !== j) await p.waitFor(isPeer('online', r.id), { what: `${names[j]} online at ${names[i]}`, timeoutMs: 30_000 })
  }
  const all: string[] = []
  for (const [i, p] of nodes.entries()) { p.write(`hello from ${names[i]}`); all.push(`hello from ${names[i]}`) }
  for (const p of nodes) for (const text of all) await p.waitFor(isText(text), { what: text })
  t.pass('four nodes, one LAN: everyone sees everyone')

  await lan.linkDown(2)
  const cutAt = Date.now()
  let tick = 0
  // Writes on both sides, once a second each, for the whole partition.
  await new Promise<void>(resolve => {
    const timer = setInterval(() => {
      for (const [i, p] of nodes.entries()) { const text = `${names[i]} ${tick}`; p.write(text); all.push(text) }
      tick++
      if (Date.now() - cutAt >= PARTITION_MS) { clearInterval(timer); resolve() }
    }, 1000)
  })
  // Each side kept talking inside itself.
  const lastTick = tick - 1
  await nodes[1]!.waitFor(isText(`ann ${lastTick}`), { what: 'ann reaches ben during the partition' })
  await nodes[3]!.waitFor(isText(`cat ${lastTick}`), { what: 'cat reaches dan during the partition' })
  t.notOk(nodes[0]!.events.some(isText(`cat ${lastTick}`)), 'and nothing crossed the partition')
  const sawOffline = nodes[0]!.events.some(isPeer('offline', ready[2]!.id))

  await lan.linkUp(2)
  const upAt = Date.now()
  let convergedAt = upAt
  for (const p of nodes) {
    for (const text of all) {
      await p.waitFor(isText(text), { what: `${text} after the link came back`, timeoutMs: 60_000 })
    }
    convergedAt = Math.max(convergedAt, Date.now())
  }
  const seconds = (convergedAt - upAt) / 1000
  t.ok(seconds <= CONVERGE_MS / 1000, `every node shows all ${all.length} messages ${seconds.toFixed(1)} s after the link came back (limit ${CONVERGE_MS / 1000} s)`)
  const histories = await Promise.all(nodes.map(async p => (await historyOf(p, 1000)).map(e => e.id)))
  for (let i = 1; i < nodes.length; i++) t.deepEqual(histories[i], histories[0], `${names[i]}'s /history is ann's: same ${histories[0]!.length} messages, same order`)
  t.equal(histories[0]!.length, all.length, 'and it holds every message once')
  for (const [i, dir] of dirs.entries()) t.deepEqual((await logProblems(dir)).slice(0, 3), [], `${names[i]}'s log shows no failed block`)
  t.comment(`${PARTITION_MS / 1000} s partition, ${tick} writes per node (${all.length} messages in all); the far side ${sawOffline ? 'was' : 'was not'} shown offline during it; converged ${seconds.toFixed(1)} s after the link came back`)
})
