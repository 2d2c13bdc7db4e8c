// Unread = messages after the read marker that others wrote. Counts are
// exact: a chat's view is first widened back to its marker. One count runs
// at a time per chat; a change is reported once.
import type { ChatView } from './chat-view.ts'
import { isAfter, START, type ReadMarkers } from './read-markers.ts'

export interface UnreadCounterOptions {
  markers: ReadMarkers
  self: () => string
  onChange: (chat: string, count: number) => void
  onError: (err: unknown) => void
}

export class UnreadCounter {
  private readonly shown = new Map<string, number>()
  private readonly counting = new Map<string, Promise<void>>()
  // A count waiting to start; later requests join it (bursts of messages
  // cost one count, not one each).
  private readonly queued = new Map<string, Promise<void>>()
  private readonly opts: UnreadCounterOptions

  constructor (opts: UnreadCounterOptions) {
    this.opts = opts
  }

  recount (view: ChatView): Promise<void> {
    const waiting = this.queued.get(view.name)
    if (waiting) return waiting
    const prev = this.counting.get(view.name) ?? Promise.resolve()
    const next = prev.then(async () => {
      this.queued.delete(view.name)
      const mark = this.opts.markers.get(view.name) ?? START
      await view.since(mark.hlc)
      const self = this.opts.self()
      let count = 0
      for (let i = view.messages.length - 1; i >= 0; i--) {
        const m = view.messages[i]!
        if (!isAfter(m, mark)) break
        if (m.identity !== self) count++
      }
      if (!this.counting.has(view.name) || (this.shown.get(view.name) ?? 0) === count) return
      this.shown.set(view.name, count)
      this.opts.onChange(view.name, count)
    }).catch(this.opts.onError)
    this.counting.set(view.name, next)
    this.queued.set(view.name, next)
    return next
  }

  count (chat: string): number {
    return this.shown.get(chat) ?? 0
  }

  // Every count started so far has finished.
  settled (): Promise<void> {
    return Promise.all(this.counting.values()).then(() => {})
  }

  forget (chat: string): void {
    this.shown.delete(chat)
    this.counting.delete(chat)
    this.queued.delete(chat)
  }
}
