declare module 'corestore' {
  import type Hypercore from 'hypercore'
  import type { Duplex } from 'node:stream'

  interface GetOptions {
    name?: string
    key?: Uint8Array
    encryption?: { key: Uint8Array } | null
    exclusive?: boolean
    createIfMissing?: boolean
  }

  class Corestore {
    constructor (storage: string, opts?: { primaryKey?: Uint8Array, unsafe?: boolean })
    readonly primaryKey: Buffer
    ready (): Promise<void>
    close (): Promise<void>
    get (opts: GetOptions): Hypercore
    namespace (name: string | Uint8Array): Corestore
    replicate (stream: unknown, opts?: object): Duplex
  }
  export default Corestore
}
