// Two sub-nets joined by a router (mDNS does not cross it), the relay on
// one of them: nodes on both sides find each other through the relay's
// HyperDHT bootstrap and Hyperswarm, and talk directly, not only to the relay.
import { createRoutedLans, netnsTest, spawnIn, type Proc } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { BIN, ROOT, isPeer, isReady, isText, startNode, type Ready } from '../helpers/node-proc.ts'

netnsTest('two sub-nets and a relay: nodes on both sides talk to each other', async t => {
  const net = await createRoutedLans({ hostsPerLan: [2, 2], t })
  const [relayHost, aHost] = net.lans[0]
  const [bHost, cHost] = net.lans[1]
  const relay = spawnIn(relayHost!, process.execPath, ['--import', 'tsx', BIN, 'relay', '--data', await tmpDir(t, 'relay'), '--dht-host', relayHost!.address, '--http', 'off'], { t, cwd: ROOT })
  await relay.waitFor(isReady, { what: 'relay ready', timeoutMs: 30000 })
  const via = ['--relay', relayHost!.address]
  const started = Date.now()
  // A relay is trusted only when configured (issue 10, finding 11): ann, on
  // the relay's own LAN, names it too to be led into the swarm.
  const a = startNode(t, aHost!, { name: 'ann', data: await tmpDir(t, 'a'), args: via })
  const b = startNode(t, bHost!, { name: 'ben', data: await tmpDir(t, 'b'), args: via })
  const c = startNode(t, cHost!, { name: 'cat', data: await tmpDir(t, 'c'), args: via })
  const procs: Proc[] = [a, b, c]
  const ready: Ready[] = await Promise.all(procs.map(p => p.waitFor(isReady, { what: 'node ready', timeoutMs: 30000 })))
  t.comment(`all three ready after ${Date.now() - started} ms`)
  // Presence is per connection: "online" at X for Y means X and Y are
  // connected directly.
  for (const [i, p] of procs.entries()) {
    for (const [j, r] of ready.entries()) {
      if (i !== j) {
        await p.waitFor(isPeer('online', r.id), { what: `${r.name} online at ${ready[i]!.name}`, timeoutMs: 30000 })
        t.comment(`${r.name} online at ${ready[i]!.name}: ${Date.now() - started} ms`)
      }
    }
  }
  t.comment(`ann (the relay's LAN) and ben, cat (the other sub-net), all with --relay, connected after ${Date.now() - started} ms`)
  a.write('hello from sub-net 0')
  c.write('hello from sub-net 1')
  for (const p of procs) {
    await p.waitFor(isText('hello from sub-net 0'), { what: 'message from sub-net 0' })
    await p.waitFor(isText('hello from sub-net 1'), { what: 'message from sub-net 1' })
  }
  t.pass('messages cross the router both ways')
  relay.write('')
  relay.kill('SIGTERM')
  t.equal((await relay.exited).code, 0, 'the relay exits 0 on SIGTERM')
})
