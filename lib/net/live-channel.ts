// The `hallway/v1` protomux channel beside Corestore replication on every
// connection: hello, followed chats, writer feeds. Frames are decoded with
// bounds; a peer that sends too many bad frames is dropped (it costs the
// sender, never the receiver: DESIGN.md §6).
import { EventEmitter } from 'node:events'
import Protomux, { type Channel, type Message } from 'protomux'
import c from 'compact-encoding'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { decodeLive, encodeLive, type Live } from '../wire/index.ts'

export const PROTOCOL = 'hallway/v1'
export const MAX_INVALID_FRAMES = 16

export interface LiveChannelEvents {
  live: [frame: Live]
  invalid: [reason: string]
  open: []
  close: []
}

export class LiveChannel extends EventEmitter<LiveChannelEvents> {
  readonly stream: NoiseSecretStream
  private readonly channel: Channel
  private readonly message: Message<Uint8Array>
  invalid = 0

  constructor (stream: NoiseSecretStream) {
    super()
    this.stream = stream
    const mux = Protomux.from(stream)
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      unique: true,
      onopen: () => this.emit('open'),
      onclose: () => this.emit('close')
    })
    if (!channel) throw new Error('hallway/v1 channel already open on this stream')
    this.channel = channel
    this.message = channel.addMessage({ encoding: c.raw, onmessage: (bytes: Uint8Array) => this.onFrame(bytes) })
    channel.open()
  }

  send (frame: Live): void {
    if (this.channel.closed) return
    this.message.send(encodeLive(frame))
  }

  close (): void {
    this.channel.close()
  }

  private onFrame (bytes: Uint8Array): void {
    const decoded = decodeLive(bytes)
    if (decoded.ok) {
      this.emit('live', decoded.value)
      return
    }
    this.invalid++
    this.emit('invalid', decoded.reason)
    // An oversized frame is never an honest mistake: drop at once, before
    // the sender makes us buffer more of them.
    if (decoded.reason === 'too-large' || this.invalid >= MAX_INVALID_FRAMES) this.stream.destroy(new Error(`invalid frames (${decoded.reason})`))
  }
}
