// The relay as a real process: offline delivery with the author gone, a
// relay restart that loses nothing, and a second relay that catches up from
// the first and then serves alone. Loopback namespace, real mDNS.
import type { Test } from 'tape'
import { createLoopbackNs, netnsTest, spawnIn, type Host, type Proc } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { BIN, ROOT, isPeer, isReady, isText, messages, startNode } from '../helpers/node-proc.ts'

function startRelay (t: Test, host: Host, data: string, port: number): Proc {
  return spawnIn(host, process.execPath, ['--import', 'tsx', BIN, 'relay', '--data', data, '--port', String(port), '--dht-port', '0', '--http', 'off'], { t, cwd: ROOT })
}

async function stop (p: Proc): Promise<void> {
  p.kill('SIGTERM')
  await p.exited
}

netnsTest('relay process: offline delivery, restart, and a second relay as hot standby', async t => {
  const host = await createLoopbackNs({ t })
  const relayData = await tmpDir(t, 'r1')
  let r1 = startRelay(t, host, relayData, 7301)
  const relayReady = await r1.waitFor(isReady, { what: 'relay ready', timeoutMs: 30000 })
  // Direct chats are named only to relays a node trusts (issue 10,
  // findings 6 and 11): alice and bob pin the relay's device key.
  const trust = ['--relay-key', String(relayReady.device)]

  const dirB = await tmpDir(t, 'b')
  let b = startNode(t, host, { name: 'bob', data: dirB, port: 7303, args: trust })
  const rb = await b.waitFor(isReady, { what: 'bob ready', timeoutMs: 30000 })
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7302, args: trust })
  const ra = await a.waitFor(isReady, { what: 'alice ready', timeoutMs: 30000 })
  await a.waitFor(isPeer('online', rb.id), { what: 'bob online at alice' })
  b.write('/quit')
  await b.exited

  a.write('/msg @bob while you were out')
  for (let i = 0; i < 5; i++) a.write(`general ${i}`)
  await a.waitFor(isText('general 4'), { what: 'alice sent' })
  a.write('/quit')
  await a.exited // quitting waits until the relay has what alice wrote
  t.pass('alice wrote while bob was offline, then quit')

  b = startNode(t, host, { name: 'bob', data: dirB, port: 7303, args: trust })
  await b.waitFor(e => isText('while you were out')(e) && e.chat === '@alice', { what: 'DM from the relay alone', timeoutMs: 20000 })
  await b.waitFor(isText('general 4'), { what: '#general from the relay alone', timeoutMs: 20000 })
  await b.waitFor(e => e.event === 'unread' && e.chat === '@alice' && e.count === 1, { what: 'unread 1 in @alice' })
  t.notOk(b.events.some(e => e.event === 'peer' && e.id === ra.id && e.state === 'online'), 'alice never came back: it was the relay')
  await stop(b)

  // Restart the relay: nothing lost.
  await stop(r1)
  r1 = startRelay(t, host, relayData, 7301)
  await r1.waitFor(isReady, { what: 'relay ready again', timeoutMs: 30000 })
  const r2 = startRelay(t, host, await tmpDir(t, 'r2'), 7311)
  await r2.waitFor(isReady, { what: 'second relay ready', timeoutMs: 30000 })
  // A node that sees both: once it has everything from the pair, the
  // second relay has had time to fetch it too (they replicate like nodes).
  const c = startNode(t, host, { name: 'carol', data: await tmpDir(t, 'c'), port: 7304 })
  await c.waitFor(isText('general 4'), { what: 'carol gets history from the relays', timeoutMs: 20000 })
  await stop(c)
  await stop(r1)

  const d = startNode(t, host, { name: 'dave', data: await tmpDir(t, 'd'), port: 7305 })
  await d.waitFor(isText('general 4'), { what: 'dave gets history from the second relay alone', timeoutMs: 20000 })
  t.deepEqual(messages(d).filter(m => m.chat === '#general').map(m => m.text), [0, 1, 2, 3, 4].map(i => `general ${i}`), 'whole #general, in order, from the standby')
  await stop(r2)
})
