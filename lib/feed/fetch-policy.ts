// Which blocks of a writer feed this node fetches and may read. A node must
// not store whatever a peer appends: bin/ passes every node a StoragePolicy
// (storage-policy.ts) that fetches in bounded ranges — a relay with its
// configured limits, an ordinary node with DEFAULT_NODE_LIMITS. `wholeFeed`
// (fetch everything, no limit) is what a bare Messenger falls back to.
//
// Readers ask the policy too (FeedWindow): a block the policy has not
// accepted is not fetched by a read, or reading would bypass every limit.
import type Hypercore from 'hypercore'

export interface FetchPolicy {
  // Take over fetching a remote writer feed's blocks. `identity` (hex) is
  // the person its header names, when the node could read it: limits per
  // person apply on top of limits per feed.
  attach (core: Hypercore, identity?: string): void
  // Blocks below this index may be read (fetched if missing); blocks from
  // it on wait until the policy accepts them.
  accepted (core: Hypercore): number
  // Whether a read may fetch block `index` from peers; false means read it
  // only if it is already here (a block refused for good, say).
  mayFetch (core: Hypercore, index: number): boolean
}

export const wholeFeed: FetchPolicy = {
  attach (core) {
    core.download({ start: 0, end: -1 })
  },
  accepted: () => Infinity,
  mayFetch: () => true
}
