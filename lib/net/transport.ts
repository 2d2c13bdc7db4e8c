// TCP + Noise: a listening server and outgoing dials, each wrapped in a
// secret stream keyed with the device key pair. Emits every stream once its
// handshake is done and it survived deduplication.
import { EventEmitter } from 'node:events'
import net from 'node:net'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import { hallwayError } from '../errors.ts'
import type { Log } from '../log.ts'
import { ConnectionSet } from './connection-set.ts'
import { FrameGuard } from './frame-guard.ts'

export interface TransportOptions {
  keyPair: { publicKey: Buffer, secretKey: Buffer }
  port: number
  host?: string
  // With no explicit port, fall back to any free port if the default is taken.
  portIsExplicit?: boolean
  keepAliveMs?: number
  timeoutMs?: number
  log: Log
}

export interface TransportEvents {
  connection: [stream: NoiseSecretStream]
  disconnect: [remoteKey: Buffer]
  'dial-failed': [address: string, error: Error]
}

export const DEFAULT_PORT = 47470
// A Noise handshake is two small messages; anything slower or bigger is not
// a peer (bad bytes cost the sender, never the receiver: DESIGN.md §6).
const HANDSHAKE_TIMEOUT_MS = 3000
const MAX_HANDSHAKE_BYTES = 64 * 1024
// Larger than any honest frame: hallway blocks are at most 64 KiB, live
// frames 256 KiB.
const MAX_FRAME_BYTES = 512 * 1024
const KEEPALIVE_MS = 3000
// A silent peer (crashed host, cut cable) is dropped after this long; a
// killed process is noticed at once through its closed socket.
const TIMEOUT_MS = 10000

export class Transport extends EventEmitter<TransportEvents> {
  readonly connections: ConnectionSet
  private readonly opts: TransportOptions
  private readonly server: net.Server
  private readonly pending = new Set<NoiseSecretStream>()
  private closing = false
  port = 0

  constructor (opts: TransportOptions) {
    super()
    this.opts = opts
    this.connections = new ConnectionSet(opts.keyPair.publicKey)
    this.server = net.createServer(socket => this.wrap(false, socket, null))
    this.server.on('error', err => opts.log.warn({ err: String(err) }, 'server error'))
  }

  get publicKey (): Buffer {
    return this.opts.keyPair.publicKey
  }

  async listen (): Promise<number> {
    try {
      this.port = await listenOn(this.server, this.opts.port, this.opts.host)
    } catch (err) {
      const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
      if (!inUse) throw err
      if (this.opts.portIsExplicit) throw hallwayError('PORT_IN_USE', `port ${this.opts.port} is in use: pick another with --port`, err)
      this.opts.log.warn({ port: this.opts.port }, 'default port in use, listening on a random port')
      this.port = await listenOn(this.server, 0, this.opts.host)
    }
    return this.port
  }

  // Dial host:port. With a remote key (from mDNS) the handshake pins it: a
  // spoofed record pointing at another node fails the handshake.
  dial (host: string, port: number, remotePublicKey: Uint8Array | null): Promise<NoiseSecretStream> {
    return new Promise((resolve, reject) => {
      if (this.closing) return reject(hallwayError('CLOSED', 'transport is closed'))
      const socket = net.connect({ host, port })
      const stream = this.wrap(true, socket, remotePublicKey)
      const onError = (err: Error): void => { cleanup(); reject(err) }
      const onClose = (): void => { cleanup(); reject(new Error(`connection to ${host}:${port} closed during handshake`)) }
      const onOpen = (): void => {
        cleanup()
        if (remotePublicKey && !stream.remotePublicKey!.equals(Buffer.from(remotePublicKey))) reject(new Error(`${host}:${port} answered with another key than the one announced`))
        else resolve(stream)
      }
      const cleanup = (): void => {
        stream.off('error', onError); stream.off('close', onClose); stream.off('connect', onOpen)
      }
      stream.once('error', onError)
      stream.once('close', onClose)
      stream.once('connect', onOpen)
    })
  }

  async close (): Promise<void> {
    if (this.closing) return
    this.closing = true
    const all = [...this.pending, ...this.connections.all()]
    for (const s of all) s.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private wrap (isInitiator: boolean, socket: net.Socket, remotePublicKey: Uint8Array | null): NoiseSecretStream {
    socket.setNoDelay(true)
    const stream = new NoiseSecretStream(isInitiator, socket, {
      keyPair: this.opts.keyPair,
      ...(remotePublicKey ? { remotePublicKey } : {})
    })
    this.pending.add(stream)
    stream.on('error', err => this.opts.log.debug({ err: String(err) }, 'connection error'))
    let received = 0
    const countBytes = (chunk: Buffer): void => {
      received += chunk.byteLength
      if (received > MAX_HANDSHAKE_BYTES) {
        this.opts.log.warn({ address: socket.remoteAddress, bytes: received }, 'too much data before the handshake: dropping')
        stream.destroy()
      }
    }
    socket.on('data', countBytes)
    // Ahead of the stream's own reader, so an oversized frame is refused
    // before it is buffered.
    const guard = new FrameGuard(MAX_FRAME_BYTES)
    socket.prependListener('data', (chunk: Buffer) => {
      const bad = guard.check(chunk)
      if (bad === 0 || stream.destroyed) return
      this.opts.log.warn({ address: socket.remoteAddress, bytes: bad }, 'oversized frame: dropping')
      socket.destroy()
      stream.destroy()
    })
    const handshakeTimer = setTimeout(() => {
      this.opts.log.warn({ address: socket.remoteAddress }, 'no handshake in time: dropping')
      stream.destroy()
    }, HANDSHAKE_TIMEOUT_MS)
    handshakeTimer.unref()
    stream.once('close', () => {
      this.pending.delete(stream)
      if (this.connections.delete(stream)) this.emit('disconnect', stream.remotePublicKey!)
    })
    if (this.closing) {
      stream.destroy()
      return stream
    }
    stream.opened.then(opened => {
      this.pending.delete(stream)
      clearTimeout(handshakeTimer)
      socket.off('data', countBytes)
      if (!opened || stream.destroyed) return
      // Noise XX tells us who answered; a dial to a key from mDNS must reach
      // that key (a spoofed record pointing elsewhere fails here).
      if (remotePublicKey && !stream.remotePublicKey!.equals(Buffer.from(remotePublicKey))) {
        this.opts.log.warn({ expected: Buffer.from(remotePublicKey).toString('hex').slice(0, 16), got: stream.remotePublicKey!.toString('hex').slice(0, 16) }, 'remote key is not the announced one: dropping')
        stream.destroy()
        return
      }
      if (stream.remotePublicKey!.equals(this.opts.keyPair.publicKey)) {
        stream.destroy() // dialled ourselves (a --peer pointing home)
        return
      }
      stream.setKeepAlive(this.opts.keepAliveMs ?? KEEPALIVE_MS)
      stream.setTimeout(this.opts.timeoutMs ?? TIMEOUT_MS)
      const loser = this.connections.add(stream)
      if (loser !== stream) this.emit('connection', stream)
      if (loser) loser.destroy()
    }, () => {})
    return stream
  }
}

function listenOn (server: net.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err)
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve((server.address() as net.AddressInfo).port)
    })
  })
}
