// Decides which loaded messages of one chat become `message` events, and
// when. Live messages (written since this node started) always show; older
// ones — on start, catching up, a writer learned late — show only if they
// are among the chat's newest N, so coming back to a busy chat does not
// replay thousands of lines (docs/decisions.md). Each message shows once;
// the gate can be held while a batch of feeds loads, so a joiner gets one
// ordered batch.
import { compareMessages, type StoredMessage } from './chat-message.ts'

export interface MessageGateOptions {
  view: { rankFromTop (m: StoredMessage): number }
  sessionStart: number
  historyCount: number
  show: (m: StoredMessage, history: boolean) => void
}

export class MessageGate {
  // Nothing shows before the node is ready.
  open = false
  private readonly opts: MessageGateOptions
  private readonly emitted = new Set<string>()
  private holds = 0
  private waiting: StoredMessage[] = []

  constructor (opts: MessageGateOptions) {
    this.opts = opts
  }

  hold (): void {
    this.holds++
  }

  release (): void {
    if (this.holds === 0 || --this.holds > 0) return
    const msgs = this.waiting
    this.waiting = []
    this.flush(msgs)
  }

  // New messages loaded into the view.
  added (msgs: StoredMessage[]): void {
    if (this.holds > 0) this.waiting.push(...msgs)
    else if (this.open) this.flush(msgs)
  }

  // Show these as history (on start, on joining), oldest first.
  history (msgs: StoredMessage[]): void {
    for (const m of msgs) {
      if (this.emitted.has(m.id)) continue
      this.emitted.add(m.id)
      this.opts.show(m, true)
    }
  }

  private flush (msgs: StoredMessage[]): void {
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
