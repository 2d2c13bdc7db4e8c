// One chat this node follows and can read: its writer feeds and the view
// ordered from them, this device's own feed, which of its messages have
// been shown (the gate), and how many are unread past the read marker.
// Everything that is per chat lives here, so following a chat is creating
// one object and leaving it is closing it.
import { headerEntry } from '../feed/feed-header.ts'
import type { FeedStore } from '../feed/feed-store.ts'
import type { FeedWriter } from '../feed/feed-writer.ts'
import type { FetchPolicy } from '../feed/fetch-policy.ts'
import { ReadableFeeds } from '../feed/readable-feeds.ts'
import type { Identity } from '../identity/identity.ts'
import type { ChatKeys } from '../identity/workspace.ts'
import type { Log } from '../log.ts'
import { messageId, type StoredMessage } from './chat-message.ts'
import { chatKey, type ChatRef } from './chat-ref.ts'
import { ChatView } from './chat-view.ts'
import type { Directory } from './directory.ts'
import type { HlcClock } from './hlc.ts'
import { MessageGate } from './message-gate.ts'
import { START, type ReadMarkers } from './read-markers.ts'
import { UnreadCounter } from './unread-counter.ts'

// What every chat of a node shares.
export interface ChatContext {
  store: FeedStore
  fetch: FetchPolicy
  log: Log
  identity: Identity
  // The name written into the header of a new feed of ours.
  name: () => string
  clock: HlcClock
  wallClock: () => number
  sessionStart: number
  historyCount: number
  markers: ReadMarkers
  // Learns names and channels from every chat's entries and feed headers.
  directory: Directory
  hooks: ChatHooks
}

// Where a chat's news goes (the messenger turns them into events).
export interface ChatHooks {
  message (chat: Chat, m: StoredMessage, history: boolean): void
  unread (chat: Chat, count: number): void
  // A writer feed joined the chat (its members may have changed).
  feed (chat: Chat): void
  error (err: unknown): void
}

// The longest a new writer's tail may hold a chat's output.
export const GATE_HOLD_MS = 2000

export class Chat {
  readonly ref: ChatRef
  readonly key: string
  readonly keys: ChatKeys
  readonly feeds: ReadableFeeds
  readonly view: ChatView
  private writer: FeedWriter | null = null
  private readonly gate: MessageGate
  private readonly unread: UnreadCounter
  private readonly ctx: ChatContext
  private closed = false

  constructor (ref: ChatRef, keys: ChatKeys, ctx: ChatContext) {
    this.ref = ref
    this.key = chatKey(ref)
    this.keys = keys
    this.ctx = ctx
    const full = ref.kind === 'directory'
    this.feeds = new ReadableFeeds({
      name: this.key,
      keys,
      store: ctx.store,
      fetch: ctx.fetch,
      log: ctx.log,
      window: { full, initialTail: ctx.historyCount, liveSince: ctx.sessionStart }
    })
    this.view = new ChatView(this.feeds, ctx.wallClock, ctx.log.child({ chat: this.key }))
    this.gate = new MessageGate({
      view: this.view,
      sessionStart: ctx.sessionStart,
      historyCount: ctx.historyCount,
      maxHoldMs: GATE_HOLD_MS,
      show: (m, history) => { if (!this.closed && this.counted) ctx.hooks.message(this, m, history) }
    })
    this.unread = new UnreadCounter({
      view: this.view,
      mark: () => ctx.markers.get(this.key),
      self: () => ctx.identity.id,
      onChange: count => ctx.hooks.unread(this, count),
      onError: ctx.hooks.error
    })
    // A channel's past is history, not unread; a direct chat is all for us.
    if (this.counted && !ctx.markers.get(this.key)) ctx.markers.set(this.key, ref.kind === 'direct' ? START : { hlc: ctx.clock.now(), device: '' })
    this.feeds.on('feed', w => {
      ctx.directory.hint(w.identity, w.header.name)
      ctx.hooks.feed(this)
    })
    this.view.on('entries', entries => {
      for (const e of entries) ctx.clock.observe(e.entry.hlc)
      ctx.directory.apply(entries)
    })
    this.view.on('added', msgs => {
      for (const m of msgs) ctx.clock.observe(m.hlc)
      this.gate.added(msgs)
      // Catching up can change the count without showing anything.
      if (this.gate.open) void this.recount()
    })
  }

  // The directory is followed like a chat but never shown or counted.
  get counted (): boolean {
    return this.ref.kind !== 'directory'
  }

  get unreadCount (): number {
    return this.unread.count
  }

  // Our own feed (its header written on first use), then the writer feeds
  // learned in earlier sessions.
  async open (known: string[]): Promise<void> {
    const { identity, clock, name } = this.ctx
    this.writer = await this.feeds.openOwn(feedKey => headerEntry(identity, feedKey, this.keys.id, name(), clock.now()))
    await this.feeds.addKnown(known, this.ctx.hooks.error)
  }

  // From now on messages show and unread counts follow; `history` (oldest
  // first) shows first.
  show (history: StoredMessage[]): void {
    this.gate.history(history)
    this.gate.open = true
  }

  async send (text: string): Promise<{ id: string, ts: number }> {
    const hlc = this.ctx.clock.now()
    const w = await this.append({ type: 'message', text, hlc })
    // Writing in a chat means having read it up to here.
    if (this.ctx.markers.set(this.key, { hlc, device: this.ctx.identity.device.publicKey.toString('hex') })) void this.recount()
    return { id: messageId(this.writer!.key, w.block, w.offset), ts: hlc.wall }
  }

  append (entry: Parameters<FeedWriter['append']>[0]): ReturnType<FeedWriter['append']> {
    return this.writer!.append(entry)
  }

  // Writer feeds a peer announced. The chat's output is held while they
  // load, so a joiner sees one ordered batch of the newest messages; never
  // for long: a header is awaited for HEADER_TIMEOUT_MS at most (a key
  // nobody serves is parked by ReadableFeeds), and the gate shows what it
  // holds GATE_HOLD_MS after it was first held, however holds overlap
  // (frames sent back to back cannot keep a chat silent). Resolves to how
  // many were rejected.
  async addFeeds (keys: Uint8Array[]): Promise<number> {
    this.gate.hold()
    try {
      const results = await Promise.all(keys.map(key => this.feeds.add(key)))
      return results.filter(ok => !ok).length
    } finally {
      this.gate.release()
    }
  }

  async markRead (): Promise<void> {
    const last = this.view.messages[this.view.messages.length - 1]
    if (last) this.ctx.markers.set(this.key, { hlc: last.hlc, device: last.device.toString('hex') })
    await this.recount()
  }

  recount (): Promise<void> {
    return this.counted ? this.unread.recount() : Promise.resolve()
  }

  settled (): Promise<void> {
    return this.unread.settled()
  }

  // Blocks of our feed that none of these peers has yet.
  unsyncedTo (devices: Set<string>): number {
    return this.writer?.unsyncedTo(devices) ?? 0
  }

  drain (): Promise<void> {
    return this.writer?.drain() ?? Promise.resolve()
  }

  close (): void {
    this.closed = true
    this.unread.close()
    this.view.close()
    this.feeds.close()
  }
}
