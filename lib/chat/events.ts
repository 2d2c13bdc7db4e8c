// The chat layer's public, typed interface: what the UI, the headless mode
// and (later) the relay and the API see. Nothing here exposes feeds, wire
// or network types.

export interface Person { id: string, name: string, display: string }

export interface MessageEvent {
  chat: string
  // Stable across renames: `#name`, or `@` and the other person's identity key.
  chatKey: string
  id: string
  from: Person
  text: string
  ts: number
  history: boolean
  own: boolean
}

export interface PeerEvent { state: 'online' | 'offline', id: string, name: string }

export interface Member extends Person { online: boolean, away: boolean, self: boolean }

export interface ChatSummary { name: string, key: string, joined: boolean, direct: boolean }

export interface UnreadEvent { chat: string, chatKey: string, count: number }

export interface ReadyEvent { id: string, name: string, port: number | null }

export interface MessengerEvents {
  ready: [ReadyEvent]
  message: [MessageEvent]
  peer: [PeerEvent]
  nick: [{ id: string, name: string, previous: string | null }]
  chats: []
  members: [chat: string]
  status: [{ id: string, away: boolean }]
  unread: [UnreadEvent]
}
