// How many connections the API holds at once, in all and per remote address
// (issue 10, finding 7): 21,000 half-open requests once used up the
// process's file descriptors, and nobody else was answered. Past a cap a new
// connection is closed at once and counted; those held are freed by the
// server's header and request timeouts.
import type { Socket } from 'node:net'

export interface ConnectionCapOptions {
  max: number
  perAddress: number
  // Told once per refused address until that address is under its cap
  // again, so a flood writes a line, not a line per connection.
  refused?: (address: string, reason: 'total' | 'per-address') => void
}

export class ConnectionCap {
  readonly opts: ConnectionCapOptions
  private readonly byAddress = new Map<string, number>()
  private readonly warned = new Set<string>()
  private total = 0
  refusals = 0

  constructor (opts: ConnectionCapOptions) {
    if (!(opts.max >= 1) || !(opts.perAddress >= 1)) throw new RangeError('connection caps must be at least 1')
    this.opts = opts
  }

  get size (): number {
    return this.total
  }

  // Holds the socket until it closes, or destroys it and returns false.
  admit (socket: Socket): boolean {
    const address = socket.remoteAddress ?? ''
    const held = this.byAddress.get(address) ?? 0
    const reason = this.total >= this.opts.max ? 'total' : held >= this.opts.perAddress ? 'per-address' : null
    if (reason !== null) {
      this.refusals++
      if (!this.warned.has(address)) {
        // Many addresses refused at the total cap: forget, then warn again.
        if (this.warned.size >= 1024) this.warned.clear()
        this.warned.add(address)
        this.opts.refused?.(address, reason)
      }
      socket.destroy()
      return false
    }
    this.total++
    this.byAddress.set(address, held + 1)
    socket.once('close', () => {
      this.total--
      const n = (this.byAddress.get(address) ?? 1) - 1
      if (n > 0) this.byAddress.set(address, n)
      else this.byAddress.delete(address)
      this.warned.delete(address)
    })
    return true
  }
}
