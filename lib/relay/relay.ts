// `hallway relay`: the same node with no UI, in relay mode (DESIGN.md §7).
// It follows every chat it learns of and stores every feed (what it cannot
// read, as ciphertext), runs the HyperDHT bootstrap node that joins
// sub-nets, and applies its storage policy to everything it stores.
import os from 'node:os'
import type HyperDHT from 'hyperdht'
import { Messenger, type MessengerOptions } from '../chat/messenger.ts'
import type { Log } from '../log.ts'
import { DEFAULT_DHT_PORT, startBootstrap } from '../net/swarm.ts'
import type { RelayConfig } from './relay-config.ts'
import { StoragePolicy } from './storage-policy.ts'

export interface RelayOptions {
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
}

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
  private readonly opts: RelayOptions
  private bootstrap: HyperDHT | null = null
  private readonly started = Date.now()

  constructor (opts: RelayOptions) {
    this.opts = opts
    this.policy = new StoragePolicy({ config: opts.config, dir: opts.dataDir, log: opts.log })
    const network = opts.network !== false
    const dhtPort = network ? (opts.dhtPort ?? DEFAULT_DHT_PORT) : 0
    const dhtHost = opts.dhtHost ?? firstAddress()
    const m: MessengerOptions = {
      dataDir: opts.dataDir,
      name: opts.name ?? 'relay',
      relay: true,
      dhtPort,
      network,
      log: opts.log,
      fetch: this.policy,
      ...(opts.port !== undefined ? { port: opts.port, portIsExplicit: true } : {}),
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.mdns === false ? { mdns: false } : {}),
      ...(opts.peers ? { peers: opts.peers } : {}),
      ...(dhtPort > 0 ? { swarmBootstrap: [{ host: dhtHost, port: dhtPort }] } : {})
    }
    this.messenger = new Messenger(m)
  }

  get dhtHost (): string {
    return this.opts.dhtHost ?? firstAddress()
  }

  async ready (): Promise<void> {
    await this.policy.start()
    const dhtPort = this.opts.network !== false ? (this.opts.dhtPort ?? DEFAULT_DHT_PORT) : 0
    if (dhtPort > 0) this.bootstrap = await startBootstrap(dhtPort, this.dhtHost)
    await this.messenger.ready()
    this.opts.log.info({ dhtPort, dhtHost: this.dhtHost, config: this.opts.config }, 'relay ready')
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

  async close (): Promise<void> {
    await this.policy.close().catch(err => this.opts.log.warn({ err: String(err) }, 'could not save relay storage state'))
    await this.messenger.close()
    await this.bootstrap?.destroy()
  }
}

function firstAddress (): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}
