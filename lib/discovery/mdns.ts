// mDNS publish and browse (DNS-SD `_hallway._tcp`) with bonjour-service.
// Emits a hint per peer of our workspace; the caller dials and the Noise
// handshake proves the key. bonjour-service throws from its socket errors
// unless given a callback, so we always pass one (STYLE.md).
import { EventEmitter } from 'node:events'
import { Bonjour, type Browser, type Service } from 'bonjour-service'
import type { Log } from '../log.ts'
import { parsePeerService, serviceName, serviceTxt, SERVICE_TYPE, type PeerHint } from './peer-service.ts'

export interface MdnsOptions {
  publicKey: Buffer
  port: number
  workspaceTag: string
  log: Log
}

export interface MdnsEvents {
  up: [hint: PeerHint]
  down: [publicKey: Buffer]
}

export class Mdns extends EventEmitter<MdnsEvents> {
  private readonly opts: MdnsOptions
  private bonjour: Bonjour | null = null
  private browser: Browser | null = null
  private readonly hints = new Map<string, PeerHint>()

  constructor (opts: MdnsOptions) {
    super()
    this.opts = opts
  }

  // Peers currently announced, by hex public key.
  hint (publicKey: Uint8Array): PeerHint | undefined {
    return this.hints.get(Buffer.from(publicKey).toString('hex'))
  }

  start (): void {
    if (this.bonjour) return
    const { log } = this.opts
    this.bonjour = new Bonjour({}, (err: Error) => log.warn({ err: String(err) }, 'mdns socket error'))
    const name = serviceName(this.opts.publicKey)
    this.bonjour.publish({
      name,
      host: name + '.local',
      type: SERVICE_TYPE,
      port: this.opts.port,
      txt: serviceTxt(this.opts.publicKey, this.opts.workspaceTag),
      probe: false,
      disableIPv6: true
    }).on('error', (err: Error) => log.warn({ err: String(err) }, 'mdns publish error'))
    this.browser = this.bonjour.find({ type: SERVICE_TYPE })
    this.browser.on('up', s => this.onUp(s))
    this.browser.on('srv-update', s => this.onUp(s))
    this.browser.on('txt-update', s => this.onUp(s))
    this.browser.on('down', s => this.onDown(s))
  }

  // Ask the LAN again (e.g. after a peer we knew went away).
  query (): void {
    this.browser?.update()
  }

  async close (): Promise<void> {
    const bonjour = this.bonjour
    if (!bonjour) return
    this.bonjour = null
    this.browser?.stop()
    // A goodbye (TTL 0) lets others drop us at once rather than at expiry.
    await new Promise<void>(resolve => bonjour.unpublishAll(() => resolve()))
    await new Promise<void>(resolve => bonjour.destroy(() => resolve()))
  }

  private onUp (service: Service): void {
    const hint = parsePeerService(service, this.opts.workspaceTag)
    if (!hint || hint.publicKey.equals(this.opts.publicKey)) return
    this.hints.set(hint.publicKey.toString('hex'), hint)
    this.opts.log.debug({ peer: hint.publicKey.toString('hex').slice(0, 16), host: hint.host, port: hint.port }, 'mdns up')
    this.emit('up', hint)
  }

  private onDown (service: Service): void {
    const hint = parsePeerService(service, this.opts.workspaceTag)
    if (!hint) return
    this.hints.delete(hint.publicKey.toString('hex'))
    this.emit('down', hint.publicKey)
  }
}
