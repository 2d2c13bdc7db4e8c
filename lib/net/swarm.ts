// Hyperswarm for what mDNS cannot reach (other sub-nets, VPNs), always over
// a private HyperDHT whose bootstrap is a relay: never the public DHT.
// `firewalled: false` because with the default, connections between LAN
// processes took 15-36 s or failed (FINDINGS.md). Its connections enter
// through the ConnectionGate like every other.
import HyperDHT from 'hyperdht'
import Hyperswarm from 'hyperswarm'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Log } from '../log.ts'
import type { ConnectionGate } from './connection-gate.ts'

export interface SwarmOptions {
  gate: ConnectionGate
  bootstrap: Array<{ host: string, port: number }>
  topic: Buffer
  log: Log
}

export const DEFAULT_DHT_PORT = 49737

type ConnectOptions = Parameters<HyperDHT['connect']>[1]
type ServerOptions = Parameters<HyperDHT['createServer']>[0]
type OnConnection = Parameters<HyperDHT['createServer']>[1]
type SecretStreamFactory = ConnectionGate['createSecretStream']

// A HyperDHT whose secret streams the gate makes, so that its frame guard
// sees every byte (Hyperswarm passes no such option down to the DHT), and
// whose server asks the gate's budgets before it answers a handshake.
class GatedDht extends HyperDHT {
  private readonly createSecretStream: SecretStreamFactory
  private readonly screen: (address: string) => boolean

  constructor (opts: ConstructorParameters<typeof HyperDHT>[0], gate: ConnectionGate) {
    super(opts)
    this.createSecretStream = gate.createSecretStream
    this.screen = gate.screen
  }

  override connect (remotePublicKey: Buffer, opts: ConnectOptions = {}): NoiseSecretStream {
    return super.connect(remotePublicKey, { ...opts, createSecretStream: this.createSecretStream })
  }

  override createServer (opts: ServerOptions = {}, onconnection?: OnConnection): ReturnType<HyperDHT['createServer']> {
    const firewall = opts.firewall
    return super.createServer({
      ...opts,
      createSecretStream: this.createSecretStream,
      firewall: (key, payload, address) => this.screen(address.host) || (firewall ? firewall(key, payload, address) : false)
    }, onconnection)
  }
}

export class Swarm {
  private readonly swarm: Hyperswarm
  private readonly dht: HyperDHT
  private readonly opts: SwarmOptions
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor (opts: SwarmOptions) {
    if (opts.bootstrap.length === 0) throw new Error('a swarm needs a local bootstrap: it never uses the public DHT')
    this.opts = opts
    const { gate } = opts
    this.dht = new GatedDht({ bootstrap: opts.bootstrap, firewalled: false, keyPair: gate.keyPair }, gate)
    this.swarm = new Hyperswarm({ keyPair: gate.keyPair, dht: this.dht })
    // Hyperswarm hands over streams already handshaken (see the gate for
    // which guards that leaves); the remote host puts an incoming one under
    // the gate's budgets.
    this.swarm.on('connection', conn => { void gate.admit(conn, { address: conn.rawStream?.remoteHost ?? 'swarm' }) })
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
