declare module 'hyperdht' {
  import { EventEmitter } from 'node:events'
  import type NoiseSecretStream from '@hyperswarm/secret-stream'
  import type { Duplex } from 'streamx'
  // Makes a connection's secret stream; a dial's raw stream is null here
  // and given later to start().
  type SecretStreamFactory = (isInitiator: boolean, rawStream: Duplex | null, opts: ConstructorParameters<typeof NoiseSecretStream>[2]) => NoiseSecretStream
  interface ConnectOptions { createSecretStream?: SecretStreamFactory }
  // Called once a client's handshake is read, before the reply: true refuses.
  type Firewall = (remotePublicKey: Buffer, payload: unknown, address: { host: string, port: number }) => boolean | Promise<boolean>
  interface ServerOptions { createSecretStream?: SecretStreamFactory, firewall?: Firewall }
  interface DhtOptions {
    bootstrap?: Array<{ host: string, port: number } | string>
    firewalled?: boolean
    port?: number
    host?: string
    ephemeral?: boolean
    keyPair?: { publicKey: Buffer, secretKey: Buffer }
  }
  class HyperDHT extends EventEmitter {
    constructor (opts?: DhtOptions)
    static bootstrapper (port: number, host: string, opts?: DhtOptions): HyperDHT
    ready (): Promise<void>
    destroy (): Promise<void>
    connect (remotePublicKey: Buffer, opts?: ConnectOptions): NoiseSecretStream
    createServer (opts?: ServerOptions, onconnection?: (stream: NoiseSecretStream) => void): EventEmitter
    readonly port: number
    readonly host: string | null
  }
  export default HyperDHT
}

declare module 'hyperswarm' {
  import { EventEmitter } from 'node:events'
  import type HyperDHT from 'hyperdht'
  import type NoiseSecretStream from '@hyperswarm/secret-stream'
  interface Discovery { flushed (): Promise<void>, refresh (): Promise<void>, destroy (): Promise<void> }
  interface PeerInfo { publicKey: Buffer }
  class Hyperswarm extends EventEmitter {
    constructor (opts?: { keyPair?: { publicKey: Buffer, secretKey: Buffer }, dht?: HyperDHT, maxPeers?: number })
    readonly connections: Set<NoiseSecretStream>
    join (topic: Buffer, opts?: { server?: boolean, client?: boolean }): Discovery
    flush (): Promise<boolean>
    destroy (): Promise<void>
    on (event: 'connection', fn: (conn: NoiseSecretStream, info: PeerInfo) => void): this
    on (event: string, fn: (...args: unknown[]) => void): this
  }
  export default Hyperswarm
}
