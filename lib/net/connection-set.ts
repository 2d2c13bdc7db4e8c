// One connection per pair of devices (DESIGN.md §4). Both sides may dial at
// once (mDNS tells both about each other); when two connections to one
// remote key exist, both sides keep the one whose initiator has the lower
// key, so they agree without a round trip.
import type NoiseSecretStream from '@hyperswarm/secret-stream'

export class ConnectionSet {
  private readonly byKey = new Map<string, NoiseSecretStream>()
  private readonly localKey: Buffer

  constructor (localKey: Buffer) {
    this.localKey = localKey
  }

  get size (): number {
    return this.byKey.size
  }

  has (remoteKey: Uint8Array): boolean {
    return this.byKey.has(Buffer.from(remoteKey).toString('hex'))
  }

  get (remoteKey: Uint8Array): NoiseSecretStream | undefined {
    return this.byKey.get(Buffer.from(remoteKey).toString('hex'))
  }

  all (): NoiseSecretStream[] {
    return [...this.byKey.values()]
  }

  // Returns the connection that loses (to be destroyed), or null. The caller
  // uses the stream only if it was kept.
  add (stream: NoiseSecretStream): NoiseSecretStream | null {
    const hex = stream.remotePublicKey!.toString('hex')
    const existing = this.byKey.get(hex)
    if (existing && existing !== stream) {
      const keepNew = this.initiatorKey(stream).compare(this.initiatorKey(existing)) < 0
      const loser = keepNew ? existing : stream
      if (keepNew) this.byKey.set(hex, stream)
      return loser
    }
    this.byKey.set(hex, stream)
    return null
  }

  delete (stream: NoiseSecretStream): boolean {
    const hex = stream.remotePublicKey?.toString('hex')
    if (hex && this.byKey.get(hex) === stream) {
      this.byKey.delete(hex)
      return true
    }
    return false
  }

  private initiatorKey (stream: NoiseSecretStream): Buffer {
    return stream.isInitiator ? this.localKey : stream.remotePublicKey!
  }
}
