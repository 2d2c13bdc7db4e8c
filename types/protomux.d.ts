declare module 'protomux' {
  interface Encoding<T> {
    preencode (state: unknown, value: T): void
    encode (state: unknown, value: T): void
    decode (state: unknown): T
  }
  interface MessageOptions<T> { encoding: Encoding<T>, onmessage?: (value: T, channel: Channel) => void }
  interface Message<T> { send (value: T): boolean }
  interface Channel {
    readonly opened: boolean
    readonly closed: boolean
    userData: unknown
    open (handshake?: unknown): void
    close (): void
    cork (): void
    uncork (): void
    addMessage<T> (opts: MessageOptions<T>): Message<T>
  }
  interface ChannelOptions {
    protocol: string
    id?: Uint8Array | null
    unique?: boolean
    messages?: Array<MessageOptions<never>>
    onopen? (handshake: unknown, channel: Channel): void
    onclose? (isRemote: boolean, channel: Channel): void
    ondestroy? (channel: Channel): void
  }
  class Protomux {
    static from (stream: unknown, opts?: object): Protomux
    createChannel (opts: ChannelOptions): Channel | null
    pair (opts: { protocol: string, id?: Uint8Array | null }, notify: (id: Uint8Array | null) => void): void
    unpair (opts: { protocol: string, id?: Uint8Array | null }): void
    cork (): void
    uncork (): void
  }
  export default Protomux
  export type { Channel, Encoding, Message }
}
