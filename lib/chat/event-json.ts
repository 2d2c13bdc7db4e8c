// The chat layer's events as JSON objects: what headless mode prints (README,
// "Headless mode") and the HTTP API streams (docs/api.md), field for field,
// so a script can switch between stdout and the SSE stream without changes.
import type { MessageEvent, PeerEvent, UnreadEvent } from './events.ts'

export interface MessageJson {
  event: 'message'
  chat: string
  chatKey: string
  id: string
  from: { id: string, name: string, display: string }
  text: string
  ts: number
  history: boolean
  own: boolean
}

export function messageJson (e: MessageEvent): MessageJson {
  return {
    event: 'message',
    chat: e.chat,
    chatKey: e.chatKey,
    id: e.id,
    from: { id: e.from.id, name: e.from.name, display: e.from.display },
    text: e.text,
    ts: e.ts,
    history: e.history,
    own: e.own
  }
}

export function peerJson (e: PeerEvent): object {
  return { event: 'peer', state: e.state, id: e.id, name: e.name }
}

export function nickJson (e: { id: string, name: string, previous: string | null }): object {
  return { event: 'nick', id: e.id, name: e.name, previous: e.previous }
}

export function statusJson (e: { id: string, away: boolean }): object {
  return { event: 'status', id: e.id, away: e.away }
}

export function unreadJson (e: UnreadEvent): object {
  return { event: 'unread', chat: e.chat, chatKey: e.chatKey, count: e.count }
}
