// A chat a relay carries without its key (direct messages, private rooms,
// channels it was not asked to read): it knows the chat only by discovery
// key, stores every writer feed as ciphertext, and serves it (DESIGN.md §7).
// It cannot check headers, so what it stores is bounded by the fetch
// policy (the relay's storage policy), not by content.
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { FeedSet, WriterFeed } from './feed-set.ts'
import type { FeedStore } from './feed-store.ts'
import type { FetchPolicy } from './fetch-policy.ts'

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
  private readonly store: FeedStore
  private readonly fetch: FetchPolicy

  constructor (discoveryKey: Buffer, store: FeedStore, fetch: FetchPolicy) {
    super()
    this.discoveryKey = discoveryKey
    this.store = store
    this.fetch = fetch
    this.name = '~' + discoveryKey.toString('hex')
  }

  has (hex: string): boolean {
    return this.feeds.has(hex)
  }

  async add (key: Uint8Array): Promise<boolean> {
    const hex = Buffer.from(key).toString('hex')
    if (this.feeds.has(hex)) return true
    const core = await this.store.remote(key, null)
    if (this.feeds.has(hex)) return true
    const f = new BlindFeed(core)
    this.feeds.set(hex, f)
    this.fetch.attach(core)
    this.emit('feed', f)
    return true
  }

  close (): void {
    this.removeAllListeners()
  }
}
