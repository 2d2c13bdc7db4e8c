// The messages of one chat in their one total order (DESIGN.md §5), merged
// from the windows of its writer feeds (lib/feed/feed-window.ts), and its
// entries of other kinds for whoever listens. `tail(n)` widens every window
// to n blocks, which is enough to hold the chat's newest n messages
// whatever the interleaving.
import { EventEmitter } from 'node:events'
import type { FeedWindow, WindowEntry } from '../feed/feed-window.ts'
import type { ReadableFeeds } from '../feed/readable-feeds.ts'
import type { Log } from '../log.ts'
import { MAX_HELD_PER_CHAT, MAX_HELD_PER_FEED, type Entry, type Hlc } from '../wire/index.ts'
import { compareMessages, messageId, type StoredMessage } from './chat-message.ts'
import { MAX_FUTURE_MS } from './hlc.ts'

export interface PositionedEntry { entry: Entry, feed: FeedWindow, block: number, offset: number }

export interface ChatViewEvents {
  added: [messages: StoredMessage[]]
  entries: [entries: PositionedEntry[]]
}

export class ChatView extends EventEmitter<ChatViewEvents> {
  messages: StoredMessage[] = []
  private readonly feeds: ReadableFeeds
  // Messages dated too far ahead, per feed (hex), soonest first; bounded
  // per feed and per chat (MAX_HELD_PER_FEED, MAX_HELD_PER_CHAT).
  private readonly held = new Map<string, StoredMessage[]>()
  private heldTotal = 0
  // Held messages refused or dropped past those bounds.
  heldRefused = 0
  private heldTimer: NodeJS.Timeout | null = null
  // The wall clock of the soonest held message when the timer was set.
  private heldNext = Infinity
  private readonly clock: () => number
  private readonly log: Log | null
  private closed = false

  constructor (feeds: ReadableFeeds, clock: () => number = Date.now, log: Log | null = null) {
    super()
    this.feeds = feeds
    this.clock = clock
    this.log = log
    feeds.on('feed', w => {
      w.on('entries', list => this.onEntries(w, list))
      w.on('reset', () => {
        this.messages = this.messages.filter(m => m.feed !== w.hex)
        this.heldTotal -= this.held.get(w.hex)?.length ?? 0
        this.held.delete(w.hex)
      })
    })
  }

  // How many messages wait for their time.
  get heldCount (): number {
    return this.heldTotal
  }

  // Ensure the newest n messages of the chat are loaded.
  async tail (n: number): Promise<StoredMessage[]> {
    await Promise.all([...this.feeds.feeds.values()].map(w => w.tail(n)))
    return this.messages.slice(-n)
  }

  // Ensure every message after `mark` is loaded (exact unread counts).
  async since (mark: Hlc): Promise<void> {
    await Promise.all([...this.feeds.feeds.values()].map(w => w.since(mark)))
  }

  // The n messages before message `before`: widen until the anchor and n
  // older messages are loaded, or the chat has nothing older.
  async before (n: number, before: string): Promise<StoredMessage[]> {
    await this.tail(n)
    for (let want = n * 2; ; want *= 2) {
      const i = this.messages.findIndex(m => m.id === before)
      const total = this.messages.length
      if (i >= n || (i >= 0 && total < want) || (i < 0 && total < want / 2)) return i < 0 ? [] : this.messages.slice(Math.max(0, i - n), i)
      await this.tail(want)
    }
  }

  // Everyone with a writer feed here (identity keys, hex).
  writers (): Set<string> {
    const out = new Set<string>()
    for (const w of this.feeds.feeds.values()) out.add(w.identity)
    return out
  }

  // Rank from the newest (0 = newest), or -1 when not loaded.
  rankFromTop (m: StoredMessage): number {
    for (let i = this.messages.length - 1, r = 0; i >= 0; i--, r++) {
      if (this.messages[i] === m) return r
      if (compareMessages(this.messages[i]!, m) < 0) return -1
    }
    return -1
  }

  close (): void {
    this.closed = true
    if (this.heldTimer) clearTimeout(this.heldTimer)
  }

  private onEntries (w: FeedWindow, list: WindowEntry[]): void {
    if (this.closed) return
    const added: StoredMessage[] = []
    const others: PositionedEntry[] = []
    const device = Buffer.from(w.header.device)
    for (const { entry, block, offset } of list) {
      if (entry.type === 'message') {
        added.push({ id: messageId(w.key, block, offset), hlc: entry.hlc, device, identity: w.identity, feed: w.hex, block, offset, text: entry.text })
      } else {
        others.push({ entry, feed: w, block, offset })
      }
    }
    if (others.length > 0) this.emit('entries', others)
    this.insert(added)
  }

  private insert (added: StoredMessage[]): void {
    const now = this.clock()
    const ready: StoredMessage[] = []
    let refused = 0
    for (const m of added) {
      if (m.hlc.wall > now + MAX_FUTURE_MS) refused += this.hold(m)
      else ready.push(m)
    }
    if (refused > 0) {
      this.heldRefused += refused
      this.log?.warn({ refused, held: this.heldTotal, reason: 'too-many-future-dated' }, 'future-dated messages refused')
    }
    if (this.heldTotal > 0) this.scheduleHeld()
    if (ready.length === 0) return
    ready.sort(compareMessages)
    const last = this.messages[this.messages.length - 1]
    // A loop, not push(...ready): a feed can hand up more entries than a
    // call may take arguments.
    for (const m of ready) this.messages.push(m)
    if (last && compareMessages(last, ready[0]!) > 0) this.messages.sort(compareMessages)
    this.emit('added', ready)
  }

  // Keeps a future-dated message until its time, within the bounds: a full
  // feed keeps its soonest ones (the latest is dropped for a sooner one),
  // a full chat refuses more. Returns how many were refused or dropped (a
  // dropped one comes back if its feed is read again, e.g. after a restart).
  private hold (m: StoredMessage): number {
    let list = this.held.get(m.feed)
    if (!list) this.held.set(m.feed, list = [])
    let dropped = 0
    if (list.length >= MAX_HELD_PER_FEED) {
      if (list[list.length - 1]!.hlc.wall <= m.hlc.wall) return 1
      list.pop()
      this.heldTotal--
      dropped = 1
    } else if (this.heldTotal >= MAX_HELD_PER_CHAT) {
      if (list.length === 0) this.held.delete(m.feed)
      return 1
    }
    let i = list.length
    while (i > 0 && list[i - 1]!.hlc.wall > m.hlc.wall) i--
    list.splice(i, 0, m)
    this.heldTotal++
    return dropped
  }

  // Entries stamped too far in the future wait until their time (DESIGN.md
  // §5). The soonest is found by a loop over the feeds' soonest (never a
  // spread of an array a peer controls).
  private scheduleHeld (): void {
    if (this.closed) return
    let next = Infinity
    for (const list of this.held.values()) if (list.length > 0 && list[0]!.hlc.wall < next) next = list[0]!.hlc.wall
    // A sooner message than the timer waits for: set it again.
    if (this.heldTimer && next >= this.heldNext) return
    if (this.heldTimer) clearTimeout(this.heldTimer)
    this.heldTimer = null
    if (next === Infinity) return
    this.heldNext = next
    this.heldTimer = setTimeout(() => {
      this.heldTimer = null
      this.heldNext = Infinity
      const limit = this.clock() + MAX_FUTURE_MS
      const due: StoredMessage[] = []
      for (const [feed, list] of this.held) {
        let n = 0
        while (n < list.length && list[n]!.hlc.wall <= limit) n++
        for (const m of list.splice(0, n)) due.push(m)
        if (list.length === 0) this.held.delete(feed)
      }
      this.heldTotal -= due.length
      this.insert(due)
    }, Math.max(0, Math.min(next - MAX_FUTURE_MS - this.clock(), 2 ** 31 - 1)))
    this.heldTimer.unref()
  }
}
