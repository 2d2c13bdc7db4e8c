// What the writers gossip needs of a chat, whether the node can read it (a
// ChatView) or only carries it (a BlindChat on a relay).
import type Hypercore from 'hypercore'
import type { Hlc } from '../wire/index.ts'

export interface WriterFeed {
  readonly core: Hypercore
  readonly key: Buffer
  readonly hex: string
  readonly own: boolean
  last: Hlc | null
}

export interface FeedSet {
  readonly name: string
  readonly keys: { readonly discoveryKey: Buffer, readonly key: Buffer | null }
  readonly feeds: Map<string, WriterFeed>
  has (hex: string): boolean
  addFeed (core: Hypercore, own: boolean): Promise<boolean>
  close (): void
}
