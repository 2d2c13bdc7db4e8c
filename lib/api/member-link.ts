// An API member's node joined to the relay's node in memory: a memory pair
// through both nodes' connection gates (as test/helpers/peers.ts connects
// peers). No socket, no port: the member reaches the workspace through the
// relay. If the link closes while it should be up, it is made again, with a
// growing pause if it keeps closing at once (say, while the relay node
// shuts down).
import { EventEmitter } from 'node:events'
import type { Messenger } from '../chat/messenger.ts'
import { linkInMemory, type MemoryPair } from '../chat/memory-link.ts'

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
  private pair: MemoryPair | null = null
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
    if (this.closed || this.pair) return
    const pair = linkInMemory(this.member, this.relay)
    const [a, b] = pair.streams
    this.pair = pair
    this.opened++
    const since = Date.now()
    void pair.kept.then(kept => { if (kept) this.emit('linked') })
    let gone = 0
    const onClose = (): void => {
      if (++gone === 1) {
        // One side closed: take the other down too, then make a new pair.
        pair.destroy()
        if (this.pair === pair) this.pair = null
        this.retryMs = Date.now() - since >= STABLE_MS ? RETRY_MIN_MS : Math.min(this.retryMs * 2, RETRY_MAX_MS)
        this.emit('unlinked')
        this.schedule()
      }
    }
    a.on('close', onClose)
    b.on('close', onClose)
  }

  // Drops the current pair as a network fault would; the link comes back.
  cut (): void {
    this.pair?.destroy()
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
