// Two nodes joined in memory (an API member and the relay node, tests): a
// pair of byte streams, each end handed to its node's ConnectionGate as a
// socket would be. So an in-memory connection gets the same Noise
// handshake, guards and de-duplication as one over TCP, not a shortcut
// around them.
import { Duplex } from 'streamx'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { ConnectionGate } from './connection-gate.ts'

export interface MemoryPair {
  // `a`'s end (the initiator), then `b`'s.
  readonly streams: [NoiseSecretStream, NoiseSecretStream]
  // True once both gates kept their end; false if either was dropped or
  // closed first.
  readonly kept: Promise<boolean>
  // Cuts the link: both ends close, as after a network fault.
  destroy (): void
}

export function memoryPair (a: ConnectionGate, b: ConnectionGate): MemoryPair {
  const [rawA, rawB] = byteStreamPair()
  const ga = a.wrap(true, rawA, { address: 'memory' })
  const gb = b.wrap(false, rawB, { address: 'memory' })
  return {
    streams: [ga.stream, gb.stream],
    kept: Promise.all([ga.kept, gb.kept]).then(([ka, kb]) => ka && kb && !ga.stream.destroying && !gb.stream.destroying),
    destroy: () => {
      ga.stream.destroy()
      gb.stream.destroy()
    }
  }
}

// Bytes written at one end are read at the other, with backpressure; when
// one end is destroyed so is the other, as a socket's peer sees a reset.
export function byteStreamPair (): [Duplex, Duplex] {
  const a = new ByteStream()
  const b = new ByteStream()
  a.other = b
  b.other = a
  return [a, b]
}

class ByteStream extends Duplex {
  other: ByteStream | null = null
  // The other end's pending write, released when this end's reader wants more.
  private blocked: ((err: Error | null) => void) | null = null

  override _write (data: unknown, cb: (err: Error | null) => void): void {
    const other = this.other!
    if (other.push(data)) cb(null)
    else other.blocked = cb
  }

  override _final (cb: (err: Error | null) => void): void {
    this.other!.push(null)
    cb(null)
  }

  override _read (cb: (err: Error | null) => void): void {
    this.release()
    cb(null)
  }

  override _predestroy (): void {
    this.other?.destroy()
  }

  private release (): void {
    const blocked = this.blocked
    this.blocked = null
    blocked?.(null)
  }
}
