// Direct messages and unread counts between real processes (loopback
// namespace, real mDNS): privacy against a third node, and exact unread
// counts across going offline, restarts and reading.
import fs from 'node:fs/promises'
import path from 'node:path'
import { createLoopbackNs, netnsTest, type Proc, type ProcEvent } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, startNode } from '../helpers/node-proc.ts'

const unread = (chat: string, count: number) => (e: ProcEvent): boolean => e.event === 'unread' && e.chat === chat && e.count === count

async function grepDir (dir: string, needle: string): Promise<number> {
  let hits = 0
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && (await fs.readFile(path.join(e.parentPath, e.name))).includes(Buffer.from(needle))) hits++
  }
  return hits
}

netnsTest('DMs between processes: private from a third node; unread counts exact across offline and restarts', async t => {
  const host = await createLoopbackNs({ t })
  const dirB = await tmpDir(t, 'b')
  const dirC = await tmpDir(t, 'c')
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7201 })
  let b: Proc = startNode(t, host, { name: 'bob', data: dirB, port: 7202 })
  const c = startNode(t, host, { name: 'carol', data: dirC, port: 7203 })
  const [ra, rb, rc] = await Promise.all([a, b, c].map(p => p.waitFor(isReady, { what: 'ready' })))
  for (const [p, r] of [[a, rb], [a, rc], [b, rc]] as const) await p.waitFor(isPeer('online', r!.id), { what: 'peers online' })

  a.write('/msg @bob the vault code is 4471')
  const dm = await b.waitFor(isText('the vault code is 4471'), { what: 'DM at bob' })
  t.equal(dm.chat, '@alice', 'bob sees the DM in @alice')
  b.write('/msg @alice got it 88a1')
  await a.waitFor(e => isText('got it 88a1')(e) && e.chat === '@bob', { what: 'reply at alice' })
  a.write('#general marker')
  await c.waitFor(isText('#general marker'), { what: 'carol replicates #general' })
  t.notOk(c.events.some(e => e.event === 'message' && String(e.chat).startsWith('@')), 'carol\'s output has no direct message')
  t.notOk(c.events.some(e => JSON.stringify(e).includes('vault code')), 'nor the text')

  // Bob reads #general once he has the marker (else /read may come first).
  await b.waitFor(isText('#general marker'), { what: 'bob replicates #general' })
  b.write('/read #general')
  await b.waitFor(e => e.event === 'read' && e.chat === '#general', { what: 'read #general' })
  b.write('/read @alice')
  await b.waitFor(e => e.event === 'read' && e.chat === '@alice', { what: 'read @alice' })
  b.write('/quit')
  await b.exited
  await a.waitFor(isPeer('offline', rb!.id), { what: 'bob offline' })

  for (let i = 0; i < 5; i++) a.write(`/msg @bob dm ${i}`)
  for (let i = 0; i < 3; i++) a.write(`general ${i}`)
  await a.waitFor(isText('general 2'), { what: 'alice sent all' })

  b = startNode(t, host, { name: 'bob', data: dirB, port: 7202 })
  await b.waitFor(unread('@alice', 5), { what: '5 unread in @alice', timeoutMs: 15000 })
  await b.waitFor(unread('#general', 3), { what: '3 unread in #general', timeoutMs: 15000 })
  t.pass('bob is told 5 unread in @alice and 3 in #general')
  b.write('/unread')
  const total = await b.waitFor(e => e.event === 'unread-total', { what: '/unread' })
  t.equal(total.count, 8, '/unread lists 8 in all')

  b.write('/quit')
  await b.exited
  b = startNode(t, host, { name: 'bob', data: dirB, port: 7202 })
  await b.waitFor(unread('@alice', 5), { what: 'still 5 after a restart' })
  await b.waitFor(unread('#general', 3), { what: 'still 3 after a restart' })
  b.write('/read @alice')
  await b.waitFor(unread('@alice', 0), { what: '@alice cleared' })
  b.write('/read #general')
  await b.waitFor(unread('#general', 0), { what: '#general cleared' })
  b.write('/quit')
  await b.exited
  b = startNode(t, host, { name: 'bob', data: dirB, port: 7202 })
  await b.waitFor(isReady, { what: 'bob ready again' })
  b.write('/unread')
  const after = await b.waitFor(e => e.event === 'unread-total', { what: '/unread after restart' })
  t.equal(after.count, 0, 'reading cleared the counts for good')
  if (after.count !== 0) t.comment(JSON.stringify(b.events.filter(e => e.event !== 'message')))

  c.write('/quit')
  await c.exited
  t.equal(await grepDir(dirC, 'vault code'), 0, 'carol\'s data folder holds no plaintext of the DM')
  void ra
})
