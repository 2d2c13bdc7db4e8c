// The state of one chat computed from its writer feeds (DESIGN.md §5): the
// loaded messages in their one total order, the members, and entries of
// other kinds for whoever listens. Loads tail first: a feed's window of
// loaded blocks always reaches its newest block, and `tail(n)` widens every
// window to n blocks, which is enough to hold the chat's newest n messages
// whatever the interleaving.
import { EventEmitter } from 'node:events'
import type Hypercore from 'hypercore'
import type { ChatKeys } from '../identity/workspace.ts'
import type { Log } from '../log.ts'
import { decodeBlock, type Entry, type Header, type Hlc } from '../wire/index.ts'
import { compareMessages, messageId, type StoredMessage } from './chat-message.ts'
import type { FeedSet, WriterFeed } from './feed-set.ts'
import { checkHeader } from './feed-header.ts'
import { compareHlc, MAX_FUTURE_MS } from './hlc.ts'

export interface FeedState extends WriterFeed {
  readonly header: Header
  readonly identity: string
  lo: number
  hi: number
  // Clock of the first entry of block `lo`: how far back the window reaches.
  lowest: Hlc | null
  queue: Promise<void>
}

export interface PositionedEntry { entry: Entry, feed: FeedState, block: number, offset: number }

export interface ChatViewEvents {
  added: [messages: StoredMessage[]]
  entries: [entries: PositionedEntry[]]
  feed: [feed: FeedState]
  invalid: [feedHex: string, reason: string]
}

export interface ChatViewOptions {
  name: string
  keys: ChatKeys
  log: Log
  // Load every block (the directory) instead of the tail only.
  full?: boolean
  // How many blocks a new feed loads at first.
  initialTail?: number
  // Fetches the rest of a feed in the background.
  fetch: (core: Hypercore) => void
  // Entries stamped from this time on are live: always read, never skipped.
  liveSince?: number
  clock?: () => number
}

// A feed that grew by more than this while we were away is reloaded from its
// tail instead of block by block.
const MAX_GAP = 1000
const READ_CHUNK = 256
// A block nobody online has: give up on this read (a command must not hang);
// the window stays as it was and a later read tries again.
const READ_TIMEOUT_MS = 15000

export class ChatView extends EventEmitter<ChatViewEvents> implements FeedSet {
  readonly name: string
  readonly keys: ChatKeys
  readonly feeds = new Map<string, FeedState>()
  readonly rejected = new Map<string, string>()
  messages: StoredMessage[] = []
  invalidBlocks = 0
  private readonly held: StoredMessage[] = []
  private heldTimer: NodeJS.Timeout | null = null
  private readonly opts: ChatViewOptions
  private readonly pending = new Set<string>()
  private closed = false

  constructor (opts: ChatViewOptions) {
    super()
    this.name = opts.name
    this.keys = opts.keys
    this.opts = opts
  }

  get clock (): () => number {
    return this.opts.clock ?? Date.now
  }

  has (feedHex: string): boolean {
    return this.feeds.has(feedHex) || this.pending.has(feedHex) || this.rejected.has(feedHex)
  }

  // Adds a writer feed once its header is valid. Resolves false only when
  // the feed was rejected (counted, logged, ignored from then on).
  async addFeed (core: Hypercore, own: boolean): Promise<boolean> {
    const key = core.key!
    const hex = key.toString('hex')
    if (this.has(hex)) return !this.rejected.has(hex)
    this.pending.add(hex)
    try {
      const block = await core.get(0)
      if (this.closed || !block) return false
      const check = checkHeader(block, key, this.keys.id)
      if (!check.ok) {
        this.rejected.set(hex, check.reason)
        this.opts.log.warn({ chat: this.name, feed: hex.slice(0, 16), reason: check.reason }, 'feed rejected')
        this.emit('invalid', hex, check.reason)
        return false
      }
      const identity = Buffer.from(check.header.identity).toString('hex')
      const f: FeedState = { core, key, hex, header: check.header, identity, own, lo: core.length, hi: core.length, last: null, lowest: null, queue: Promise.resolve() }
      this.feeds.set(hex, f)
      core.on('append', () => this.enqueue(f, () => this.extend(f)))
      // Tail first (below), the whole history in the background, so this
      // node can serve it when its authors are offline.
      this.opts.fetch(core)
      this.emit('feed', f)
      await this.enqueue(f, () => this.widen(f, this.opts.full ? Infinity : (this.opts.initialTail ?? 20)))
      return true
    } finally {
      this.pending.delete(hex)
    }
  }

  // Ensure the newest n messages of the chat are loaded.
  async tail (n: number): Promise<StoredMessage[]> {
    await Promise.all([...this.feeds.values()].map(f => this.enqueue(f, () => this.widen(f, n))))
    return this.messages.slice(-n)
  }

  // Ensure every message after `mark` is loaded (exact unread counts): widen
  // each window until it reaches an entry at or before the mark.
  async since (mark: Hlc): Promise<void> {
    await Promise.all([...this.feeds.values()].map(f => this.enqueue(f, async () => {
      let n = f.hi - f.lo + 20
      while (!this.closed && f.lo > 1 && (f.lowest === null || compareHlc(f.lowest, mark) > 0)) {
        await this.widen(f, n)
        n *= 2
      }
    })))
  }

  members (): Map<string, FeedState[]> {
    const out = new Map<string, FeedState[]>()
    for (const f of this.feeds.values()) {
      const list = out.get(f.identity) ?? []
      list.push(f)
      out.set(f.identity, list)
    }
    return out
  }

  // Rank from the newest (0 = newest), or -1 when not loaded.
  rankFromTop (m: StoredMessage): number {
    for (let i = this.messages.length - 1, r = 0; i >= 0; i--, r++) {
      if (this.messages[i] === m) return r
      if (compareMessages(this.messages[i]!, m) < 0) return -1
    }
    return -1
  }

  close (): void {
    this.closed = true
    if (this.heldTimer) clearTimeout(this.heldTimer)
  }

  private enqueue (f: FeedState, fn: () => Promise<void>): Promise<void> {
    const next = f.queue.then(() => this.closed ? undefined : fn())
    f.queue = next.catch(err => {
      if (!this.closed) this.opts.log.warn({ chat: this.name, feed: f.hex.slice(0, 16), err: String(err) }, 'feed read failed')
    })
    return f.queue
  }

  // New blocks at the top of a feed (live appends, or catching up).
  private async extend (f: FeedState): Promise<void> {
    const length = f.core.length
    if (length <= f.hi) return
    if (!this.opts.full && length - f.hi > MAX_GAP) {
      // Far behind: history written while we were away is not read block by
      // block, but everything written since this node started is (a
      // receiver that lags must still show every live message).
      const live = await this.firstLive(f, f.hi, length)
      if (live - f.hi > MAX_GAP) {
        this.messages = this.messages.filter(m => m.feed !== f.hex)
        f.lo = f.hi = live
        f.lowest = null
        if (live < length) {
          f.hi = length
          await this.load(f, live, length)
        }
        await this.widen(f, Math.max(this.opts.initialTail ?? 20, length - live))
        return
      }
    }
    const from = f.hi
    const lo = f.lo
    f.hi = length
    if (f.lo > from) f.lo = from
    try {
      await this.load(f, Math.max(1, from), length)
    } catch (err) {
      f.hi = from
      f.lo = lo
      throw err
    }
  }

  // The first block in [start, end) stamped at or after `liveSince` (feeds
  // are in clock order), by binary search: a few reads, not thousands.
  private async firstLive (f: FeedState, start: number, end: number): Promise<number> {
    const since = this.opts.liveSince
    if (since === undefined) return end
    let lo = start
    let hi = end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const bytes = await f.core.get(mid, { timeout: READ_TIMEOUT_MS })
      const d = bytes ? decodeBlock(bytes) : null
      if (d && d.ok && d.value[0]!.hlc.wall >= since) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  // Grow the window downwards to cover the newest n blocks.
  private async widen (f: FeedState, n: number): Promise<void> {
    if (f.hi < f.core.length) await this.extend(f)
    const want = Math.max(1, n === Infinity ? 1 : f.hi - n)
    if (want >= f.lo) return
    const to = f.lo
    f.lo = want
    try {
      await this.load(f, want, to)
    } catch (err) {
      // Nothing of the range was kept: the window stays where it was.
      f.lo = to
      f.lowest = null
      throw err
    }
  }

  private async load (f: FeedState, start: number, end: number): Promise<void> {
    const added: StoredMessage[] = []
    const others: PositionedEntry[] = []
    for (let s = start; s < end; s += READ_CHUNK) {
      const e = Math.min(end, s + READ_CHUNK)
      const blocks = await Promise.all(range(s, e).map(i => f.core.get(i, { timeout: READ_TIMEOUT_MS })))
      blocks.forEach((bytes, j) => {
        const block = s + j
        if (!bytes) return
        const decoded = decodeBlock(bytes)
        if (!decoded.ok) {
          this.invalidBlocks++
          this.opts.log.warn({ chat: this.name, feed: f.hex.slice(0, 16), block, reason: decoded.reason }, 'block skipped')
          return
        }
        if (block === f.lo) f.lowest = decoded.value[0]!.hlc
        decoded.value.forEach((entry, offset) => {
          if (!f.last || entry.hlc.wall > f.last.wall || (entry.hlc.wall === f.last.wall && entry.hlc.logical > f.last.logical)) f.last = entry.hlc
          if (entry.type === 'message') {
            added.push({
              id: messageId(f.key, block, offset),
              hlc: entry.hlc,
              device: Buffer.from(f.header.device),
              identity: f.identity,
              feed: f.hex,
              block,
              offset,
              text: entry.text
            })
          } else if (entry.type !== 'header') {
            others.push({ entry, feed: f, block, offset })
          }
        })
      })
    }
    if (this.closed) return
    if (others.length > 0) this.emit('entries', others)
    this.insert(added)
  }

  private insert (added: StoredMessage[]): void {
    const now = this.clock()
    const ready: StoredMessage[] = []
    for (const m of added) {
      if (m.hlc.wall > now + MAX_FUTURE_MS) this.held.push(m)
      else ready.push(m)
    }
    if (this.held.length > 0) this.scheduleHeld()
    if (ready.length === 0) return
    ready.sort(compareMessages)
    const last = this.messages[this.messages.length - 1]
    this.messages.push(...ready)
    if (last && compareMessages(last, ready[0]!) > 0) this.messages.sort(compareMessages)
    this.emit('added', ready)
  }

  // Entries stamped too far in the future wait until their time (DESIGN.md §5).
  private scheduleHeld (): void {
    if (this.heldTimer || this.closed) return
    const next = Math.min(...this.held.map(m => m.hlc.wall)) - MAX_FUTURE_MS
    this.heldTimer = setTimeout(() => {
      this.heldTimer = null
      const now = this.clock()
      const due = this.held.filter(m => m.hlc.wall <= now + MAX_FUTURE_MS)
      for (const m of due) this.held.splice(this.held.indexOf(m), 1)
      this.insert(due)
    }, Math.max(0, Math.min(next - this.clock(), 2 ** 31 - 1)))
    this.heldTimer.unref()
  }
}

function range (start: number, end: number): number[] {
  const out: number[] = []
  for (let i = start; i < end; i++) out.push(i)
  return out
}
