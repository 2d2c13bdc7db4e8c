// Decides which loaded messages become `message` events, and when. Live
// messages (written since this node started) always show; older ones — on
// start, catching up, a writer learned late — show only if they are among
// the chat's newest N, so coming back to a busy chat does not replay
// thousands of lines (docs/decisions.md). Each message shows once; a view
// can be held while a batch of feeds loads, so a joiner gets one ordered
// batch.
import { compareMessages, type StoredMessage } from './chat-message.ts'
import type { ChatView } from './chat-view.ts'

export interface MessageGateOptions {
  sessionStart: number
  historyCount: number
  show: (view: ChatView, m: StoredMessage, history: boolean) => void
}

export class MessageGate {
  open = false
  private readonly opts: MessageGateOptions
  private readonly emitted = new Set<string>()
  private readonly holds = new Map<ChatView, { count: number, added: StoredMessage[] }>()

  constructor (opts: MessageGateOptions) {
    this.opts = opts
  }

  hold (view: ChatView): void {
    const h = this.holds.get(view) ?? { count: 0, added: [] }
    h.count++
    this.holds.set(view, h)
  }

  release (view: ChatView): void {
    const h = this.holds.get(view)
    if (!h || --h.count > 0) return
    this.holds.delete(view)
    this.flush(view, h.added)
  }

  // New messages loaded into a view.
  added (view: ChatView, msgs: StoredMessage[]): void {
    const h = this.holds.get(view)
    if (h) h.added.push(...msgs)
    else if (this.open) this.flush(view, msgs)
  }

  // Show these as history (on start, on joining), oldest first.
  history (view: ChatView, msgs: StoredMessage[]): void {
    for (const m of msgs) {
      if (this.emitted.has(m.id)) continue
      this.emitted.add(m.id)
      this.opts.show(view, m, true)
    }
  }

  private flush (view: ChatView, msgs: StoredMessage[]): void {
    for (const m of [...msgs].sort(compareMessages)) {
      if (this.emitted.has(m.id)) continue
      const live = m.hlc.wall >= this.opts.sessionStart
      if (!live) {
        const rank = view.rankFromTop(m)
        if (rank < 0 || rank >= this.opts.historyCount) continue
      }
      this.emitted.add(m.id)
      this.opts.show(view, m, !live)
    }
  }
}
