// An API member's node joined to the relay's node in memory: a Noise pair
// with its raw streams piped together, handed to both Messengers once the
// handshake is done (as test/helpers/peers.ts connects peers). No socket,
// no port: the member reaches the workspace through the relay. If the link
// closes while it should be up, it is made again, with a growing pause if
// it keeps closing at once (say, while the relay node shuts down).
import { EventEmitter } from 'node:events'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Messenger } from '../chat/messenger.ts'

const RETRY_MIN_MS = 100
const RETRY_MAX_MS = 5000
// A link that stayed up this long resets the pause.
const STABLE_MS = 2000

export interface MemberLinkEvents {
  // Both nodes have the connection.
  linked: []
  // It closed; a new one follows unless the link is closed.
  unlinked: []
}

export class MemberLink extends EventEmitter<MemberLinkEvents> {
  private readonly relay: Messenger
  private readonly member: Messenger
  private streams: [NoiseSecretStream, NoiseSecretStream] | null = null
  private timer: NodeJS.Timeout | null = null
  private retryMs = RETRY_MIN_MS
  private closed = false
  // How many times the link has been made (tests watch it).
  opened = 0

  constructor (relay: Messenger, member: Messenger) {
    super()
    this.relay = relay
    this.member = member
  }

  open (): void {
    if (this.closed || this.streams) return
    const a = new NoiseSecretStream(true, null, { keyPair: this.member.identity.device })
    const b = new NoiseSecretStream(false, null, { keyPair: this.relay.identity.device })
    a.rawStream.pipe(b.rawStream).pipe(a.rawStream)
    this.streams = [a, b]
    this.opened++
    const since = Date.now()
    Promise.all([a.opened, b.opened]).then(([okA, okB]) => {
      if (!okA || !okB || a.destroying || b.destroying) return
      this.member.addConnection(a)
      this.relay.addConnection(b)
      this.emit('linked')
    }, () => {})
    let gone = 0
    const onClose = (): void => {
      if (++gone === 1) {
        // One side closed: take the other down too, then make a new pair.
        a.destroy()
        b.destroy()
        if (this.streams?.[0] === a) this.streams = null
        this.retryMs = Date.now() - since >= STABLE_MS ? RETRY_MIN_MS : Math.min(this.retryMs * 2, RETRY_MAX_MS)
        this.emit('unlinked')
        this.schedule()
      }
    }
    a.on('close', onClose)
    b.on('close', onClose)
    a.on('error', () => {})
    b.on('error', () => {})
  }

  // Drops the current pair as a network fault would; the link comes back.
  cut (): void {
    if (!this.streams) return
    for (const s of this.streams) s.destroy()
  }

  close (): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.cut()
  }

  private schedule (): void {
    if (this.closed || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.open()
    }, this.retryMs)
  }
}
