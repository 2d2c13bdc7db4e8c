// The messages of one chat in their one total order (DESIGN.md §5), merged
// from the windows of its writer feeds (lib/feed/feed-window.ts), and its
// entries of other kinds for whoever listens. `tail(n)` widens every window
// to n blocks, which is enough to hold the chat's newest n messages
// whatever the interleaving.
import { EventEmitter } from 'node:events'
import type { FeedWindow, WindowEntry } from '../feed/feed-window.ts'
import type { ReadableFeeds } from '../feed/readable-feeds.ts'
import type { Entry, Hlc } from '../wire/index.ts'
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
  private readonly held: StoredMessage[] = []
  private heldTimer: NodeJS.Timeout | null = null
  private readonly clock: () => number
  private closed = false

  constructor (feeds: ReadableFeeds, clock: () => number = Date.now) {
    super()
    this.feeds = feeds
    this.clock = clock
    feeds.on('feed', w => {
      w.on('entries', list => this.onEntries(w, list))
      w.on('reset', () => { this.messages = this.messages.filter(m => m.feed !== w.hex) })
    })
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
    for (const m of added) {
      if (m.hlc.wall > now + MAX_FUTURE_MS) this.held.push(m)
      else ready.push(m)
    }
    if (this.held.length > 0) this.scheduleHeld()
    if (ready.length === 0) return
    ready.sort(compareMessages)
    const last = this.messages[this.messages.length - 1]
    this.messages.push(...ready)
    if (last && compareMessages(last, ready[0]!) > 0) this.messages.sort(compareMessages)
    this.emit('added', ready)
  }

  // Entries stamped too far in the future wait until their time (DESIGN.md §5).
  private scheduleHeld (): void {
    if (this.heldTimer || this.closed) return
    const next = Math.min(...this.held.map(m => m.hlc.wall)) - MAX_FUTURE_MS
    this.heldTimer = setTimeout(() => {
      this.heldTimer = null
      const now = this.clock()
      const due = this.held.filter(m => m.hlc.wall <= now + MAX_FUTURE_MS)
      for (const m of due) this.held.splice(this.held.indexOf(m), 1)
      this.insert(due)
    }, Math.max(0, Math.min(next - this.clock(), 2 ** 31 - 1)))
    this.heldTimer.unref()
  }
}
