// Reads one verified writer feed tail first (DESIGN.md §5): a window of
// loaded blocks [lo, hi) that always reaches the newest block, widened
// downwards on demand, extended upwards as the feed grows. Decoded entries
// go up in `entries` events; the chat layer orders them. Reads obey the
// fetch policy: the window reaches only as far as the policy accepted, and
// fetches no block the policy refused (a relay's limits hold for what it
// reads, and an oversized block is never fetched twice).
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import { safetyCatch } from '../errors.ts'
import type { Log } from '../log.ts'
import { compareHlc, decodeBlock, type Entry, type Header, type Hlc } from '../wire/index.ts'
import type { WriterFeed } from './feed-set.ts'
import { wholeFeed, type FetchPolicy } from './fetch-policy.ts'

export interface WindowEntry { entry: Entry, block: number, offset: number }

export interface FeedWindowEvents {
  // Entries newly loaded (never the header), in feed order.
  entries: [entries: WindowEntry[]]
  // Everything handed up before is dropped: the feed jumped too far ahead
  // and is read again from its tail.
  reset: []
}

export interface WindowOptions {
  // Load every block (the directory) instead of the tail only.
  full: boolean
  // How many blocks a feed loads at first.
  initialTail: number
  // Entries stamped from this time on are live: always read, never skipped.
  liveSince: number | undefined
  log: Log
}

// A feed that grew by more than this while we were away is reloaded from its
// tail instead of block by block.
export const MAX_GAP = 1000
const READ_CHUNK = 256
// A block nobody online has: give up on this read (a command must not hang);
// the window stays as it was and a later read tries again.
const READ_TIMEOUT_MS = 15000

export class FeedWindow extends EventEmitter<FeedWindowEvents> implements WriterFeed {
  readonly key: Buffer
  readonly hex: string
  readonly own: boolean
  readonly header: Header
  // The identity key (hex) the header's certificate proves.
  readonly identity: string
  // Newest clock seen in this feed (writer lists announce it).
  last: Hlc | null = null
  // [lo, hi): the loaded blocks. Block 0 is the header, never loaded.
  lo: number
  hi: number
  // Clock of the first entry of block `lo`: how far back the window reaches.
  lowest: Hlc | null = null
  // Entries skipped because their clock was not after the entry before them
  // in this feed, or not after the feed's header (docs/protocol.md §3).
  outOfOrder = 0
  // The header's clock: no entry of the feed may be dated at or before it.
  readonly born: Hlc | null
  private readonly core: Hypercore
  private readonly opts: WindowOptions
  private readonly fetch: FetchPolicy
  private queue: Promise<void> = Promise.resolve()
  private closed = false
  private extending = false
  private readonly onAppend = (): void => {
    if (this.extending) return
    this.extending = true
    void this.enqueue(() => {
      this.extending = false
      return this.extend()
    })
  }

  // A block the policy fetched past the window's top: the policy accepted
  // more (on a node that fetches whole feeds, the append came first).
  private readonly onDownload = (index: number): void => {
    if (index >= this.hi) this.onAppend()
  }

  // `born`: the clock of the feed's header (entries must come after it);
  // `fetch`: the policy that decides which blocks may be fetched and read.
  constructor (core: Hypercore, header: Header, own: boolean, opts: WindowOptions, born: Hlc | null = null, fetch: FetchPolicy = wholeFeed) {
    super()
    this.born = born
    this.core = core
    this.key = core.key!
    this.hex = this.key.toString('hex')
    this.own = own
    this.header = header
    this.identity = Buffer.from(header.identity).toString('hex')
    this.opts = opts
    this.fetch = fetch
    this.lo = this.hi = this.end()
    core.on('append', this.onAppend)
    core.on('download', this.onDownload)
  }

  get length (): number {
    return this.core.length
  }

  stored (): { blocks: number, bytes: number } {
    return { blocks: this.core.contiguousLength, bytes: this.core.byteLength }
  }

  // The first load after the header checked out.
  start (): Promise<void> {
    return this.tail(this.opts.full ? Infinity : this.opts.initialTail)
  }

  // Ensure the newest n blocks are loaded.
  tail (n: number): Promise<void> {
    return this.enqueue(() => this.widen(n))
  }

  // Ensure every entry after `mark` is loaded: widen until the window
  // reaches an entry at or before it.
  since (mark: Hlc): Promise<void> {
    return this.enqueue(async () => {
      let n = this.hi - this.lo + 20
      while (!this.closed && this.lo > 1 && (this.lowest === null || compareHlc(this.lowest, mark) > 0)) {
        await this.widen(n)
        n *= 2
      }
    })
  }

  close (): void {
    this.closed = true
    this.core.off('append', this.onAppend)
    this.core.off('download', this.onDownload)
  }

  // How far the window may reach: the policy's accepted blocks.
  private end (): number {
    return Math.min(this.core.length, this.fetch.accepted(this.core))
  }

  private read (index: number): Promise<Buffer | null> {
    return this.fetch.mayFetch(this.core, index)
      ? this.core.get(index, { timeout: READ_TIMEOUT_MS })
      : this.core.get(index, { wait: false })
  }

  // One read at a time per feed; a failed read is logged and the window
  // stays as it was.
  private enqueue (fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => this.closed ? undefined : fn())
    this.queue = next.catch(safetyCatch(err => {
      if (!this.closed) this.opts.log.warn({ feed: this.hex.slice(0, 16), err: String(err) }, 'feed read failed')
    }))
    return this.queue
  }

  // New blocks at the top (live appends, or catching up).
  private async extend (): Promise<void> {
    const length = this.end()
    if (length <= this.hi) return
    if (!this.opts.full && length - this.hi > MAX_GAP) {
      // Far behind: history written while we were away is not read block by
      // block, but everything written since this node started is (a
      // receiver that lags must still show every live message).
      const live = await this.firstLive(this.hi, length)
      if (live - this.hi > MAX_GAP) {
        this.emit('reset')
        this.lo = this.hi = live
        this.lowest = null
        if (live < length) {
          this.hi = length
          await this.load(live, length)
        }
        await this.widen(Math.max(this.opts.initialTail, length - live))
        return
      }
    }
    const from = this.hi
    const lo = this.lo
    this.hi = length
    if (this.lo > from) this.lo = from
    try {
      await this.load(Math.max(1, from), length)
    } catch (err) {
      this.hi = from
      this.lo = lo
      throw err
    }
  }

  // The first block in [start, end) stamped at or after `liveSince` (feeds
  // are in clock order), by binary search: a few reads, not thousands.
  private async firstLive (start: number, end: number): Promise<number> {
    const since = this.opts.liveSince
    if (since === undefined) return end
    let lo = start
    let hi = end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const bytes = await this.read(mid)
      const d = bytes ? decodeBlock(bytes) : null
      if (d && d.ok && d.value[0]!.hlc.wall >= since) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  // Grow the window downwards to cover the newest n blocks.
  private async widen (n: number): Promise<void> {
    if (this.hi < this.end()) await this.extend()
    const want = Math.max(1, n === Infinity ? 1 : this.hi - n)
    if (want >= this.lo) return
    const to = this.lo
    this.lo = want
    try {
      await this.load(want, to)
    } catch (err) {
      // Nothing of the range was kept: the window stays where it was.
      this.lo = to
      this.lowest = null
      throw err
    }
  }

  // Per-feed monotonic clocks (docs/protocol.md §3): an entry counts only if
  // its clock is after the entry just before it in the feed and after the
  // feed's header. The rule reads only the entry's own block and the one
  // before it, so every node decides the same whatever part of the feed it
  // has loaded. A block that does not decode has no entries: the entries
  // after it are compared with the header.
  private async load (start: number, end: number): Promise<void> {
    const out: WindowEntry[] = []
    let skipped = 0
    // The clock before the range is read beside its first chunk, not before
    // it: one more block in the same round trip.
    const before = start > 1 ? this.lastClockOf(start - 1) : Promise.resolve(this.born)
    before.catch(() => {}) // awaited below, unless the range is empty
    let prev: Hlc | null = null
    for (let s = start; s < end; s += READ_CHUNK) {
      const e = Math.min(end, s + READ_CHUNK)
      const [blocks, first] = await Promise.all([Promise.all(range(s, e).map(i => this.read(i))), s === start ? before : null])
      if (s === start) prev = first
      blocks.forEach((bytes, j) => {
        const block = s + j
        const decoded = bytes ? decodeBlock(bytes) : null
        if (!decoded || !decoded.ok) {
          prev = this.born
          if (decoded) this.opts.log.warn({ feed: this.hex.slice(0, 16), block, reason: decoded.reason }, 'block skipped')
          return
        }
        if (block === this.lo) this.lowest = decoded.value[0]!.hlc
        decoded.value.forEach((entry, offset) => {
          const inOrder = (prev === null || compareHlc(entry.hlc, prev) > 0) && (this.born === null || compareHlc(entry.hlc, this.born) > 0)
          prev = entry.hlc
          if (!inOrder) {
            skipped++
            return
          }
          if (!this.last || compareHlc(entry.hlc, this.last) > 0) this.last = entry.hlc
          if (entry.type !== 'header') out.push({ entry, block, offset })
        })
      })
    }
    if (skipped > 0) {
      this.outOfOrder += skipped
      this.opts.log.warn({ feed: this.hex.slice(0, 16), entries: skipped, reason: 'not-after-previous' }, 'entries out of order skipped')
    }
    if (!this.closed && out.length > 0) this.emit('entries', out)
  }

  // The clock of the last entry of a block (the header's if the block does
  // not decode, or is the header).
  private async lastClockOf (block: number): Promise<Hlc | null> {
    const bytes = await this.core.get(block, { timeout: READ_TIMEOUT_MS })
    const decoded = bytes ? decodeBlock(bytes) : null
    return decoded && decoded.ok ? decoded.value[decoded.value.length - 1]!.hlc : this.born
  }
}

function range (start: number, end: number): number[] {
  const out: number[] = []
  for (let i = start; i < end; i++) out.push(i)
  return out
}
