// kill -9 of the relay under load, and restart, 3 rounds. alice and bob
// reach each other only through the relay (static --peer, no mDNS) and
// each write 10 messages a second throughout. After each restart both must
// be connected to the relay again within 5 s of it being ready, by
// themselves; at the end every acknowledged message must have reached the
// other side, and both must show the same history.
import type { Test } from 'tape'
import { createLoopbackNs, netnsTest, spawnIn, type Host, type Proc } from '../../helpers/netns.ts'
import { tmpDir } from '../../helpers/peers.ts'
import { BIN, ROOT, isPeer, isReady, isText, startNode } from '../../helpers/node-proc.ts'
import { historyOf, logProblems } from '../node-checks.ts'

const ROUNDS = 3
const RECONNECT_MS = 5000
const RELAY_PORT = 7901

function startRelay (t: Test, host: Host, data: string): Proc {
  return spawnIn(host, process.execPath, ['--import', 'tsx', BIN, 'relay', '--data', data, '--port', String(RELAY_PORT), '--no-mdns', '--dht-port', '0', '--http', 'off'], { t, cwd: ROOT })
}

netnsTest(`kill -9 of the relay under load, ${ROUNDS} rounds: no message lost, peers back within ${RECONNECT_MS / 1000} s by themselves`, async t => {
  const host = await createLoopbackNs({ t })
  const dirs = { relay: await tmpDir(t, 'relay'), alice: await tmpDir(t, 'alice'), bob: await tmpDir(t, 'bob') }
  let relay = startRelay(t, host, dirs.relay)
  const relayId = String((await relay.waitFor(isReady, { what: 'relay ready', timeoutMs: 30_000 })).id)
  const via = ['--no-mdns', '--peer', `127.0.0.1:${RELAY_PORT}`]
  const a = startNode(t, host, { name: 'alice', data: dirs.alice, port: 7902, args: via })
  const b = startNode(t, host, { name: 'bob', data: dirs.bob, port: 7903, args: via })
  await Promise.all([a, b].map(p => p.waitFor(isPeer('online', relayId), { what: 'relay online', timeoutMs: 30_000 })))
  a.write('hello bob')
  await b.waitFor(isText('hello bob'), { what: 'alice reaches bob through the relay' })

  const sentBy = new Map<Proc, string[]>([[a, []], [b, []]])
  let n = 0
  const load = setInterval(() => {
    for (const [p, list] of sentBy) { const text = `${p === a ? 'a' : 'b'}${n}`; p.write(text); list.push(text) }
    n++
  }, 100)
  const reconnects: number[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Let the load run through the relay for a while, then kill it mid-stream.
      const until = `b${n + 20}`
      await a.waitFor(isText(until), { what: `${until} at alice before kill ${round + 1}`, timeoutMs: 30_000 })
      const marks = [a.events.length, b.events.length]
      await relay.stop()
      relay = startRelay(t, host, dirs.relay)
      await relay.waitFor(isReady, { what: 'relay ready after kill -9', timeoutMs: 30_000 })
      const readyAt = Date.now()
      await Promise.all([a, b].map((p, i) => p.waitFor(e => p.events.indexOf(e) >= marks[i]! && isPeer('online', relayId)(e), { what: 'relay online again', timeoutMs: 30_000 })))
      reconnects.push(Date.now() - readyAt)
    }
  } finally {
    clearInterval(load)
  }
  t.ok(Math.max(...reconnects) <= RECONNECT_MS, `both peers reconnected by themselves after each restart: ${reconnects.map(ms => `${ms} ms`).join(', ')} after the relay was ready (limit ${RECONNECT_MS} ms)`)

  const [fromA, fromB] = [sentBy.get(a)!, sentBy.get(b)!]
  await b.waitFor(isText(fromA[fromA.length - 1]!), { what: "alice's last message at bob", timeoutMs: 30_000 })
  await a.waitFor(isText(fromB[fromB.length - 1]!), { what: "bob's last message at alice", timeoutMs: 30_000 })
  const [ha, hb] = await Promise.all([historyOf(a, 1000), historyOf(b, 1000)])
  const textsB = new Set(hb.map(e => e.text))
  const textsA = new Set(ha.map(e => e.text))
  t.deepEqual(fromA.filter(x => !textsB.has(x)), [], `all ${fromA.length} of alice's messages reached bob`)
  t.deepEqual(fromB.filter(x => !textsA.has(x)), [], `all ${fromB.length} of bob's messages reached alice`)
  t.deepEqual(hb.map(e => e.id), ha.map(e => e.id), 'both show the same history, in the same order')
  for (const [name, dir] of Object.entries(dirs)) t.deepEqual((await logProblems(dir)).slice(0, 3), [], `${name}'s log shows no failed block`)
  t.comment(`${ROUNDS} kills of the relay under 20 msg/s; ${fromA.length + fromB.length} messages; reconnected ${reconnects.join(', ')} ms after each restart`)
})
