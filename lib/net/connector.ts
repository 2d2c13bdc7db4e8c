// Decides whom to dial: peers that mDNS announces, and static --peer
// addresses (networks that block multicast). Redials with backoff while a
// peer is still announced or listed, so a restarted peer is found again
// even when mDNS reports nothing new (a crashed peer sends no goodbye).
import type { Log } from '../log.ts'
import type { ConnectionGate } from './connection-gate.ts'
import type { Transport } from './transport.ts'

export interface StaticPeer { host: string, port: number }

// Where a device says it listens (lib/discovery/mdns.ts fits this), typed
// here so that net/ never imports discovery/.
export interface PeerHint { publicKey: Buffer, host: string, port: number }
export interface PeerHints {
  on (event: 'up', fn: (hint: PeerHint) => void): unknown
  // The device's current hint, while it is announced.
  hint (publicKey: Uint8Array): PeerHint | undefined
}

const MIN_BACKOFF_MS = 250
const MAX_BACKOFF_MS = 10000

export class Connector {
  private readonly transport: Transport
  private readonly gate: ConnectionGate
  private readonly hints: PeerHints | null
  private readonly log: Log
  private readonly dialing = new Set<string>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly backoff = new Map<string, number>()
  private closed = false

  // Connections from every source close through the gate; a device still
  // announced is dialled again, however it had been reached.
  constructor (transport: Transport, gate: ConnectionGate, hints: PeerHints | null, log: Log) {
    this.transport = transport
    this.gate = gate
    this.hints = hints
    this.log = log
    hints?.on('up', hint => this.dialHint(hint))
    gate.on('disconnect', key => {
      const hint = this.hints?.hint(key)
      if (hint) this.later(`k:${key.toString('hex')}`, () => this.dialHint(hint))
    })
  }

  addStatic (peer: StaticPeer): void {
    const id = `s:${peer.host}:${peer.port}`
    const attempt = (): void => {
      if (this.closed) return
      this.transport.dial(peer.host, peer.port, null).then(stream => {
        this.backoff.delete(id)
        const key = stream.remotePublicKey!
        // Follow whichever connection to that peer survives deduplication;
        // dial again only when none is left.
        const watch = (): void => {
          const current = this.gate.connections.get(key)
          if (current && !current.destroyed) current.once('close', () => setImmediate(watch))
          else if (!key.equals(this.gate.publicKey)) this.later(id, attempt)
        }
        stream.once('close', () => setImmediate(watch))
      }, err => {
        this.log.debug({ peer: `${peer.host}:${peer.port}`, err: String(err) }, 'dial failed')
        this.later(id, attempt)
      })
    }
    attempt()
  }

  close (): void {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private dialHint (hint: PeerHint): void {
    const hex = hint.publicKey.toString('hex')
    const id = `k:${hex}`
    if (this.closed || this.dialing.has(hex) || this.gate.connections.has(hint.publicKey)) return
    this.dialing.add(hex)
    this.transport.dial(hint.host, hint.port, hint.publicKey).then(() => {
      this.dialing.delete(hex)
      this.backoff.delete(id)
    }, err => {
      this.dialing.delete(hex)
      this.log.debug({ peer: hex.slice(0, 16), err: String(err) }, 'dial failed')
      // Still announced? Try again: it may be restarting.
      const current = this.hints?.hint(hint.publicKey)
      if (current && !this.gate.connections.has(hint.publicKey)) this.later(id, () => this.dialHint(current))
    })
  }

  private later (id: string, fn: () => void): void {
    if (this.closed) return
    const delay = this.backoff.get(id) ?? MIN_BACKOFF_MS
    this.backoff.set(id, Math.min(delay * 2, MAX_BACKOFF_MS))
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, delay)
    t.unref()
    this.timers.add(t)
  }
}
