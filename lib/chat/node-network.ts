// How a node reaches its peers: it listens on TCP, publishes and browses
// mDNS, dials what mDNS and --peer name (connector), and joins the
// workspace's Hyperswarm through a relay's bootstrap node when it knows
// one (other sub-nets, VPNs). It composes net/ and discovery/, which never
// import each other; every connection it makes enters through the node's
// ConnectionGate.
import { Mdns } from '../discovery/mdns.ts'
import { hash } from '../identity/keys.ts'
import type { Workspace } from '../identity/workspace.ts'
import type { Log } from '../log.ts'
import type { ConnectionGate } from '../net/connection-gate.ts'
import { Connector, type StaticPeer } from '../net/connector.ts'
import { Swarm } from '../net/swarm.ts'
import { DEFAULT_PORT, Transport } from '../net/transport.ts'

// What a person sets (bin/cli-options.ts).
export interface NetworkSettings {
  port?: number
  portIsExplicit?: boolean
  host?: string
  mdns?: boolean
  peers?: StaticPeer[]
  // Join the swarm through these bootstrap nodes (relays) at once.
  swarmBootstrap?: Array<{ host: string, port: number }>
}

export interface NodeNetworkOptions {
  gate: ConnectionGate
  workspace: Workspace
  log: Log
  onError: (err: unknown) => void
}

export class NodeNetwork {
  port: number | null = null
  private readonly settings: NetworkSettings
  private readonly opts: NodeNetworkOptions
  private transport: Transport | null = null
  private mdns: Mdns | null = null
  private connector: Connector | null = null
  private swarm: Swarm | null = null
  private closed = false

  constructor (settings: NetworkSettings, opts: NodeNetworkOptions) {
    this.settings = settings
    this.opts = opts
  }

  async start (): Promise<number> {
    const { opts, settings } = this
    const log = opts.log
    this.transport = new Transport({
      gate: opts.gate,
      port: settings.port ?? DEFAULT_PORT,
      portIsExplicit: settings.portIsExplicit ?? settings.port !== undefined,
      ...(settings.host ? { host: settings.host } : {}),
      log
    })
    this.port = await this.transport.listen()
    if (settings.mdns !== false) {
      this.mdns = new Mdns({ publicKey: opts.gate.publicKey, port: this.port, workspaceTag: opts.workspace.tag, log })
    }
    this.connector = new Connector(this.transport, opts.gate, this.mdns, log)
    this.mdns?.start()
    for (const peer of settings.peers ?? []) this.connector.addStatic(peer)
    // In the background: a swarm lookup can take seconds, mDNS peers need not wait.
    if (settings.swarmBootstrap?.length) this.joinSwarm(settings.swarmBootstrap)
    log.info({ port: this.port, mdns: this.mdns !== null, peers: settings.peers?.length ?? 0 }, 'listening')
    return this.port
  }

  // Join the workspace's swarm through a relay's bootstrap node. Once per
  // process, with the first relay known.
  joinSwarm (bootstrap: Array<{ host: string, port: number }>): void {
    if (this.swarm || this.closed) return
    this.swarm = new Swarm({
      gate: this.opts.gate,
      bootstrap,
      topic: hash(['hallway/swarm-topic/v1'], this.opts.workspace.key),
      log: this.opts.log
    })
    this.swarm.join().catch(this.opts.onError)
  }

  async close (): Promise<void> {
    this.closed = true
    const log = this.opts.log
    this.connector?.close()
    await this.swarm?.close().catch(err => log.warn({ err: String(err) }, 'swarm close failed'))
    await this.mdns?.close().catch(err => log.warn({ err: String(err) }, 'mdns close failed'))
    await this.transport?.close()
  }
}
