// One connection per pair of devices (docs/decisions.md). Both sides may
// dial at once (mDNS tells both about each other), and one device may be
// reached over TCP, Hyperswarm and in memory; when two connections to one
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
    // One already closing is gone: a link cut and made again at once.
    if (existing && existing !== stream && !existing.destroying) {
      const keepNew = this.wins(stream, existing)
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

  // One initiator for both (two dials the same way, TCP beside Hyperswarm):
  // the one in place stays. Not a tie-break both ends could compute (the
  // handshake hash): a dial pinned to a spoofed mDNS key reaches the real
  // node, which cannot know that the dialler drops it at once, and must not
  // give up the working connection for it.
  private wins (a: NoiseSecretStream, b: NoiseSecretStream): boolean {
    return this.initiatorKey(a).compare(this.initiatorKey(b)) < 0
  }

  private initiatorKey (stream: NoiseSecretStream): Buffer {
    return stream.isInitiator ? this.localKey : stream.remotePublicKey!
  }
}
