// A chat a relay carries without its key (direct messages, private rooms,
// channels it was not asked to read): it knows the chat only by discovery
// key, stores every writer feed whole as ciphertext, and serves it
// (DESIGN.md §7). It cannot check headers, so what it stores is bounded by
// the relay's storage policy, not by content.
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { FeedSet, WriterFeed } from './feed-set.ts'

export interface BlindChatEvents { feed: [feed: WriterFeed] }

export class BlindChat extends EventEmitter<BlindChatEvents> implements FeedSet {
  readonly name: string
  readonly keys: { discoveryKey: Buffer, key: null }
  readonly feeds = new Map<string, WriterFeed>()
  private readonly fetch: (core: Hypercore) => void

  constructor (discoveryKey: Buffer, fetch: (core: Hypercore) => void) {
    super()
    this.fetch = fetch
    this.keys = { discoveryKey, key: null }
    this.name = '~' + discoveryKey.toString('hex')
  }

  has (hex: string): boolean {
    return this.feeds.has(hex)
  }

  async addFeed (core: Hypercore, own: boolean): Promise<boolean> {
    const key = core.key!
    const hex = key.toString('hex')
    if (this.feeds.has(hex)) return true
    const f: WriterFeed = { core, key, hex, own, last: null }
    this.feeds.set(hex, f)
    this.fetch(core)
    this.emit('feed', f)
    return true
  }

  close (): void {
    this.removeAllListeners()
  }
}
