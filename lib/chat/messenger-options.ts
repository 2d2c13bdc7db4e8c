// How a node is set up: bin/ fills this from the command line, tests and
// the relay from their own needs.
import type { FetchPolicy } from '../feed/fetch-policy.ts'
import type { CarryBudgetOptions } from './carry-budget.ts'
import type { Log } from '../log.ts'
import type { ConnectionLimitsOptions } from '../net/connection-limits.ts'
import type { NetworkSettings } from './node-network.ts'

export interface MessengerOptions extends NetworkSettings {
  dataDir: string
  name?: string | null
  workspaceKey?: Uint8Array
  // Networking; `network: false` makes no connections of its own: tests
  // hand it in-memory ones (test/helpers/peers.ts, through the gate).
  network?: boolean
  // How many messages a chat shows on joining (DESIGN.md §5: tail first).
  historyCount?: number
  // Relay mode: follow (blind, by discovery key) every chat peers follow and
  // store every feed; announce the HyperDHT bootstrap port in the hello.
  relay?: boolean
  dhtPort?: number
  // Device keys (hex) of relays this node trusts (`--relay-key`). A peer
  // that says it is a relay is one only if its key is here or it connects
  // from a host named in `swarmBootstrap` (`--relay`): relay-trust.ts.
  relayKeys?: string[]
  // Relay mode: new chats one peer may make it carry per hour.
  carryBudget?: Partial<CarryBudgetOptions>
  // Which blocks of writer feeds to fetch and read: bin/ passes every node
  // a StoragePolicy (a relay its configured limits, an ordinary node
  // DEFAULT_NODE_LIMITS). Left out (tests, API members fed by the relay):
  // every feed whole, unbounded.
  fetch?: FetchPolicy
  // Budgets for incoming connections (lib/net/connection-limits.ts);
  // default DEFAULT_LIMITS, a relay passes RELAY_LIMITS.
  connectionLimits?: Partial<ConnectionLimitsOptions>
  log?: Log
  clock?: () => number
}
