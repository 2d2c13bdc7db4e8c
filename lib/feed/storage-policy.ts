// Enforces storage limits on every remote feed a node stores, without
// reading a block: size, blocks and bytes per writer and per person per
// hour, a free-disk watermark, and retention by age of arrival. A relay
// runs it with its configured limits, an ordinary node with
// DEFAULT_NODE_LIMITS (bin/ builds both). The policy itself asks for blocks,
// in bounded ranges, one range at a time per feed, so a block over a limit
// is simply not fetched yet — the author keeps it, and the node fetches and
// serves it once it can accept it (next hour, or when disk is freed):
// refusing is never losing. Readers ask it too (fetch-policy.ts).
import { EventEmitter } from 'node:events'
import path from 'node:path'
import type Hypercore from 'hypercore'
import { freeBytes } from '../disk-space.ts'
import { safetyCatch } from '../errors.ts'
import { JsonFile } from '../json-file.ts'
import type { Log } from '../log.ts'
import { MAX_BLOCK_BYTES } from '../wire/index.ts'
import type { FetchPolicy } from './fetch-policy.ts'

// The limits (a relay reads them from --config: lib/relay/relay-config.ts).
export interface StorageLimits {
  // Clear blocks older than this many days (by arrival); null keeps everything.
  retentionDays: number | null
  // Blocks larger than this are refused.
  maxBlockBytes: number
  // Blocks accepted per writer feed per hour; more wait for the next hour.
  blocksPerWriterPerHour: number
  // Bytes accepted per writer feed per hour (counted as they arrive).
  bytesPerWriterPerHour: number
  // The same, summed over every feed whose header names one person (feeds
  // of chats the node can read; a blind feed names nobody it can see).
  blocksPerIdentityPerHour: number
  bytesPerIdentityPerHour: number
  // Below this much free disk, new blocks wait until space is freed.
  minFreeDiskBytes: number
}

// Defaults for an ordinary node: far above what an office writes (a busy
// person sends a few hundred messages an hour, a block is one tick's
// messages, well under 1 KiB), so only a flood or a catch-up of a huge
// history waits for the next hour.
export const DEFAULT_NODE_LIMITS: StorageLimits = {
  retentionDays: null,
  maxBlockBytes: MAX_BLOCK_BYTES,
  blocksPerWriterPerHour: 20000,
  bytesPerWriterPerHour: 64 * 1024 * 1024,
  blocksPerIdentityPerHour: 40000,
  bytesPerIdentityPerHour: 128 * 1024 * 1024,
  minFreeDiskBytes: 64 * 1024 * 1024
}

export type RefusalReason = 'block-too-large' | 'rate-limit' | 'identity-limit' | 'disk-low'

interface FeedState {
  // next block to ask for; everything below was asked for once
  next: number
  // [end index, arrival time] checkpoints, at most one a minute
  arrivals: Array<[number, number]>
}

interface Tracked extends FeedState {
  core: Hypercore
  identity: string | null
  hour: number
  count: number
  bytes: number
  // blocks already counted as waiting (so a refusal is counted once)
  counted: number
  // end of the ranges fetched to completion (what is saved as `next`: a
  // range cut short by a restart is asked for again)
  fetched: number
  // a range is being fetched; the next waits, so bytes are counted first
  inflight: boolean
  // blocks refused for their size: never fetched again, cleared once the
  // range that brought them is done (clearing inside it would refetch them)
  tooLarge: Set<number>
  toClear: number[]
}

interface Budget { hour: number, blocks: number, bytes: number }

export interface StoragePolicyEvents { refused: [reason: RefusalReason, count: number], accepted: [] }

const HOUR = 3600_000
const MINUTE = 60_000
const DISK_CHECK_MS = 10_000
// At most this many blocks are asked for at once per feed.
const RANGE_BLOCKS = 1024
// Indexes of oversized blocks remembered per feed (each one cost its sender
// bytes of its budget; past this many the oldest are forgotten).
const MAX_TOO_LARGE = 1024

export class StoragePolicy extends EventEmitter<StoragePolicyEvents> implements FetchPolicy {
  readonly refusals: Record<RefusalReason, number> = { 'block-too-large': 0, 'rate-limit': 0, 'identity-limit': 0, 'disk-low': 0 }
  blocksServed = 0
  accepting = true
  diskFree: number | null = null
  private readonly tracked = new Map<Hypercore, Tracked>()
  // per person (hex identity), this hour; pruned when the hour rolls over
  private readonly identities = new Map<string, Budget>()
  private readonly config: StorageLimits
  private readonly dir: string
  private readonly log: Log
  private readonly clock: () => number
  private timers: NodeJS.Timeout[] = []
  // Survives restarts, so retention counts from the first arrival and
  // cleared blocks are not fetched again.
  private saved = new Map<string, FeedState>()
  private readonly state: JsonFile<Record<string, FeedState>>
  private dirty = false
  private saving: Promise<void> = Promise.resolve()
  private closed = false

  // `file`: where the state is kept, in `dir` (default relay-storage.json).
  constructor (opts: { config: StorageLimits, dir: string, log: Log, clock?: () => number, file?: string }) {
    super()
    this.config = opts.config
    this.dir = opts.dir
    this.log = opts.log
    this.clock = opts.clock ?? Date.now
    this.state = new JsonFile(path.join(this.dir, opts.file ?? 'relay-storage.json'), {
      empty: () => ({}),
      parse: parseState,
      // damaged: start afresh, as with none yet
      damaged: () => ({}),
      stringify: v => JSON.stringify(v)
    })
  }

  async start (): Promise<void> {
    try {
      this.saved = new Map(Object.entries(await this.state.load()))
    } catch {
      // unreadable: start afresh
    }
    await this.checkDisk()
    const disk = setInterval(() => { this.checkDisk().catch(safetyCatch(() => {})) }, DISK_CHECK_MS)
    const minute = setInterval(() => { void this.tick() }, MINUTE)
    disk.unref()
    minute.unref()
    this.timers = [disk, minute]
  }

  // Take over fetching a feed's blocks.
  attach (core: Hypercore, identity?: string): void {
    if (this.tracked.has(core)) return
    const saved = this.saved.get(core.key!.toString('hex'))
    const next = saved?.next ?? 0
    const t: Tracked = { core, identity: identity ?? null, hour: this.hourNow(), count: 0, bytes: 0, counted: next, fetched: next, inflight: false, tooLarge: new Set(), toClear: [], next, arrivals: saved?.arrivals ?? [] }
    this.tracked.set(core, t)
    core.on('append', () => this.pump(t))
    core.on('download', (index: number, byteLength: number) => this.onDownload(t, index, byteLength))
    core.on('upload', () => { this.blocksServed++ })
    core.on('close', () => this.tracked.delete(core))
    this.pump(t)
  }

  accepted (core: Hypercore): number {
    return this.tracked.get(core)?.next ?? Infinity
  }

  mayFetch (core: Hypercore, index: number): boolean {
    const t = this.tracked.get(core)
    return t === undefined || (index < t.next && !t.tooLarge.has(index))
  }

  // Stops the timers and writes the state one last time.
  async close (): Promise<void> {
    if (this.closed) return this.saving
    for (const t of this.timers) clearInterval(t)
    await this.save()
    this.closed = true
  }

  // The hour rolls over, retention, waiting blocks; every minute.
  tick (): Promise<void> {
    const clearing: Array<Promise<void>> = []
    const hour = this.hourNow()
    for (const [id, b] of this.identities) if (b.hour !== hour) this.identities.delete(id)
    for (const t of this.tracked.values()) {
      this.pump(t)
      clearing.push(this.sweep(t))
    }
    if (this.dirty && !this.closed) this.save().catch(safetyCatch(err => this.log.warn({ err: String(err) }, 'could not save relay storage state')))
    return Promise.all(clearing).then(() => {})
  }

  // One write at a time; a state file is never half written.
  save (): Promise<void> {
    if (this.closed) return this.saving
    this.dirty = false
    const out: Record<string, FeedState> = Object.fromEntries(this.saved)
    for (const t of this.tracked.values()) out[t.core.key!.toString('hex')] = { next: t.fetched, arrivals: t.arrivals }
    this.state.value = out
    this.saving = this.state.save()
    return this.saving
  }

  async checkDisk (): Promise<void> {
    this.diskFree = await freeBytes(this.dir)
    const accepting = this.diskFree >= this.config.minFreeDiskBytes
    if (accepting === this.accepting) return
    this.accepting = accepting
    if (accepting) {
      this.log.info({ free: this.diskFree }, 'free disk back above the watermark: accepting blocks again')
      void this.tick()
    } else {
      this.log.warn({ free: this.diskFree, watermark: this.config.minFreeDiskBytes }, 'free disk below the watermark: new blocks wait')
    }
  }

  // Ask for as many new blocks as the limits allow; count the rest as
  // refused (once each) until they can be fetched.
  private pump (t: Tracked): void {
    if (t.inflight || !this.tracked.has(t.core)) return
    const length = t.core.length
    if (length <= t.next) return
    const hour = this.hourNow()
    if (t.hour !== hour) {
      t.hour = hour
      t.count = 0
      t.bytes = 0
    }
    const c = this.config
    const person = t.identity === null ? null : this.budget(t.identity, hour)
    // Bytes are known only on arrival: ask for no more blocks than would
    // fit the bytes left if every one were as large as allowed.
    const perWriter = Math.min(c.blocksPerWriterPerHour - t.count, Math.floor((c.bytesPerWriterPerHour - t.bytes) / c.maxBlockBytes))
    const perPerson = person ? Math.min(c.blocksPerIdentityPerHour - person.blocks, Math.floor((c.bytesPerIdentityPerHour - person.bytes) / c.maxBlockBytes)) : Infinity
    const allowed = this.accepting ? Math.max(0, Math.min(perWriter, perPerson)) : 0
    const limit = t.next + allowed
    const end = Math.min(length, limit, t.next + RANGE_BLOCKS)
    if (end > t.next) this.fetch(t, t.next, end, person)
    if (length > t.counted && length > limit) {
      const waiting = length - Math.max(t.counted, limit)
      t.counted = length
      const reason: RefusalReason = !this.accepting ? 'disk-low' : perPerson < perWriter ? 'identity-limit' : 'rate-limit'
      this.refusals[reason] += waiting
      this.log.warn({ feed: t.core.key!.toString('hex').slice(0, 16), identity: t.identity?.slice(0, 16), blocks: waiting, reason }, 'blocks refused for now')
      this.emit('refused', reason, waiting)
    }
  }

  private fetch (t: Tracked, start: number, end: number, person: Budget | null): void {
    t.core.download({ start, end }).done().then(() => {
      t.fetched = Math.max(t.fetched, end)
      this.dirty = true
    }, () => {}).then(() => this.rangeDone(t))
    t.inflight = true
    t.count += end - start
    if (person) person.blocks += end - start
    t.next = end
    this.dirty = true
  }

  private async rangeDone (t: Tracked): Promise<void> {
    for (const i of t.toClear.splice(0)) {
      await t.core.clear(i, i + 1).then(() => this.emit('refused', 'block-too-large', 1), () => {})
    }
    t.inflight = false
    this.pump(t)
  }

  private budget (identity: string, hour: number): Budget {
    let b = this.identities.get(identity)
    if (!b || b.hour !== hour) {
      b = { hour, blocks: 0, bytes: 0 }
      this.identities.set(identity, b)
    }
    return b
  }

  private onDownload (t: Tracked, index: number, byteLength: number): void {
    t.bytes += byteLength
    if (t.identity !== null) this.budget(t.identity, this.hourNow()).bytes += byteLength
    if (byteLength > this.config.maxBlockBytes) {
      this.refusals['block-too-large']++
      this.log.warn({ feed: t.core.key!.toString('hex').slice(0, 16), block: index, bytes: byteLength }, 'block over the size limit refused')
      t.tooLarge.add(index)
      if (t.tooLarge.size > MAX_TOO_LARGE) t.tooLarge.delete(t.tooLarge.values().next().value!)
      // Outside a range (a reader fetched it), clear it now.
      if (t.inflight) t.toClear.push(index)
      else t.core.clear(index, index + 1).then(() => this.emit('refused', 'block-too-large', 1), () => {})
      return
    }
    this.noteArrival(t, index)
    this.emit('accepted')
  }

  private noteArrival (t: Tracked, index: number): void {
    const now = this.clock()
    this.dirty = true
    const last = t.arrivals[t.arrivals.length - 1]
    if (last && now - last[1] < MINUTE) last[0] = Math.max(last[0], index + 1)
    else t.arrivals.push([index + 1, now])
  }

  // Clear blocks that arrived longer ago than the retention (block 0, the
  // header, stays so the feed remains verifiable).
  private async sweep (t: Tracked): Promise<void> {
    if (this.config.retentionDays === null) return
    const cutoff = this.clock() - this.config.retentionDays * 24 * HOUR
    let end = 0
    while (t.arrivals.length > 0 && t.arrivals[0]![1] < cutoff) {
      end = Math.max(end, t.arrivals.shift()![0])
      this.dirty = true
    }
    if (end > 1) await t.core.clear(1, end).catch(err => this.log.warn({ err: String(err) }, 'retention clear failed'))
  }

  private hourNow (): number {
    return Math.floor(this.clock() / HOUR)
  }
}

// A damaged entry is dropped: that feed is fetched from block 0 again.
function parseState (json: unknown): Record<string, FeedState> {
  const out: Record<string, FeedState> = {}
  if (typeof json !== 'object' || json === null) return out
  for (const [hex, raw] of Object.entries(json)) {
    const st = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<FeedState>
    const arrivals = Array.isArray(st.arrivals) ? st.arrivals.filter((x): x is [number, number] => Array.isArray(x) && x.length === 2 && x.every(Number.isSafeInteger)) : []
    if (Number.isSafeInteger(st.next)) out[hex] = { next: st.next!, arrivals }
  }
  return out
}
