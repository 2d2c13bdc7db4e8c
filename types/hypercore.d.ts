// Local shim for the surface of hypercore 11 that hallway uses.
declare module 'hypercore' {
  import { EventEmitter } from 'node:events'

  interface GetOptions { wait?: boolean, timeout?: number, decrypt?: boolean }
  interface RangeOptions { start?: number, end?: number, linear?: boolean }
  interface Download { done (): Promise<void>, destroy (): void }

  class Hypercore extends EventEmitter {
    readonly key: Buffer | null
    readonly discoveryKey: Buffer | null
    readonly length: number
    readonly contiguousLength: number
    readonly byteLength: number
    readonly writable: boolean
    readonly readable: boolean
    readonly opened: boolean
    readonly closed: boolean
    readonly peers: Array<{ readonly remotePublicKey: Buffer, readonly remoteContiguousLength: number }>
    ready (): Promise<void>
    close (): Promise<void>
    append (blocks: Uint8Array | Uint8Array[]): Promise<{ length: number, byteLength: number }>
    get (index: number, opts?: GetOptions): Promise<Buffer | null>
    has (start: number, end?: number): Promise<boolean>
    update (opts?: { wait?: boolean }): Promise<boolean>
    download (range?: RangeOptions): Download
    clear (start: number, end?: number): Promise<unknown>
    setKeepAlive? (on: boolean): void
    on (event: 'append' | 'close', fn: () => void): this
    on (event: 'download', fn: (index: number, byteLength: number) => void): this
    on (event: 'peer-add' | 'peer-remove', fn: (peer: unknown) => void): this
    on (event: string, fn: (...args: unknown[]) => void): this
  }
  export default Hypercore
}
