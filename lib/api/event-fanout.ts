// One member's events for every open SSE stream of it: a single set of
// listeners on the member's Messenger however many streams are open
// (attached with the first stream, removed with the last), and a cap on
// streams per member.
import type { Messenger } from '../chat/messenger.ts'
import { STREAMED_EVENTS, type EventJson } from '../chat/event-table.ts'
import { subscribeEvents } from '../chat/subscribe-events.ts'
import { apiError } from './api-error.ts'

export interface StreamedEvent { event: string, data: object }

export type EventSink = (e: StreamedEvent) => void

export const MAX_STREAMS_PER_MEMBER = 8

export class EventFanout {
  private readonly messenger: Messenger
  private readonly sinks = new Set<EventSink>()
  private detach: (() => void) | null = null

  constructor (messenger: Messenger) {
    this.messenger = messenger
  }

  get size (): number {
    return this.sinks.size
  }

  // Returns the unsubscribe function.
  subscribe (sink: EventSink): () => void {
    if (this.sinks.size >= MAX_STREAMS_PER_MEMBER) throw apiError('RATE_LIMITED', `at most ${MAX_STREAMS_PER_MEMBER} event streams per member`)
    if (this.sinks.size === 0) this.detach = subscribeEvents(this.messenger, json => this.send(json), STREAMED_EVENTS)
    this.sinks.add(sink)
    return () => {
      if (!this.sinks.delete(sink)) return
      if (this.sinks.size === 0) {
        this.detach?.()
        this.detach = null
      }
    }
  }

  private send (data: EventJson): void {
    for (const sink of this.sinks) sink({ event: data.event, data })
  }
}
