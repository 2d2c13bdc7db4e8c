// Three hosts (network namespaces) on one bridge, one headless node each,
// real mDNS: every node finds the others, every message reaches every node,
// and a node killed with SIGKILL is reported offline and catches up when it
// comes back. Needs root (CI runs as root); skipped with a reason otherwise.
import { createLan, netnsTest, type Proc } from './helpers/netns.ts'
import { tmpDir } from './helpers/peers.ts'
import { isPeer, isReady, isText, messages, startNode, type Ready } from './helpers/node-proc.ts'

netnsTest('three hosts on a LAN: discovery, delivery, crash and catch-up', async t => {
  const lan = await createLan({ hosts: 3, t })
  const names = ['ann', 'ben', 'cat']
  const dirs = await Promise.all(names.map(n => tmpDir(t, n)))
  const started = Date.now()
  const procs: Proc[] = lan.hosts.map((h, i) => startNode(t, h, { name: names[i]!, data: dirs[i]! }))
  const ready: Ready[] = await Promise.all(procs.map((p, i) => p.waitFor(isReady, { what: `${names[i]} ready` })))
  t.ok(ready.every(r => r.port === 47470), 'each host listens on the default port')

  for (const [i, p] of procs.entries()) {
    for (const [j, r] of ready.entries()) {
      if (i !== j) await p.waitFor(isPeer('online', r.id), { what: `${names[j]} online at ${names[i]}` })
    }
  }
  t.comment(`all 3 discovered each other over mDNS ${Date.now() - started} ms after start`)

  for (const [i, p] of procs.entries()) p.write(`hello from ${names[i]}`)
  for (const p of procs) for (const n of names) await p.waitFor(isText(`hello from ${n}`), { what: `hello from ${n}` })
  t.pass('every message reached every node')

  const [ann, ben] = procs as [Proc, Proc, Proc]
  const cat = ready[2]!
  const killedAt = Date.now()
  await procs[2]!.stop()
  await Promise.all([ann, ben].map(p => p.waitFor(isPeer('offline', cat.id), { what: 'cat offline', timeoutMs: 15000 })))
  t.comment(`SIGKILLed node reported offline by both others after ${Date.now() - killedAt} ms (limit 15000)`)

  ann.write('while cat was away 1')
  ben.write('while cat was away 2')
  await ann.waitFor(isText('while cat was away 2'), { what: 'ben reached ann' })

  const back = startNode(t, lan.hosts[2]!, { name: 'cat', data: dirs[2]! })
  await back.waitFor(isText('while cat was away 1'), { what: 'cat caught up (1)', timeoutMs: 15000 })
  await back.waitFor(isText('while cat was away 2'), { what: 'cat caught up (2)', timeoutMs: 15000 })
  await Promise.all([ann, ben].map(p => p.waitFor(e => isPeer('online', cat.id)(e) && p.events.indexOf(e) > p.events.findIndex(isPeer('offline', cat.id)), { what: 'cat online again', timeoutMs: 15000 })))
  t.pass('the restarted node caught up and is online again')
  const texts = messages(back).map(m => m.text)
  t.ok(texts.includes('hello from cat'), 'its own history survived the crash')

  back.write('cat is back')
  await ann.waitFor(isText('cat is back'), { what: 'cat reaches ann' })
  await ben.waitFor(isText('cat is back'), { what: 'cat reaches ben' })
  t.pass('and talks again')
})
