// Enforces the relay's storage limits on every feed it stores, without
// reading a block: size, blocks per writer per hour, a free-disk watermark,
// and retention by age of arrival. The policy itself asks for blocks, in
// bounded ranges, so a block over a limit is simply not fetched yet — the
// author keeps it, and the relay fetches and serves it once it can accept
// it (next hour, or when disk is freed): refusing is never losing.
import { EventEmitter } from 'node:events'
import path from 'node:path'
import type Hypercore from 'hypercore'
import { freeBytes } from '../disk-space.ts'
import { safetyCatch } from '../errors.ts'
import { JsonFile } from '../json-file.ts'
import type { Log } from '../log.ts'
import type { FetchPolicy } from './fetch-policy.ts'

// The limits (a relay reads them from --config: lib/relay/relay-config.ts).
export interface StorageLimits {
  // Clear blocks older than this many days (by arrival); null keeps everything.
  retentionDays: number | null
  // Blocks larger than this are refused.
  maxBlockBytes: number
  // Blocks accepted per writer feed per hour; more wait for the next hour.
  blocksPerWriterPerHour: number
  // Below this much free disk, new blocks wait until space is freed.
  minFreeDiskBytes: number
}

export type RefusalReason = 'block-too-large' | 'rate-limit' | 'disk-low'

interface FeedState {
  // next block to ask for; everything below was asked for once
  next: number
  // [end index, arrival time] checkpoints, at most one a minute
  arrivals: Array<[number, number]>
}

interface Tracked extends FeedState {
  core: Hypercore
  hour: number
  count: number
  // blocks already counted as waiting (so a refusal is counted once)
  counted: number
}

export interface StoragePolicyEvents { refused: [reason: RefusalReason, count: number], accepted: [] }

const HOUR = 3600_000
const MINUTE = 60_000
const DISK_CHECK_MS = 10_000

export class StoragePolicy extends EventEmitter<StoragePolicyEvents> implements FetchPolicy {
  readonly refusals: Record<RefusalReason, number> = { 'block-too-large': 0, 'rate-limit': 0, 'disk-low': 0 }
  blocksServed = 0
  accepting = true
  diskFree: number | null = null
  private readonly tracked = new Map<Hypercore, Tracked>()
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

  constructor (opts: { config: StorageLimits, dir: string, log: Log, clock?: () => number }) {
    super()
    this.config = opts.config
    this.dir = opts.dir
    this.log = opts.log
    this.clock = opts.clock ?? Date.now
    this.state = new JsonFile(path.join(this.dir, 'relay-storage.json'), {
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
  attach (core: Hypercore): void {
    if (this.tracked.has(core)) return
    const saved = this.saved.get(core.key!.toString('hex'))
    const t: Tracked = { core, hour: this.hourNow(), count: 0, counted: 0, next: saved?.next ?? 0, arrivals: saved?.arrivals ?? [] }
    t.counted = t.next
    this.tracked.set(core, t)
    core.on('append', () => this.pump(t))
    core.on('download', (index: number, byteLength: number) => this.onDownload(t, index, byteLength))
    core.on('upload', () => { this.blocksServed++ })
    core.on('close', () => this.tracked.delete(core))
    this.pump(t)
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
    for (const t of this.tracked.values()) out[t.core.key!.toString('hex')] = { next: t.next, arrivals: t.arrivals }
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
    const length = t.core.length
    if (length <= t.next) return
    const hour = this.hourNow()
    if (t.hour !== hour) {
      t.hour = hour
      t.count = 0
    }
    const budget = this.accepting ? Math.max(0, this.config.blocksPerWriterPerHour - t.count) : 0
    const end = Math.min(length, t.next + budget)
    if (end > t.next) {
      t.core.download({ start: t.next, end })
      t.count += end - t.next
      t.next = end
      this.dirty = true
    }
    if (length > t.counted && length > end) {
      const waiting = length - Math.max(t.counted, end)
      t.counted = length
      const reason: RefusalReason = this.accepting ? 'rate-limit' : 'disk-low'
      this.refusals[reason] += waiting
      this.log.warn({ feed: t.core.key!.toString('hex').slice(0, 16), blocks: waiting, reason }, 'blocks refused for now')
      this.emit('refused', reason, waiting)
    }
  }

  private onDownload (t: Tracked, index: number, byteLength: number): void {
    if (byteLength > this.config.maxBlockBytes) {
      this.refusals['block-too-large']++
      this.log.warn({ feed: t.core.key!.toString('hex').slice(0, 16), block: index, bytes: byteLength }, 'block over the size limit refused')
      t.core.clear(index, index + 1).then(() => this.emit('refused', 'block-too-large', 1), () => {})
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
