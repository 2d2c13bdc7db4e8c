// The writer feeds of a chat this node can read: each one is added once its
// header checks out (feed-header.ts), then read tail first through a
// FeedWindow. Rejected feeds are remembered and ignored from then on. A
// header is awaited for HEADER_TIMEOUT_MS at most: a feed whose header does
// not come in time (a key nobody serves) is parked, not rejected, and tried
// again when it is announced again or a peer brings it. A person has a few
// devices, one feed each per chat: past maxFeedsPerIdentity feeds whose
// headers name one person, more are rejected (identities cost nothing, but
// each one's feeds are bounded).
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { Log } from '../log.ts'
import { decodeBlock, MAX_REJECTED_FEEDS, type Entry, type Hlc } from '../wire/index.ts'
import { checkHeader } from './feed-header.ts'
import type { FeedSet } from './feed-set.ts'
import type { FeedStore } from './feed-store.ts'
import { FeedWindow, type WindowOptions } from './feed-window.ts'
import { FeedWriter } from './feed-writer.ts'
import type { FetchPolicy } from './fetch-policy.ts'
import { ParkedFeeds } from './parked-feeds.ts'

// Feeds of one person in one chat (docs/security.md, "Storage").
export const MAX_FEEDS_PER_IDENTITY = 8

export interface ChatFeedKeys {
  readonly id: Uint8Array
  readonly key: Uint8Array
  readonly discoveryKey: Buffer
}

export interface ReadableFeedsOptions {
  name: string
  keys: ChatFeedKeys
  store: FeedStore
  fetch: FetchPolicy
  window: Omit<WindowOptions, 'log'>
  log: Log
  // Default MAX_FEEDS_PER_IDENTITY.
  maxFeedsPerIdentity?: number
}

// How long a feed's header (block 0) is awaited before the feed is parked.
export const HEADER_TIMEOUT_MS = 5000

export interface ReadableFeedsEvents {
  // A writer feed was verified; its entries follow on the window.
  feed: [window: FeedWindow]
}

export class ReadableFeeds extends EventEmitter<ReadableFeedsEvents> implements FeedSet {
  readonly name: string
  readonly discoveryKey: Buffer
  readonly feeds = new Map<string, FeedWindow>()
  readonly rejected = new Map<string, string>()
  // Feeds whose header did not come in time, with what retries them.
  readonly parked = new ParkedFeeds()
  private readonly pending = new Set<string>()
  private readonly opts: ReadableFeedsOptions
  private closed = false

  constructor (opts: ReadableFeedsOptions) {
    super()
    this.opts = opts
    this.name = opts.name
    this.discoveryKey = opts.keys.discoveryKey
  }

  has (hex: string): boolean {
    return this.feeds.has(hex) || this.pending.has(hex) || this.rejected.has(hex)
  }

  // Resolves false only when the feed was rejected; a feed parked or
  // refused for want of its header is not held against whoever announced it.
  async add (key: Uint8Array): Promise<boolean> {
    const hex = Buffer.from(key).toString('hex')
    if (this.has(hex)) return !this.rejected.has(hex)
    const parked = this.parked.unpark(hex)
    const core = parked ?? await this.opts.store.remote(key, this.opts.keys.key)
    if (this.closed) return true
    return this.addCore(core, false)
  }

  // This device's own feed of the chat, with its header written on first
  // use; the returned writer appends to it.
  async openOwn (header: (feedKey: Buffer) => Entry): Promise<FeedWriter> {
    const core = await this.opts.store.own(this.opts.keys)
    if (core.length === 0) await new FeedWriter(core).append(header(core.key!))
    await this.addCore(core, true)
    return new FeedWriter(core, this.opts.store.checkSpace)
  }

  // Feeds learned in earlier sessions: each one whose newest blocks are on
  // disk shows before this resolves; the others (never fetched, or a
  // download cut short) wait for a peer in the background rather than hold
  // up the start.
  async addKnown (hexes: string[], onError: (err: unknown) => void): Promise<void> {
    const n = this.opts.window.initialTail
    await Promise.all(hexes.map(async hex => {
      const core = await this.opts.store.remote(Buffer.from(hex, 'hex'), this.opts.keys.key)
      const adding = this.addCore(core, false).catch(onError)
      if (core.length > 0 && await core.has(0) && await core.has(Math.max(1, core.length - n), core.length)) await adding
    }))
  }

  private feedsOf (identity: string): number {
    let n = 0
    for (const w of this.feeds.values()) if (w.identity === identity) n++
    return n
  }

  close (): void {
    this.closed = true
    for (const w of this.feeds.values()) w.close()
    this.parked.clear()
  }

  // Resolves false only when the feed was rejected (counted, logged,
  // ignored from then on).
  private async addCore (core: Hypercore, own: boolean): Promise<boolean> {
    const key = core.key!
    const hex = key.toString('hex')
    if (this.has(hex)) return !this.rejected.has(hex)
    this.pending.add(hex)
    let block: Uint8Array | null
    try {
      // A deadline: nobody may have this feed, and nothing waits on it.
      block = await core.get(0, { timeout: HEADER_TIMEOUT_MS }).catch(() => null)
    } finally {
      this.pending.delete(hex)
    }
    if (this.closed) return true
    if (!block) {
      this.park(hex, core)
      return true
    }
    const check = checkHeader(block, key, this.opts.keys.id)
    if (!check.ok) return this.reject(hex, check.reason)
    const identity = Buffer.from(check.header.identity).toString('hex')
    if (this.feedsOf(identity) >= (this.opts.maxFeedsPerIdentity ?? MAX_FEEDS_PER_IDENTITY)) return this.reject(hex, 'too-many-feeds', identity)
    // Tail first (the window), the rest as the fetch policy says; our own
    // feed is all here and bounded by nobody but us.
    if (!own) this.opts.fetch.attach(core, identity)
    const w = new FeedWindow(core, check.header, own, { ...this.opts.window, log: this.opts.log.child({ chat: this.name }) }, headerClock(block), own ? undefined : this.opts.fetch)
    this.feeds.set(hex, w)
    this.emit('feed', w)
    await w.start()
    return true
  }

  // Counted, logged, remembered (a bounded number per chat, so each is
  // checked once) and ignored from then on.
  private reject (hex: string, reason: string, identity?: string): false {
    this.rejected.set(hex, reason)
    if (this.rejected.size > MAX_REJECTED_FEEDS) this.rejected.delete(this.rejected.keys().next().value!)
    this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), ...(identity ? { identity: identity.slice(0, 16) } : {}), reason }, 'feed rejected')
    return false
  }

  private park (hex: string, core: Hypercore): void {
    const waiting = this.parked.park(hex, core, c => {
      if (this.closed) return
      this.addCore(c, false).catch(err => this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), err: String(err) }, 'parked feed failed'))
    })
    if (waiting) this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), reason: 'no-header-in-time' }, 'feed parked')
    else this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), parked: this.parked.size, reason: 'too-many-parked' }, 'feed refused: its header did not arrive and too many wait already')
  }
}

// The header's own clock: every later entry of the feed must be after it.
function headerClock (block: Uint8Array): Hlc | null {
  const d = decodeBlock(block)
  return d.ok ? d.value[0]!.hlc : null
}
