// What the writers gossip needs of a chat, whether the node can read it
// (ReadableFeeds) or only carries it (BlindSet, on a relay).
import type { Hlc } from '../wire/index.ts'

export interface WriterFeed {
  readonly key: Buffer
  readonly hex: string
  readonly own: boolean
  // Blocks the feed has (known to exist, not necessarily stored here).
  readonly length: number
  // Newest clock read from it; null when it is not read (blind).
  readonly last: Hlc | null
  // What of it is on this machine's disk.
  stored (): { blocks: number, bytes: number }
}

export interface FeedSet {
  readonly name: string
  readonly discoveryKey: Buffer
  readonly feeds: ReadonlyMap<string, WriterFeed>
  // Known, being added, or rejected: nothing more to do for this key.
  has (hex: string): boolean
  // Adds a writer feed a peer announced; false if it was rejected.
  add (key: Uint8Array): Promise<boolean>
  close (): void
}
