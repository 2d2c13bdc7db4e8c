// A chat a relay carries without its key (direct messages, private rooms,
// channels it was not asked to read): it knows the chat only by discovery
// key, stores every writer feed as ciphertext, and serves it (DESIGN.md §7).
// It cannot check headers, so what it stores is bounded by the fetch
// policy (the relay's storage policy), not by content. A feed counts (is
// saved, announced on, served) only once its block 0 exists: a key nobody
// can serve is parked (bounded), never passed on.
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { FeedSet, WriterFeed } from './feed-set.ts'
import type { FeedStore } from './feed-store.ts'
import type { FetchPolicy } from './fetch-policy.ts'
import { ParkedFeeds } from './parked-feeds.ts'

export interface BlindSetOptions {
  // How long block 0 of an announced feed is awaited before it is parked.
  headerTimeoutMs?: number
}

const HEADER_TIMEOUT_MS = 5000

export interface BlindSetEvents { feed: [feed: WriterFeed] }

class BlindFeed implements WriterFeed {
  readonly key: Buffer
  readonly hex: string
  readonly own = false
  readonly last = null
  private readonly core: Hypercore

  constructor (core: Hypercore) {
    this.core = core
    this.key = core.key!
    this.hex = this.key.toString('hex')
  }

  get length (): number {
    return this.core.length
  }

  stored (): { blocks: number, bytes: number } {
    return { blocks: this.core.contiguousLength, bytes: this.core.byteLength }
  }
}

export class BlindSet extends EventEmitter<BlindSetEvents> implements FeedSet {
  readonly name: string
  readonly discoveryKey: Buffer
  readonly feeds = new Map<string, BlindFeed>()
  // Announced feeds whose block 0 did not come in time, with their retry.
  readonly parked = new ParkedFeeds()
  private readonly pending = new Set<string>()
  private readonly store: FeedStore
  private readonly fetch: FetchPolicy
  private readonly timeoutMs: number
  private closed = false

  constructor (discoveryKey: Buffer, store: FeedStore, fetch: FetchPolicy, opts: BlindSetOptions = {}) {
    super()
    this.discoveryKey = discoveryKey
    this.store = store
    this.fetch = fetch
    this.timeoutMs = opts.headerTimeoutMs ?? HEADER_TIMEOUT_MS
    this.name = '~' + discoveryKey.toString('hex')
  }

  has (hex: string): boolean {
    return this.feeds.has(hex) || this.pending.has(hex)
  }

  // Never false: a relay cannot check what it cannot read, and a feed that
  // could not be fetched is not held against whoever announced it.
  async add (key: Uint8Array): Promise<boolean> {
    const hex = Buffer.from(key).toString('hex')
    if (this.has(hex)) return true
    const parked = this.parked.unpark(hex)
    this.pending.add(hex)
    try {
      const core = parked ?? await this.store.remote(key, null)
      await this.addCore(hex, core)
    } finally {
      this.pending.delete(hex)
    }
    return true
  }

  close (): void {
    this.closed = true
    this.parked.clear()
    this.removeAllListeners()
  }

  private async addCore (hex: string, core: Hypercore): Promise<void> {
    const block = await core.get(0, { timeout: this.timeoutMs }).catch(() => null)
    if (this.closed || this.feeds.has(hex)) return
    if (!block) return this.park(hex, core)
    const f = new BlindFeed(core)
    this.feeds.set(hex, f)
    this.fetch.attach(core)
    this.emit('feed', f)
  }

  private park (hex: string, core: Hypercore): void {
    this.parked.park(hex, core, c => {
      if (this.closed) return
      this.pending.add(hex)
      this.addCore(hex, c).finally(() => this.pending.delete(hex)).catch(() => {})
    })
  }
}
