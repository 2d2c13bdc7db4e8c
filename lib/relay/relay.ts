// `hallway relay` (DESIGN.md §7): a node in relay mode — it follows every
// chat it learns of and stores every feed (what it cannot read, as
// ciphertext) under its storage policy — seen from outside: what it stores,
// serves and refuses. bin/relay-node.ts builds and closes its parts.
import os from 'node:os'
import type { Messenger } from '../chat/messenger.ts'
import type { StoragePolicy } from '../feed/storage-policy.ts'

export interface RelayStats {
  chats: number
  feeds: number
  blocks: number
  bytes: number
  connections: number
  uptimeMs: number
  blocksServed: number
  refusals: Record<string, number>
  diskFree: number | null
  accepting: boolean
}

export class Relay {
  readonly messenger: Messenger
  readonly policy: StoragePolicy
  private readonly started = Date.now()

  constructor (messenger: Messenger, policy: StoragePolicy) {
    this.messenger = messenger
    this.policy = policy
  }

  stats (): RelayStats {
    const s = this.messenger.storage()
    return {
      ...s,
      connections: this.messenger.connections(),
      uptimeMs: Date.now() - this.started,
      blocksServed: this.policy.blocksServed,
      refusals: { ...this.policy.refusals },
      diskFree: this.policy.diskFree,
      accepting: this.policy.accepting
    }
  }
}

// The address other sub-nets reach this machine at, unless told: its first
// non-loopback IPv4 address.
export function firstAddress (): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}
