// Appends to one of our own feeds. Entries queued in the same tick go out in
// one append() call, packed several to a block: Hypercore's cost is per block
// and per call (FINDINGS.md: ~4.5k/s one at a time, ~90k/s batched).
import type Hypercore from 'hypercore'
import { diskFullOr, hallwayError } from '../errors.ts'
import { encodeBlock, entrySize, MAX_BLOCK_BYTES, MAX_ENTRIES_PER_BLOCK, type Entry } from '../wire/index.ts'

export interface Written { block: number, offset: number }

interface Pending { entry: Entry, resolve: (w: Written) => void, reject: (err: Error) => void }

const TARGET_BLOCK_BYTES = MAX_BLOCK_BYTES / 4

// Checked before each append: throws DISK_FULL when too little space is
// left. RocksDB writes into files it preallocated, so a full file system
// alone does not stop appends for a long while (FINDINGS.md: watch free
// space yourself).
export type SpaceCheck = () => Promise<void>

export class FeedWriter {
  private readonly core: Hypercore
  private readonly checkSpace: SpaceCheck | null
  private queue: Pending[] = []
  private flushing: Promise<void> | null = null
  private closed = false

  constructor (core: Hypercore, checkSpace: SpaceCheck | null = null) {
    this.core = core
    this.checkSpace = checkSpace
  }

  get key (): Buffer {
    return this.core.key!
  }

  get length (): number {
    return this.core.length
  }

  // Blocks of this feed that none of these peers (device keys, hex) has
  // yet: what a quitting node still owes its relays.
  unsyncedTo (devices: Set<string>): number {
    let best = 0
    for (const p of this.core.peers) if (devices.has(p.remotePublicKey.toString('hex'))) best = Math.max(best, p.remoteContiguousLength)
    return Math.max(0, this.core.length - best)
  }

  append (entry: Entry): Promise<Written> {
    if (this.closed) return Promise.reject(hallwayError('CLOSED', 'the feed is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject })
      if (this.flushing === null) this.flushing = new Promise<void>(r => setImmediate(r)).then(() => this.flush())
    })
  }

  async drain (): Promise<void> {
    while (this.flushing) await this.flushing
  }

  close (): void {
    this.closed = true
  }

  private async flush (): Promise<void> {
    const batch = this.queue
    this.queue = []
    const blocks: Pending[][] = []
    let current: Pending[] = []
    let bytes = 0
    for (const p of batch) {
      const size = entrySize(p.entry)
      // A header is always alone in block 0; otherwise pack up to the target.
      if (current.length > 0 && (bytes + size > TARGET_BLOCK_BYTES || current.length >= MAX_ENTRIES_PER_BLOCK ||
        p.entry.type === 'header' || current[0]!.entry.type === 'header')) {
        blocks.push(current)
        current = []
        bytes = 0
      }
      current.push(p)
      bytes += size
    }
    if (current.length > 0) blocks.push(current)
    const start = this.core.length
    try {
      await this.checkSpace?.()
      await this.core.append(blocks.map(b => encodeBlock(b.map(p => p.entry))))
      blocks.forEach((b, i) => b.forEach((p, offset) => p.resolve({ block: start + i, offset })))
    } catch (err) {
      const e = appendError(err)
      for (const p of batch) p.reject(e)
    } finally {
      this.flushing = this.queue.length > 0 ? this.flush() : null
    }
  }
}

function appendError (err: unknown): Error {
  const msg = String((err as Error)?.message ?? err)
  // RocksDB reports a full disk as a generic failed batch (FINDINGS.md).
  if (/Batch was not applied/i.test(msg)) return hallwayError('DISK_FULL', 'the disk is full: free some space and send again', err)
  const e = diskFullOr(err)
  return e instanceof Error ? e : new Error(msg)
}
