// Which blocks of a writer feed this node fetches, beyond what is read. A
// node fetches every feed whole in the background, so that it can serve
// history when its authors are offline; a relay passes its storage policy
// (storage-policy.ts), which fetches in bounded ranges. bin/ chooses.
import type Hypercore from 'hypercore'

export interface FetchPolicy {
  attach (core: Hypercore): void
}

export const wholeFeed: FetchPolicy = {
  attach (core) {
    core.download({ start: 0, end: -1 })
  }
}
