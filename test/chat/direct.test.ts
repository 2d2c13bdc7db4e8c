// Direct messages and unread counts, in process (real stores, in-memory
// Noise streams).
import fs from 'node:fs/promises'
import path from 'node:path'
import test from 'tape'
import type { UnreadEvent } from '../../lib/chat/events.ts'
import type { Messenger } from '../../lib/chat/messenger.ts'
import { connect, createPeer } from '../helpers/peers.ts'

function unreadOf (m: Messenger): Map<string, number> {
  const counts = new Map<string, number>()
  m.on('unread', (e: UnreadEvent) => counts.set(e.chat, e.count))
  return counts
}

function until (m: Messenger, cond: () => boolean): Promise<void> {
  return new Promise(resolve => {
    const check = (): void => {
      if (!cond()) return
      m.off('unread', check)
      resolve()
    }
    m.on('unread', check)
    check()
  })
}

async function filesContain (dir: string, needle: string): Promise<string[]> {
  const hits: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if ((await fs.readFile(p)).includes(Buffer.from(needle))) hits.push(p)
    }
  }
  await walk(dir)
  return hits
}

test('A and B talk privately; C, connected to both, reads nothing', async t => {
  const a = await createPeer(t, 'alice')
  const b = await createPeer(t, 'bob')
  const c = await createPeer(t, 'carol')
  connect(a, b)
  connect(a, c)
  connect(b, c)
  await a.waitPeer(e => e.state === 'online' && e.id === b.m.id)
  const chat = await a.m.openDirect('@bob')
  t.equal(chat, '@bob', 'the chat is named after the other person')
  await a.m.send(chat, 'secret plan 7f3a')
  const got = await b.waitMessage(e => e.text === 'secret plan 7f3a', 'dm at bob')
  t.equal(got.chat, '@alice', 'bob sees it in @alice')
  t.equal(got.from.name, 'alice')
  t.ok(b.m.joined().includes('@alice'), 'the chat appears in bob\'s list')
  await b.m.send('@alice', 'agreed 9c1d')
  await a.waitMessage(e => e.text === 'agreed 9c1d' && e.chat === '@bob', 'reply at alice')
  await a.m.send('#general', 'public marker')
  await c.waitMessage(e => e.text === 'public marker', 'c is connected and replicating')
  t.notOk(c.messages.some(e => e.chat.startsWith('@')), 'carol shows no direct message')
  t.deepEqual(c.m.joined(), ['#general'], 'carol has no direct chat')
  await c.m.close()
  t.deepEqual(await filesContain(c.dir, 'secret plan 7f3a'), [], 'carol\'s data folder holds no plaintext of the DM')
  t.deepEqual(await filesContain(c.dir, 'agreed 9c1d'), [], 'nor of the reply')
  t.ok((await filesContain(c.dir, 'public marker')).length === 0, 'channel blocks are encrypted at rest too')
})

test('names are ambiguous, keys are not', async t => {
  const a = await createPeer(t, 'alice')
  const b1 = await createPeer(t, 'bob')
  const b2 = await createPeer(t, 'bob')
  connect(a, b1)
  connect(a, b2)
  await a.waitPeer(e => e.state === 'online' && e.id === b1.m.id)
  await a.waitPeer(e => e.state === 'online' && e.id === b2.m.id)
  // Issue 10, finding 12: `@bob` is not ambiguous: it means the bob shown
  // plain (the first claim); the other is shown with a key suffix.
  const plain = [b1, b2].find(b => a.m.person(b.m.id).display === 'bob')
  const other = plain === b1 ? b2 : b1
  t.ok(plain, 'one bob is shown plain')
  t.equal(a.m.person(other.m.id).display, `bob.${other.m.id.slice(0, 12)}`, 'the other with a key suffix')
  t.equal(a.m.resolve('@bob'), '@' + plain?.m.id, '@bob means the plain one')
  const chat = await a.m.openDirect(`@bob.${b2.m.id.slice(0, 4)}`)
  await a.m.send(chat, 'to the second bob')
  await b2.waitMessage(e => e.text === 'to the second bob')
  t.notOk(b1.messages.some(e => e.text === 'to the second bob'), 'the first bob does not get it')
  try {
    await a.m.openDirect('@nobody')
    t.fail('should be unknown')
  } catch (err) {
    t.equal((err as { code: string }).code, 'UNKNOWN_PERSON')
  }
})

test('B comes back: 5 unread in @A, 3 in #general; reading clears them, also after a restart', async t => {
  const a = await createPeer(t, 'alice')
  let b = await createPeer(t, 'bob')
  let cut = connect(a, b)
  await a.waitPeer(e => e.state === 'online' && e.id === b.m.id)
  await b.m.send('#general', 'hi all')
  await a.waitMessage(e => e.text === 'hi all')
  cut()
  await b.m.close()

  const dm = await a.m.openDirect('@bob')
  for (let i = 0; i < 5; i++) await a.m.send(dm, `dm ${i}`)
  for (let i = 0; i < 3; i++) await a.m.send('#general', `general ${i}`)

  b = await createPeer(t, 'bob', {}, b.dir)
  let counts = unreadOf(b.m)
  cut = connect(a, b)
  await until(b.m, () => counts.get('@alice') === 5 && counts.get('#general') === 3)
  t.pass('told 5 unread in @alice and 3 in #general')
  t.deepEqual((await b.m.unread()).sort((x, y) => x.chat < y.chat ? -1 : 1), [{ chat: '#general', chatKey: '#general', count: 3 }, { chat: '@alice', chatKey: '@' + a.m.id, count: 5 }], '/unread lists them')

  // Restart before reading: the counts survive.
  cut()
  await b.m.close()
  b = await createPeer(t, 'bob', {}, b.dir)
  counts = unreadOf(b.m)
  await until(b.m, () => counts.get('@alice') === 5 && counts.get('#general') === 3)
  t.pass('unread counts survive a restart, offline')

  await b.m.markRead('@alice')
  await b.m.markRead('#general')
  t.deepEqual(await b.m.unread(), [], 'reading clears the counts')
  await b.m.close()
  b = await createPeer(t, 'bob', {}, b.dir)
  t.deepEqual(await b.m.unread(), [], 'and they stay cleared after a restart')

  counts = unreadOf(b.m)
  cut = connect(a, b)
  await a.m.send(dm, 'one more')
  await until(b.m, () => counts.get('@alice') === 1)
  t.pass('a new message counts again')
  await b.m.send('@alice', 'thanks')
  await until(b.m, () => counts.get('@alice') === 0)
  t.pass('replying marks the chat read; own messages are never unread')
  cut()
})
