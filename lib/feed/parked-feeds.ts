// Feeds whose header (block 0) did not arrive in time: a key nobody serves
// yet. Each is kept waiting, bounded per chat, and tried again when a peer
// brings it or its length grows; past the bound a feed is refused (counted)
// and only a later announcement tries it afresh.
import type Hypercore from 'hypercore'
import { MAX_PARKED_FEEDS } from '../wire/index.ts'

export class ParkedFeeds {
  // Feeds refused because too many were parked already.
  refused = 0
  private readonly parked = new Map<string, { core: Hypercore, retry: () => void }>()
  private readonly max: number

  constructor (max = MAX_PARKED_FEEDS) {
    this.max = max
  }

  get size (): number {
    return this.parked.size
  }

  // Parks the feed; `retry` runs once it may have come (after unparking).
  // False when there is no room: the feed was refused and closed.
  park (hex: string, core: Hypercore, retry: (core: Hypercore) => void): boolean {
    if (this.parked.has(hex)) return true
    if (this.parked.size >= this.max) {
      this.refused++
      core.close().catch(() => {})
      return false
    }
    const wake = (): void => { if (this.unpark(hex)) retry(core) }
    core.on('append', wake)
    core.on('peer-add', wake)
    this.parked.set(hex, { core, retry: wake })
    return true
  }

  // The feed's core, no longer waiting; null if it was not parked.
  unpark (hex: string): Hypercore | null {
    const p = this.parked.get(hex)
    if (!p) return null
    this.parked.delete(hex)
    p.core.off('append', p.retry)
    p.core.off('peer-add', p.retry)
    return p.core
  }

  clear (): void {
    for (const hex of [...this.parked.keys()]) this.unpark(hex)
  }
}
