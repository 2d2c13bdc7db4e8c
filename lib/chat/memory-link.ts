// Two nodes of one process joined by an in-memory connection that enters
// each node through its connection gate, as a TCP one would: an API member
// and its relay (lib/api/member-link.ts), and tests.
import { memoryPair, type MemoryPair } from '../net/memory-pair.ts'
import type { Messenger } from './messenger.ts'

export type { MemoryPair }

export function linkInMemory (a: Messenger, b: Messenger): MemoryPair {
  return memoryPair(a.connectionGate, b.connectionGate)
}
