// Finding 1 of issue 10: a feed full of future-dated entries. They used to
// pile up in ChatView's held list without bound, and the hold timer spread
// that list into Math.min, which throws past ~125k entries inside a timer
// and kills the process. Now what is held is bounded per feed and per
// chat, the excess is refused and counted, and honest messages still show.
import { EventEmitter } from 'node:events'
import test from 'tape'
import { ChatView } from '../../lib/chat/chat-view.ts'
import { MAX_FUTURE_MS } from '../../lib/chat/hlc.ts'
import type { StoredMessage } from '../../lib/chat/chat-message.ts'
import type { FeedWindow, WindowEntry } from '../../lib/feed/feed-window.ts'
import type { ReadableFeeds } from '../../lib/feed/readable-feeds.ts'
import { MAX_HELD_PER_CHAT, MAX_HELD_PER_FEED } from '../../lib/wire/index.ts'
import { recordingLog } from './evil-peer.ts'

const NOW = 1_800_000_000_000
const YEAR = 365 * 24 * 3600 * 1000

// What ChatView reads of a feed window: its key, header and entries.
function fakeWindow (n: number): FeedWindow {
  const w = new EventEmitter() as unknown as FeedWindow & { key: Buffer, hex: string, identity: string, header: { device: Uint8Array } }
  const key = Buffer.alloc(32, n)
  Object.assign(w, { key, hex: key.toString('hex'), identity: key.toString('hex'), header: { device: key } })
  return w
}

function entries (walls: number[], text: string): WindowEntry[] {
  return walls.map((wall, i) => ({ entry: { type: 'message', text: `${text} ${i}`, hlc: { wall, logical: 0 } }, block: i + 1, offset: 0 }))
}

function emitEntries (w: FeedWindow, list: WindowEntry[]): void {
  (w as unknown as EventEmitter).emit('entries', list)
}

test('143k entries dated a year ahead: bounded, refused and counted, no crash; honest and due messages still show', async t => {
  const log = recordingLog()
  const feeds = Object.assign(new EventEmitter(), { feeds: new Map<string, FeedWindow>() })
  let now = NOW
  const view = new ChatView(feeds as unknown as ReadableFeeds, () => now, log)
  const evil = fakeWindow(1)
  const honest = fakeWindow(2)
  feeds.emit('feed', evil)
  feeds.emit('feed', honest)
  const shown: StoredMessage[] = []
  view.on('added', list => shown.push(...list))

  const flood = 200_000
  const soon = NOW + MAX_FUTURE_MS + 20
  t.doesNotThrow(() => {
    emitEntries(evil, entries(Array.from({ length: flood }, (_, i) => NOW + YEAR + i), 'future'))
    emitEntries(evil, entries([soon], 'due soon'))
  }, `${flood} future-dated entries and one due soon are taken without a throw`)
  t.ok(view.heldCount <= MAX_HELD_PER_FEED, `held ${view.heldCount} of that feed (bound ${MAX_HELD_PER_FEED})`)
  t.equal(view.heldRefused, flood + 1 - view.heldCount, 'every entry not held was refused and counted')
  t.ok(log.warnings.some(w => w.obj.reason === 'too-many-future-dated'), 'refusals logged at warn with a reason')

  // Many feeds of one attacker: the chat's bound holds too.
  const feedsNeeded = Math.ceil(MAX_HELD_PER_CHAT / MAX_HELD_PER_FEED) + 2
  for (let f = 0; f < feedsNeeded; f++) {
    const w = fakeWindow(10 + f)
    feeds.emit('feed', w)
    emitEntries(w, entries(Array.from({ length: MAX_HELD_PER_FEED * 2 }, (_, i) => NOW + YEAR + i), `sybil ${f}`))
  }
  t.ok(view.heldCount <= MAX_HELD_PER_CHAT, `held ${view.heldCount} in the chat (bound ${MAX_HELD_PER_CHAT})`)

  emitEntries(honest, entries([NOW - 1000], 'honest'))
  t.ok(shown.some(m => m.text === 'honest 0'), 'an honest message shows at once')

  // The entry due in 20 ms shows when its time comes (the view's clock is
  // moved there; its timer fires then); a safety timeout fails the test.
  now += 20
  const due = await new Promise<boolean>(resolve => {
    const timer = setTimeout(() => resolve(false), 5000)
    const check = (): void => { if (shown.some(m => m.text === 'due soon 0')) { clearTimeout(timer); resolve(true) } }
    view.on('added', check)
    check()
  })
  view.close()
  t.ok(due, 'the message dated just past the limit shows when due, despite the flood')
  t.notOk(shown.some(m => m.text.startsWith('future')), 'nothing dated a year ahead showed')
})
