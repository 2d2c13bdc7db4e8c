// Unread = messages of one chat after its read marker that others wrote.
// Counts are exact: the view is first widened back to the marker. One count
// runs at a time; a change is reported once.
import { isProgrammerError } from '../errors.ts'
import type { StoredMessage } from './chat-message.ts'
import { isAfter, START, type ReadMark } from './read-markers.ts'
import type { Hlc } from '../wire/index.ts'

// The least of a chat's view the counter reads: its loaded messages in
// order, and a way to load every message after a point.
export interface CountedMessages {
  since (mark: Hlc): Promise<void>
  readonly messages: readonly StoredMessage[]
}

export interface UnreadCounterOptions {
  view: CountedMessages
  // The chat's read marker; none means every message is unread (START).
  mark: () => ReadMark | undefined
  // The person's identity (hex): their own messages are never unread.
  self: () => string
  onChange: (count: number) => void
  // Operational failures of a count (a read that timed out). Programmer
  // errors are not passed here: the promise of `recount()` rejects with them.
  onError: (err: unknown) => void
}

export class UnreadCounter {
  private readonly opts: UnreadCounterOptions
  private shown = 0
  // The last count started; never rejects, so the next one always runs.
  private counting: Promise<void> = Promise.resolve()
  // A count waiting to start; later requests join it (bursts of messages
  // cost one count, not one each).
  private queued: Promise<void> | null = null
  private closed = false

  constructor (opts: UnreadCounterOptions) {
    this.opts = opts
  }

  get count (): number {
    return this.shown
  }

  recount (): Promise<void> {
    if (this.queued) return this.queued
    if (this.closed) return Promise.resolve()
    const next = this.counting.then(async () => {
      this.queued = null
      const mark = this.opts.mark() ?? START
      await this.opts.view.since(mark.hlc)
      const self = this.opts.self()
      const msgs = this.opts.view.messages
      let count = 0
      for (let i = msgs.length - 1; i >= 0; i--) {
        const m = msgs[i]!
        if (!isAfter(m, mark)) break
        if (m.identity !== self) count++
      }
      if (this.closed || this.shown === count) return
      this.shown = count
      this.opts.onChange(count)
    }).catch(err => {
      if (isProgrammerError(err)) throw err
      this.opts.onError(err)
    })
    this.counting = next.catch(() => {})
    this.queued = next
    return next
  }

  // Every count started so far has finished (failed ones too).
  settled (): Promise<void> {
    return this.counting
  }

  // The chat was left: a count still running reports nothing, and no new
  // one starts.
  close (): void {
    this.closed = true
  }
}
