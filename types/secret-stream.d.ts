declare module '@hyperswarm/secret-stream' {
  import { Duplex } from 'streamx'

  interface KeyPair { publicKey: Buffer, secretKey: Buffer }

  interface Options {
    keyPair?: KeyPair
    remotePublicKey?: Uint8Array
    keepAlive?: number
    autoStart?: boolean
  }

  class NoiseSecretStream extends Duplex {
    constructor (isInitiator: boolean, rawStream?: unknown, opts?: Options)
    readonly isInitiator: boolean
    readonly publicKey: Buffer | null
    readonly remotePublicKey: Buffer | null
    readonly rawStream: Duplex & { remoteAddress?: string, remoteHost?: string | null }
    readonly handshakeHash: Buffer | null
    readonly opened: Promise<boolean>
    userData: unknown
    setTimeout (ms: number): void
    setKeepAlive (ms: number): void
    static keyPair (seed?: Uint8Array): KeyPair
  }
  export default NoiseSecretStream
}
