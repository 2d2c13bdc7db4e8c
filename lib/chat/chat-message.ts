// A message as the chat layer keeps it, and the one total order every node
// applies: (HLC, device key), then position in the feed (DESIGN.md §5).
import { compareHlc } from '../wire/index.ts'
import type { Hlc } from '../wire/index.ts'

export interface StoredMessage {
  id: string
  hlc: Hlc
  device: Buffer
  identity: string
  feed: string
  block: number
  offset: number
  text: string
}

// A place in the order: the clock, then the writing device's key. A read
// marker is one too.
export interface Position { hlc: Hlc, device: Buffer }

export function comparePosition (a: Position, b: Position): number {
  return compareHlc(a.hlc, b.hlc) || a.device.compare(b.device)
}

export function compareMessages (a: StoredMessage, b: StoredMessage): number {
  return comparePosition(a, b) || a.block - b.block || a.offset - b.offset
}

// Stable everywhere: the writer feed, the block and the entry in the block.
export function messageId (feedKey: Buffer, block: number, offset: number): string {
  return `${feedKey.toString('hex').slice(0, 24)}-${block}-${offset}`
}

// Insert keeping ascending order; most inserts land at the end.
export function insertSorted (list: StoredMessage[], m: StoredMessage): void {
  let i = list.length
  while (i > 0 && compareMessages(list[i - 1]!, m) > 0) i--
  list.splice(i, 0, m)
}
