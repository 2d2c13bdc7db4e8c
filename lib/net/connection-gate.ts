// The one way in for every connection, whatever carries it: TCP sockets
// (Transport), Hyperswarm's UDX streams (Swarm) and in-memory pairs (API
// members, tests) become secret streams here, get the same guards and
// share one ConnectionSet, so a device is connected once however it was
// reached (docs/decisions.md: bad bytes cost the sender, never the
// receiver; one connection survives).
//
// What each guard covers, by how the stream came in:
//                        wrap()             createSecretStream(),      admit() alone:
//                        TCP, memory pairs  then admit(): Hyperswarm   made elsewhere
//   handshake in 3 s     yes                n/a: the handshake ran in  yes, if not open yet
//   64 KiB pre-handshake yes                HyperDHT's own bounded     no: bytes not seen
//                                           messages, not the stream
//   frame guard          from byte one      from the UDX stream's      no: bytes not seen
//                                           first byte
//   pinned remote key    dials from mDNS    HyperDHT dials a key (IK)  if given
//   self, keep-alive, idle timeout, one per device, `disconnect`: every stream.
//   connection budgets   accept(): before       HyperDHT's firewall before  incoming with an IP
//   (connection-limits)  Noise; wrap() is      its handshake's reply;      address: at admit
//                        for our own dials     admit() takes the slot
// Budgets apply to connections a remote address opened to us; our own dials
// and in-process streams (memory pairs, addConnection) are ours to bound.
// Streams belong to whoever made them (Transport, Swarm, a memory pair's
// owner), who closes them; the gate holds nothing else to close.
import { EventEmitter } from 'node:events'
import net from 'node:net'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Duplex } from 'streamx'
import type { Log } from '../log.ts'
import { ConnectionLimits, type ConnectionLimitsOptions, type Refusal, type Ticket } from './connection-limits.ts'
import { ConnectionSet } from './connection-set.ts'
import { FrameGuard } from './frame-guard.ts'

export interface KeyPair { publicKey: Buffer, secretKey: Buffer }

export interface ConnectionGateOptions {
  keyPair: KeyPair
  log: Log
  handshakeTimeoutMs?: number
  keepAliveMs?: number
  timeoutMs?: number
  // Budgets for incoming connections (default DEFAULT_LIMITS; a relay
  // passes RELAY_LIMITS).
  limits?: Partial<ConnectionLimitsOptions>
}

export interface ConnectionGateEvents {
  // A handshaken stream that survived de-duplication.
  connection: [stream: NoiseSecretStream]
  // The kept connection to this device closed (not a duplicate dropped).
  disconnect: [remoteKey: Buffer]
}

// What the gate needs of a byte stream: a net.Socket or a streamx Duplex
// (a UDX stream, one end of a memory pair).
export interface RawStream {
  on (event: 'data', fn: (chunk: unknown) => void): unknown
  off (event: 'data', fn: (chunk: unknown) => void): unknown
  prependListener (event: 'data', fn: (chunk: unknown) => void): unknown
  destroy (): unknown
}

export interface AdmitOptions {
  // The key a dial expects (from mDNS): a stream that reaches another is dropped.
  remotePublicKey?: Uint8Array | null
  // The remote IP address: budgets for incoming streams, and the log.
  address?: string | null
}

export interface GatedStream {
  stream: NoiseSecretStream
  // True once emitted as `connection`; false if dropped or closed first.
  kept: Promise<boolean>
}

type SecretStreamOptions = ConstructorParameters<typeof NoiseSecretStream>[2]

// A Noise handshake is two small messages; anything slower or bigger is not
// a peer.
const HANDSHAKE_TIMEOUT_MS = 3000
const MAX_HANDSHAKE_BYTES = 64 * 1024
// Larger than any honest frame: hallway blocks are at most 64 KiB, live
// frames 256 KiB.
const MAX_FRAME_BYTES = 512 * 1024
const KEEPALIVE_MS = 3000
// A silent peer (crashed host, cut cable) is dropped after this long; a
// killed process is noticed at once through its closed socket.
const TIMEOUT_MS = 10000

export class ConnectionGate extends EventEmitter<ConnectionGateEvents> {
  readonly keyPair: KeyPair
  readonly connections: ConnectionSet
  readonly limits: ConnectionLimits
  private readonly opts: ConnectionGateOptions
  private readonly tickets = new WeakMap<NoiseSecretStream, Ticket>()

  constructor (opts: ConnectionGateOptions) {
    super()
    this.opts = opts
    this.keyPair = opts.keyPair
    this.connections = new ConnectionSet(opts.keyPair.publicKey)
    this.limits = new ConnectionLimits(opts.limits)
  }

  get publicKey (): Buffer {
    return this.keyPair.publicKey
  }

  // A socket a remote address opened: refused at once, before any Noise,
  // past its budgets (null: the socket is destroyed), else wrapped.
  accept (raw: RawStream, address: string): GatedStream | null {
    const from = plainAddress(address)
    const entry = this.limits.enter(from)
    if (!entry.ok) {
      this.refused(from, entry.reason, entry.banned)
      raw.destroy()
      return null
    }
    return this.wrap(false, raw, { address: from }, entry.ticket)
  }

  // The peer proved who it is (a hello with a valid certificate): its
  // connection no longer counts as pending.
  proven (stream: NoiseSecretStream): void {
    this.tickets.get(stream)?.proven()
  }

  // HyperDHT's firewall: a refused address gets no handshake reply.
  readonly screen = (address: string): boolean => {
    const from = plainAddress(address)
    const reason = this.limits.screen(from)
    if (reason) this.refused(from, reason, this.limits.isBanned(from) && reason !== 'banned')
    return reason !== null
  }

  // Raw bytes (a socket, one end of a memory pair) into a secret stream
  // keyed with the device key, guarded from the first byte.
  wrap (isInitiator: boolean, raw: RawStream, opts: AdmitOptions = {}, ticket?: Ticket): GatedStream {
    const pin = opts.remotePublicKey ?? null
    const stream = new NoiseSecretStream(isInitiator, raw, { keyPair: this.keyPair, ...(pin ? { remotePublicKey: pin } : {}) })
    const address = opts.address ?? null
    this.guardFrames(stream, raw, address)
    let received = 0
    const countBytes = (chunk: unknown): void => {
      received += bytes(chunk).byteLength
      if (received <= MAX_HANDSHAKE_BYTES || stream.destroying) return
      this.opts.log.warn({ address, bytes: received }, 'too much data before the handshake: dropping')
      stream.destroy()
    }
    raw.on('data', countBytes)
    stream.opened.then(() => raw.off('data', countBytes), () => {})
    if (ticket) this.hold(stream, ticket)
    return { stream, kept: this.admit(stream, opts) }
  }

  // HyperDHT's hook for making its secret streams (lib/net/swarm.ts). The
  // Noise handshake ran in HyperDHT's own messages, so the raw UDX stream
  // carries frames from its first byte, and the frame guard must see that
  // byte: a server's raw stream comes with the call; a dial's is set later
  // by start(), which emits `handshake` after setting it and before the
  // stream reads from it. A guard added once Hyperswarm hands the stream
  // over could start mid-frame.
  readonly createSecretStream = (isInitiator: boolean, raw: Duplex | null, opts: SecretStreamOptions): NoiseSecretStream => {
    const stream = new NoiseSecretStream(isInitiator, raw, opts)
    if (raw) this.guardFrames(stream, raw, null)
    else stream.once('handshake', () => this.guardFrames(stream, stream.rawStream, null))
    return stream
  }

  // Every stream ends here, open or not: handshake deadline, pinned key,
  // self, keep-alive, one connection per device.
  admit (stream: NoiseSecretStream, opts: AdmitOptions = {}): Promise<boolean> {
    const { log } = this.opts
    const pin = opts.remotePublicKey ? Buffer.from(opts.remotePublicKey) : null
    const address = opts.address ? plainAddress(opts.address) : null
    // Incoming from the network but not through accept() (Hyperswarm): the
    // budgets apply here, once its handshake is done.
    if (!stream.isInitiator && address && net.isIP(address) !== 0 && !this.tickets.has(stream)) {
      const entry = this.limits.enter(address)
      if (!entry.ok) {
        this.refused(address, entry.reason, entry.banned)
        stream.destroy()
        return Promise.resolve(false)
      }
      this.hold(stream, entry.ticket)
    }
    stream.on('error', err => log.debug({ err: String(err) }, 'connection error'))
    stream.once('close', () => {
      if (this.connections.delete(stream)) this.emit('disconnect', stream.remotePublicKey!)
    })
    const deadline = setTimeout(() => {
      log.warn({ address }, 'no handshake in time: dropping')
      stream.destroy()
    }, this.opts.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS)
    deadline.unref()
    return stream.opened.then(opened => {
      clearTimeout(deadline)
      if (!opened || stream.destroying) return false
      const remote = stream.remotePublicKey!
      // Noise XX completes with whoever answers; a dial to a key from mDNS
      // must reach that key (a spoofed record pointing elsewhere fails here).
      if (pin && !remote.equals(pin)) {
        log.warn({ expected: pin.toString('hex').slice(0, 16), got: remote.toString('hex').slice(0, 16) }, 'remote key is not the announced one: dropping')
        stream.destroy()
        return false
      }
      if (remote.equals(this.keyPair.publicKey)) {
        stream.destroy() // ourselves (a --peer pointing home)
        return false
      }
      stream.setKeepAlive(this.opts.keepAliveMs ?? KEEPALIVE_MS)
      stream.setTimeout(this.opts.timeoutMs ?? TIMEOUT_MS)
      const loser = this.connections.add(stream)
      if (loser !== stream) this.emit('connection', stream)
      if (loser) loser.destroy()
      return loser !== stream
    }, () => false)
  }

  private hold (stream: NoiseSecretStream, ticket: Ticket): void {
    this.tickets.set(stream, ticket)
    stream.once('close', () => ticket.leave())
  }

  // Counted by the limits; logged, except each try of a banned address
  // (the ban itself is logged once, its refusals are in limits.stats()).
  private refused (address: string, reason: Refusal, bannedNow: boolean): void {
    if (bannedNow) this.opts.log.warn({ address, reason, banMs: this.limits.opts.banMs }, 'address banned')
    else if (reason !== 'banned') this.opts.log.warn({ address, reason }, 'connection refused')
  }

  // Ahead of the stream's own reader, so an oversized frame is refused
  // before it is buffered.
  private guardFrames (stream: NoiseSecretStream, raw: RawStream, address: string | null): void {
    const guard = new FrameGuard(MAX_FRAME_BYTES)
    raw.prependListener('data', chunk => {
      const bad = guard.check(bytes(chunk))
      if (bad === 0 || stream.destroying) return
      this.opts.log.warn({ address, bytes: bad }, 'oversized frame: dropping')
      raw.destroy()
      stream.destroy()
    })
  }
}

// One address however the socket names it (an IPv4 peer on a dual-stack
// socket is ::ffff:a.b.c.d).
function plainAddress (address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address
}

function bytes (chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk
  throw new TypeError('a raw stream must carry bytes')
}
