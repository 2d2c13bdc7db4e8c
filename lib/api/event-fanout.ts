// One member's events for every open SSE stream of it: a single set of
// listeners on the member's Messenger however many streams are open
// (attached with the first stream, removed with the last), and a cap on
// streams per member.
import type { Messenger } from '../chat/messenger.ts'
import type { MessageEvent, PeerEvent, UnreadEvent } from '../chat/events.ts'
import { apiError } from './api-error.ts'
import { messageJson, nickJson, peerJson, statusJson, unreadJson } from '../chat/event-json.ts'

export interface StreamedEvent { event: string, data: object }

export type EventSink = (e: StreamedEvent) => void

export const MAX_STREAMS_PER_MEMBER = 8

export class EventFanout {
  private readonly messenger: Messenger
  private readonly sinks = new Set<EventSink>()
  private readonly onMessage = (e: MessageEvent): void => this.send('message', messageJson(e))
  private readonly onPeer = (e: PeerEvent): void => this.send('peer', peerJson(e))
  private readonly onNick = (e: { id: string, name: string, previous: string | null }): void => this.send('nick', nickJson(e))
  private readonly onStatus = (e: { id: string, away: boolean }): void => this.send('status', statusJson(e))
  private readonly onUnread = (e: UnreadEvent): void => this.send('unread', unreadJson(e))

  constructor (messenger: Messenger) {
    this.messenger = messenger
  }

  get size (): number {
    return this.sinks.size
  }

  // Returns the unsubscribe function.
  subscribe (sink: EventSink): () => void {
    if (this.sinks.size >= MAX_STREAMS_PER_MEMBER) throw apiError('RATE_LIMITED', `at most ${MAX_STREAMS_PER_MEMBER} event streams per member`)
    if (this.sinks.size === 0) this.attach()
    this.sinks.add(sink)
    return () => {
      if (!this.sinks.delete(sink)) return
      if (this.sinks.size === 0) this.detach()
    }
  }

  private send (event: string, data: object): void {
    for (const sink of this.sinks) sink({ event, data })
  }

  private attach (): void {
    const m = this.messenger
    m.on('message', this.onMessage)
    m.on('peer', this.onPeer)
    m.on('nick', this.onNick)
    m.on('status', this.onStatus)
    m.on('unread', this.onUnread)
  }

  private detach (): void {
    const m = this.messenger
    m.off('message', this.onMessage)
    m.off('peer', this.onPeer)
    m.off('nick', this.onNick)
    m.off('status', this.onStatus)
    m.off('unread', this.onUnread)
  }
}
