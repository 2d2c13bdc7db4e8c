// Decides which loaded messages of one chat become `message` events, and
// when. Live messages (written since this node started) always show; older
// ones — on start, catching up, a writer learned late — show only if they
// are among the chat's newest N, so coming back to a busy chat does not
// replay thousands of lines (docs/decisions.md). Each message shows once;
// the chat can be held while a batch of feeds loads, so a joiner gets one
// ordered batch.
import { compareMessages, type StoredMessage } from './chat-message.ts'

// The least of a chat's view the gate reads: where a loaded message stands,
// counted from the newest (0), or -1 when it is not loaded.
export interface RankedMessages {
  rankFromTop (m: StoredMessage): number
}

export interface MessageGateOptions {
  view: RankedMessages
  // Messages stamped from this wall-clock time on are live.
  sessionStart: number
  // How many of the chat's newest older messages may show.
  historyCount: number
  show: (m: StoredMessage, history: boolean) => void
  // However holds overlap (a peer can send Writers frames back to back),
  // nothing waits longer than this after the gate was first held: past it,
  // what is held shows, and so does everything added until the holds end.
  maxHoldMs?: number
  now?: () => number
}

export class MessageGate {
  // Until the node is ready, messages added outside a hold are dropped, not
  // queued: start-up shows the newest N through `history()` instead.
  open = false
  private readonly opts: MessageGateOptions
  // Not bounded: `history()` shows whatever it is given that has not shown,
  // and a view that drops a feed's window (a gap of more than MAX_GAP
  // blocks) loads those messages again later, so forgetting any id could
  // show it twice. It holds at most one id per message the view has loaded,
  // and the view keeps every loaded message anyway; it goes with the chat.
  private readonly emitted = new Set<string>()
  private holds = 0
  private heldSince = 0
  private holdTimer: NodeJS.Timeout | null = null
  private held: StoredMessage[] = []

  constructor (opts: MessageGateOptions) {
    this.opts = opts
  }

  hold (): void {
    if (this.holds++ > 0) return
    this.heldSince = this.now()
    const max = this.opts.maxHoldMs
    if (max === undefined) return
    // What is held shows on time even if nothing more is added.
    this.holdTimer = setTimeout(() => {
      this.holdTimer = null
      if (this.holds > 0) this.added([])
    }, max)
    this.holdTimer.unref()
  }

  // The last release shows what was added while held, in order, whether or
  // not the gate is open yet.
  release (): void {
    if (this.holds === 0 || --this.holds > 0) return
    if (this.holdTimer) clearTimeout(this.holdTimer)
    this.holdTimer = null
    const batch = this.held
    this.held = []
    this.flush(batch)
  }

  // New messages loaded into the view.
  added (msgs: readonly StoredMessage[]): void {
    if (this.holds > 0 && !this.overdue()) {
      for (const m of msgs) this.held.push(m)
    } else if (this.holds > 0) {
      const batch = this.held
      this.held = []
      for (const m of msgs) batch.push(m)
      this.flush(batch)
    } else if (this.open) this.flush(msgs)
  }

  private overdue (): boolean {
    const max = this.opts.maxHoldMs
    return max !== undefined && this.now() - this.heldSince >= max
  }

  private now (): number {
    return (this.opts.now ?? Date.now)()
  }

  // Show these as history (on start, on joining), in the order given.
  history (msgs: readonly StoredMessage[]): void {
    for (const m of msgs) {
      if (this.emitted.has(m.id)) continue
      this.emitted.add(m.id)
      this.opts.show(m, true)
    }
  }

  private flush (msgs: readonly StoredMessage[]): void {
    for (const m of [...msgs].sort(compareMessages)) {
      if (this.emitted.has(m.id)) continue
      const live = m.hlc.wall >= this.opts.sessionStart
      if (!live) {
        const rank = this.opts.view.rankFromTop(m)
        if (rank < 0 || rank >= this.opts.historyCount) continue
      }
      this.emitted.add(m.id)
      this.opts.show(m, !live)
    }
  }
}
