// FeedWindow on a real Hypercore on disk: tail first, widening on demand,
// reaching back to a read marker, live appends, and the jump past MAX_GAP
// blocks that keeps every live entry.
import { once } from 'node:events'
import test from 'tape'
import type { Test } from 'tape'
import type Hypercore from 'hypercore'
import { headerEntry } from '../../lib/feed/feed-header.ts'
import { FeedStore } from '../../lib/feed/feed-store.ts'
import { FeedWindow, MAX_GAP, type WindowEntry } from '../../lib/feed/feed-window.ts'
import { loadOrCreateIdentity } from '../../lib/identity/identity.ts'
import { hash } from '../../lib/identity/keys.ts'
import { silentLog } from '../../lib/log.ts'
import { encodeBlock, type Entry, type Header } from '../../lib/wire/index.ts'
import { cleanup } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'

const T0 = 1_700_000_000_000

function message (i: number, wall = T0 + i): Entry {
  return { type: 'message', text: `m${i}`, hlc: { wall, logical: 0 } }
}

async function feed (t: Test, blocks: Entry[][]): Promise<{ core: Hypercore, header: Header }> {
  const dir = await tmpDir(t, 'window')
  const store = new FeedStore(dir)
  cleanup(t, () => store.close())
  await store.ready()
  const me = await loadOrCreateIdentity(dir)
  const id = hash(['test-chat'])
  const core = await store.own({ id, key: hash(['test-key']) })
  const head = headerEntry(me, core.key!, id, 'alice', { wall: T0, logical: 0 })
  await core.append([encodeBlock([head]), ...blocks.map(b => encodeBlock(b))])
  return { core, header: head.type === 'header' ? head.header : assertNever() }
}

function assertNever (): never {
  throw new Error('not a header')
}

function window (core: Hypercore, header: Header, opts: { full?: boolean, initialTail?: number, liveSince?: number } = {}): { w: FeedWindow, seen: WindowEntry[], resets: number[] } {
  const w = new FeedWindow(core, header, true, { full: opts.full ?? false, initialTail: opts.initialTail ?? 3, liveSince: opts.liveSince, log: silentLog })
  const seen: WindowEntry[] = []
  const resets: number[] = []
  w.on('entries', list => seen.push(...list))
  w.on('reset', () => resets.push(seen.length))
  return { w, seen, resets }
}

const texts = (list: WindowEntry[]): string[] => list.map(e => e.entry.type === 'message' ? e.entry.text : e.entry.type)

test('a window starts at the tail and widens downwards on demand', async t => {
  const { core, header } = await feed(t, Array.from({ length: 10 }, (_, i) => [message(i)]))
  const { w, seen } = window(core, header)
  t.equal(w.identity, Buffer.from(header.identity).toString('hex'), 'the identity comes from the header')
  await w.start()
  t.deepEqual(texts(seen), ['m7', 'm8', 'm9'], 'the newest 3 blocks first')
  t.deepEqual([w.lo, w.hi], [8, 11])
  t.deepEqual(w.last, { wall: T0 + 9, logical: 0 }, 'the newest clock is known')
  await w.tail(5)
  t.deepEqual(texts(seen.slice(3)), ['m5', 'm6'], 'widening loads only what was missing')
  await w.tail(100)
  t.equal(seen.length, 10, 'never past the header')
  t.equal(w.lo, 1)
  w.close()
})

test('since() reaches back to an entry at or before the mark', async t => {
  const { core, header } = await feed(t, Array.from({ length: 200 }, (_, i) => [message(i)]))
  const { w, seen } = window(core, header)
  await w.start()
  await w.since({ wall: T0 + 50, logical: 0 })
  t.ok(w.lowest !== null && w.lowest.wall <= T0 + 50, `the window reaches block ${w.lo}, stamped at or before the mark`)
  t.ok(seen.some(e => e.entry.type === 'message' && e.entry.text === 'm51'), 'everything after the mark is loaded')
  w.close()
})

test('several entries to a block keep their offsets; the directory reads everything', async t => {
  const { core, header } = await feed(t, [[message(0), { type: 'channel', name: '#dev', hlc: { wall: T0 + 1, logical: 0 } }], [message(2)]])
  const { w, seen } = window(core, header, { full: true })
  await w.start()
  t.deepEqual(seen.map(e => [e.block, e.offset, e.entry.type]), [[1, 0, 'message'], [1, 1, 'channel'], [2, 0, 'message']])
  w.close()
})

test('live appends are read as they come', async t => {
  const { core, header } = await feed(t, [[message(0)]])
  const { w, seen } = window(core, header)
  await w.start()
  const more = once(w, 'entries')
  await core.append(encodeBlock([message(1)]))
  const [list] = await more as [WindowEntry[]]
  t.deepEqual(texts(list), ['m1'])
  t.deepEqual(texts(seen), ['m0', 'm1'])
  w.close()
})

test('a jump of more than MAX_GAP blocks drops old history but keeps every live entry', async t => {
  const { core, header } = await feed(t, [[message(0)], [message(1)]])
  const liveSince = T0 + 1_000_000
  const { w, seen, resets } = window(core, header, { initialTail: 3, liveSince })
  await w.start()
  t.deepEqual(texts(seen), ['m0', 'm1'])
  const old = Array.from({ length: MAX_GAP + 500 }, (_, i) => encodeBlock([message(10 + i)]))
  const live = Array.from({ length: 5 }, (_, i) => encodeBlock([message(5000 + i, liveSince + i)]))
  const done = new Promise<void>(resolve => w.on('entries', () => { if (w.hi === core.length && w.hi - w.lo >= 5) resolve() }))
  await core.append([...old, ...live])
  await done
  t.deepEqual(resets, [2], 'what was loaded before is dropped once')
  const after = texts(seen.slice(2))
  for (let i = 0; i < 5; i++) t.ok(after.includes(`m${5000 + i}`), `live entry ${i} is read`)
  t.ok(after.length < 20, `old history is not read block by block (${after.length} entries read)`)
  t.equal(w.hi, core.length, 'the window reaches the newest block')
  w.close()
})
