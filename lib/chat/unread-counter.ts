// Unread = messages of one chat after the read marker that others wrote.
// Counts are exact: the view is first widened back to the marker. One count
// runs at a time; a burst of requests costs one count; a change is
// reported once.
import type { Hlc } from '../wire/index.ts'
import type { StoredMessage } from './chat-message.ts'
import { isAfter, type ReadMark } from './read-markers.ts'

export interface UnreadCounterOptions {
  view: { since (mark: Hlc): Promise<void>, readonly messages: StoredMessage[] }
  mark: () => ReadMark
  self: () => string
  onChange: (count: number) => void
  onError: (err: unknown) => void
}

export class UnreadCounter {
  count = 0
  private counting: Promise<void> = Promise.resolve()
  // A count waiting to start; later requests join it.
  private queued: Promise<void> | null = null
  private readonly opts: UnreadCounterOptions

  constructor (opts: UnreadCounterOptions) {
    this.opts = opts
  }

  recount (): Promise<void> {
    if (this.queued) return this.queued
    const next = this.counting.then(async () => {
      this.queued = null
      const mark = this.opts.mark()
      await this.opts.view.since(mark.hlc)
      const self = this.opts.self()
      const msgs = this.opts.view.messages
      let count = 0
      for (let i = msgs.length - 1; i >= 0; i--) {
        const m = msgs[i]!
        if (!isAfter(m, mark)) break
        if (m.identity !== self) count++
      }
      if (this.count === count) return
      this.count = count
      this.opts.onChange(count)
    }).catch(this.opts.onError)
    this.counting = next
    this.queued = next
    return next
  }

  // Every count started so far has finished.
  settled (): Promise<void> {
    return this.counting
  }
}
