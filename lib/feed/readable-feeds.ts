// The writer feeds of a chat this node can read: each one is added once its
// header checks out (feed-header.ts), then read tail first through a
// FeedWindow. Rejected feeds are remembered and ignored from then on.
// A person has a few devices, one feed each per chat: past
// maxFeedsPerIdentity feeds whose headers name one person, more are
// rejected (identities cost nothing, but each one's feeds are bounded).
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { Log } from '../log.ts'
import type { Entry } from '../wire/index.ts'
import { checkHeader } from './feed-header.ts'
import type { FeedSet } from './feed-set.ts'
import type { FeedStore } from './feed-store.ts'
import { FeedWindow, type WindowOptions } from './feed-window.ts'
import { FeedWriter } from './feed-writer.ts'
import type { FetchPolicy } from './fetch-policy.ts'

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

export interface ReadableFeedsEvents {
  // A writer feed was verified; its entries follow on the window.
  feed: [window: FeedWindow]
}

export class ReadableFeeds extends EventEmitter<ReadableFeedsEvents> implements FeedSet {
  readonly name: string
  readonly discoveryKey: Buffer
  readonly feeds = new Map<string, FeedWindow>()
  readonly rejected = new Map<string, string>()
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

  async add (key: Uint8Array): Promise<boolean> {
    const hex = Buffer.from(key).toString('hex')
    if (this.has(hex)) return !this.rejected.has(hex)
    const core = await this.opts.store.remote(key, this.opts.keys.key)
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
  }

  // Resolves false only when the feed was rejected (counted, logged,
  // ignored from then on).
  private async addCore (core: Hypercore, own: boolean): Promise<boolean> {
    const key = core.key!
    const hex = key.toString('hex')
    if (this.has(hex)) return !this.rejected.has(hex)
    this.pending.add(hex)
    try {
      const block = await core.get(0)
      if (this.closed || !block) return false
      const check = checkHeader(block, key, this.opts.keys.id)
      if (!check.ok) {
        this.rejected.set(hex, check.reason)
        this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), reason: check.reason }, 'feed rejected')
        return false
      }
      const identity = Buffer.from(check.header.identity).toString('hex')
      if (this.feedsOf(identity) >= (this.opts.maxFeedsPerIdentity ?? MAX_FEEDS_PER_IDENTITY)) {
        this.rejected.set(hex, 'too-many-feeds')
        this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), identity: identity.slice(0, 16), reason: 'too-many-feeds' }, 'feed rejected')
        return false
      }
      // Tail first (the window), the rest as the fetch policy says; our own
      // feed is all here and bounded by nobody but us.
      if (!own) this.opts.fetch.attach(core, identity)
      const w = new FeedWindow(core, check.header, own, { ...this.opts.window, log: this.opts.log.child({ chat: this.name }) }, own ? undefined : this.opts.fetch)
      this.feeds.set(hex, w)
      this.emit('feed', w)
      await w.start()
      return true
    } finally {
      this.pending.delete(hex)
    }
  }
}
