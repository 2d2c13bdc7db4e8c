// TCP: a listening server and outgoing dials. Every socket goes to the
// ConnectionGate, which makes it a secret stream, guards it and emits it
// once it is handshaken and survived de-duplication.
import net from 'node:net'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { hallwayError } from '../errors.ts'
import type { Log } from '../log.ts'
import type { ConnectionGate } from './connection-gate.ts'

export interface TransportOptions {
  gate: ConnectionGate
  port: number
  host?: string
  // With no explicit port, fall back to any free port if the default is taken.
  portIsExplicit?: boolean
  log: Log
}

export const DEFAULT_PORT = 47470

export class Transport {
  private readonly opts: TransportOptions
  private readonly server: net.Server
  // Ours to close: the server waits for every socket to end.
  private readonly streams = new Set<NoiseSecretStream>()
  private closing = false
  port = 0

  constructor (opts: TransportOptions) {
    this.opts = opts
    // An accepted socket is checked against the gate's budgets before any
    // Noise: a refused one is closed at once.
    this.server = net.createServer(socket => {
      if (this.closing || !socket.remoteAddress) return socket.destroy()
      socket.setNoDelay(true)
      const gated = opts.gate.accept(socket, socket.remoteAddress)
      if (gated) this.track(gated.stream)
    })
    this.server.on('error', err => opts.log.warn({ err: String(err) }, 'server error'))
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

  // Dial host:port. With a remote key (from mDNS) the gate pins it: a
  // spoofed record pointing at another node fails the dial.
  dial (host: string, port: number, remotePublicKey: Uint8Array | null): Promise<NoiseSecretStream> {
    return new Promise((resolve, reject) => {
      if (this.closing) return reject(hallwayError('CLOSED', 'transport is closed'))
      const socket = net.connect({ host, port })
      socket.setNoDelay(true)
      const stream = this.opts.gate.wrap(true, socket, { remotePublicKey, address: host }).stream
      this.track(stream)
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
    for (const s of this.streams) s.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private track (stream: NoiseSecretStream): void {
    this.streams.add(stream)
    stream.once('close', () => this.streams.delete(stream))
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
