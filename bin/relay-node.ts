// The relay's long-lived parts, built here and closed here in reverse
// order: its storage policy, the HyperDHT bootstrap node for other sub-nets,
// and the relay's own node in relay mode. `hallway relay` and the tests
// open a relay through this.
import path from 'node:path'
import type HyperDHT from 'hyperdht'
import { Messenger } from '../lib/chat/messenger.ts'
import type { Log } from '../lib/log.ts'
import { RELAY_LIMITS } from '../lib/net/connection-limits.ts'
import { DEFAULT_DHT_PORT, startBootstrap } from '../lib/net/swarm.ts'
import type { RelayConfig } from '../lib/relay/relay-config.ts'
import { firstAddress, Relay } from '../lib/relay/relay.ts'
import { StoragePolicy } from '../lib/feed/storage-policy.ts'

export interface RelayNodeOptions {
  dataDir: string
  config: RelayConfig
  log: Log
  name?: string
  port?: number
  host?: string
  // 0 turns the bootstrap node (and so the swarm) off.
  dhtPort?: number
  // The address other sub-nets reach this machine at (default: its first
  // non-loopback IPv4 address).
  dhtHost?: string
  mdns?: boolean
  peers?: Array<{ host: string, port: number }>
  network?: boolean
  // Connections from the network in all (default RELAY_LIMITS.maxTotal);
  // the per-address budgets stay an office LAN's.
  maxConnections?: number
}

export interface RelayNode {
  readonly relay: Relay
  readonly messenger: Messenger
  readonly dhtHost: string
  readonly dhtPort: number
  close (): Promise<void>
}

export async function openRelay (opts: RelayNodeOptions): Promise<RelayNode> {
  const network = opts.network !== false
  const dhtPort = network ? (opts.dhtPort ?? DEFAULT_DHT_PORT) : 0
  const dhtHost = opts.dhtHost ?? firstAddress()
  const policy = new StoragePolicy({ config: opts.config, dir: opts.dataDir, log: opts.log })
  const messenger = new Messenger({
    dataDir: opts.dataDir,
    name: opts.name ?? 'relay',
    relay: true,
    dhtPort,
    network,
    log: opts.log,
    fetch: policy,
    // Every node of the office is the relay's peer.
    connectionLimits: { ...RELAY_LIMITS, ...(opts.maxConnections ? { maxTotal: opts.maxConnections, maxPendingTotal: Math.max(16, Math.floor(opts.maxConnections / 8)) } : {}) },
    ...(opts.port !== undefined ? { port: opts.port, portIsExplicit: true } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.mdns === false ? { mdns: false } : {}),
    ...(opts.peers ? { peers: opts.peers } : {}),
    ...(dhtPort > 0 ? { swarmBootstrap: [{ host: dhtHost, port: dhtPort }] } : {})
  })
  let bootstrap: HyperDHT | null = null
  const close = async (): Promise<void> => {
    await policy.close().catch(err => opts.log.warn({ err: String(err) }, 'could not save relay storage state'))
    await messenger.close()
    await bootstrap?.destroy()
  }
  try {
    await policy.start()
    if (dhtPort > 0) bootstrap = await startBootstrap(dhtPort, dhtHost)
    await messenger.ready()
  } catch (err) {
    await close().catch(() => {})
    throw err
  }
  opts.log.info({ dhtPort, dhtHost, config: opts.config }, 'relay ready')
  return { relay: new Relay(messenger, policy), messenger, dhtHost, dhtPort, close }
}

// How the API's member pool opens a member's node: no network of its own,
// its data under the relay's, in the relay's workspace.
export function memberNode (relay: Messenger, dataDir: string, log: Log): (name: string) => Messenger {
  return name => new Messenger({
    dataDir: path.join(dataDir, 'members', name),
    name,
    network: false,
    log: log.child({ member: name }),
    // The relay it is linked to in memory is its relay: trusted with its DMs.
    relayKeys: [relay.identity.device.publicKey.toString('hex')],
    ...pickDefined({ workspaceKey: relay.opts.workspaceKey, historyCount: relay.opts.historyCount })
  })
}

function pickDefined<T extends object> (o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
