// The chat layer's public, typed interface: what the UI, the headless mode
// and (later) the relay and the API see. Nothing here exposes feeds, wire
// or network types. The published events' payloads are derived from their
// JSON schemas in event-table.ts (a payload is its JSON object without
// `event`), so the two cannot drift apart.
import type { Person, PublishedEvents } from './event-table.ts'

export type { Person }

// `chat` is `#name` or `@name`; `chatKey` is stable across renames: `#name`,
// or `@` and the other person's identity key.
export type MessageEvent = PublishedEvents['message'][0]

export type PeerEvent = PublishedEvents['peer'][0]

export type NickEvent = PublishedEvents['nick'][0]

export type StatusEvent = PublishedEvents['status'][0]

export type UnreadEvent = PublishedEvents['unread'][0]

export type ReadyEvent = PublishedEvents['ready'][0]

export interface Member extends Person { online: boolean, away: boolean, self: boolean }

export interface ChatSummary { name: string, key: string, joined: boolean, direct: boolean }

// Every published event (event-table.ts), and two that are not: they tell
// a UI to read a list again (Messenger.chats(), .members(chat)).
export interface MessengerEvents extends PublishedEvents {
  chats: []
  members: [chat: string]
}
