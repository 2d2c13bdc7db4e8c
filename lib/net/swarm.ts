// Hyperswarm for what mDNS cannot reach (other sub-nets, VPNs), always over
// a private HyperDHT whose bootstrap is a relay: never the public DHT.
// `firewalled: false` because with the default, connections between LAN
// processes took 15-36 s or failed (FINDINGS.md).
import { EventEmitter } from 'node:events'
import HyperDHT from 'hyperdht'
import Hyperswarm from 'hyperswarm'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Log } from '../log.ts'

export interface SwarmOptions {
  keyPair: { publicKey: Buffer, secretKey: Buffer }
  bootstrap: Array<{ host: string, port: number }>
  topic: Buffer
  log: Log
}

export interface SwarmEvents { connection: [stream: NoiseSecretStream] }

export const DEFAULT_DHT_PORT = 49737

export class Swarm extends EventEmitter<SwarmEvents> {
  private readonly swarm: Hyperswarm
  private readonly dht: HyperDHT
  private readonly opts: SwarmOptions
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor (opts: SwarmOptions) {
    super()
    if (opts.bootstrap.length === 0) throw new Error('a swarm needs a local bootstrap: it never uses the public DHT')
    this.opts = opts
    this.dht = new HyperDHT({ bootstrap: opts.bootstrap, firewalled: false, keyPair: opts.keyPair })
    this.swarm = new Hyperswarm({ keyPair: opts.keyPair, dht: this.dht })
    this.swarm.on('connection', conn => {
      conn.on('error', err => opts.log.debug({ err: String(err) }, 'swarm connection error'))
      this.emit('connection', conn)
    })
  }

  async join (): Promise<void> {
    const discovery = this.swarm.join(this.opts.topic, { server: true, client: true })
    this.refreshLater(discovery, 1000)
    await discovery.flushed()
    this.opts.log.info({ bootstrap: this.opts.bootstrap }, 'joined the swarm')
  }

  // Hyperswarm looks the topic up once, then every 10 minutes: two nodes
  // that join at the same moment can each miss the other's announcement.
  // Look again soon, backing off to once a minute.
  private refreshLater (discovery: { refresh (): Promise<void> }, delay: number): void {
    if (this.closed) return
    this.timer = setTimeout(() => {
      discovery.refresh().catch(err => this.opts.log.debug({ err: String(err) }, 'swarm refresh failed'))
      this.refreshLater(discovery, Math.min(delay * 2, 60_000))
    }, delay)
    this.timer.unref()
  }

  async close (): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    await this.swarm.destroy()
    await this.dht.destroy()
  }
}

// The relay's bootstrap node. `host` is the address other nodes reach it at.
export async function startBootstrap (port: number, host: string): Promise<HyperDHT> {
  const node = HyperDHT.bootstrapper(port, host)
  await node.ready()
  return node
}
