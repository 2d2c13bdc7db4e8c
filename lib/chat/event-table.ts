// The events the chat layer publishes, in one table: for each, the TypeBox
// schema of its JSON object and the mapper that makes that object from the
// Messenger's event. Headless mode prints these objects (README, "Headless
// mode"), the HTTP API streams them (docs/api.md) and publishes the schemas
// in /openapi.json, so a script can switch between stdout and the stream
// without changes. Scripts read them: fields are only ever added, and each
// mapper writes them in the order they are printed.
//
// The Messenger's own event types (events.ts) are derived from this table:
// a payload is its JSON object without `event` (and, for `ready`, without
// `workspace`, which the mapper adds from the node).
import { Type, type Static, type TObject } from '@sinclair/typebox'

// ------------------------------------------------------------- pieces

export const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' })

export const ChatKey = Type.String({ description: 'stable across renames: `#general`, or `@` and the other person\'s identity key' })

export const Person = Type.Object({
  id: Hex64,
  name: Type.String({ description: 'the name the person chose' }),
  display: Type.String({ description: 'the name to show: `name.xxxx` when two people share a name' })
}, { additionalProperties: false, title: 'Person' })

export type Person = Static<typeof Person>

// A JSON object less the fields the Messenger's event does not carry
// (written out, so editors show the fields rather than an Omit<>).
type Payload<S extends TObject, Extra extends string = never> = {
  [K in Exclude<keyof Static<S>, 'event' | Extra>]: Static<S>[K]
}

// What a mapper may need besides the event: the node it came from.
export interface EventOrigin { readonly workspace: { readonly tag: string } }

// ------------------------------------------------------------- ready
// The one event whose JSON depends on who prints it. Headless mode prints
// its node's own `ready`, with the port the node listens on (null without
// networking): NodeReadyEvent. An API member has no port of its own, and
// its SSE stream opens on a node that is ready already, so the stream
// does not pass the node's `ready` on (STREAMED_EVENTS leaves it out): it
// writes one of its own as it opens (streamReadyJson), with `port: null`.
// That is the ReadyEvent /openapi.json publishes.

export const NodeReadyEvent = Type.Object({
  event: Type.Literal('ready'),
  id: Hex64,
  name: Type.String(),
  port: Type.Union([Type.Integer({ minimum: 1, maximum: 65535 }), Type.Null()], { description: 'the port the node listens on; null without networking' }),
  workspace: Type.String()
}, { additionalProperties: false, title: 'NodeReadyEvent' })

export const ReadyEvent = Type.Object({
  event: Type.Literal('ready'),
  id: Hex64,
  name: Type.String(),
  port: Type.Null({ description: 'always null: an API member has no port of its own' }),
  workspace: Type.String()
}, { additionalProperties: false, title: 'ReadyEvent' })

function readyJson<P extends number | null> (e: { id: string, name: string, port: P }, origin: EventOrigin): Static<typeof NodeReadyEvent> & { port: P } {
  return { event: 'ready', id: e.id, name: e.name, port: e.port, workspace: origin.workspace.tag }
}

export function streamReadyJson (node: EventOrigin & { readonly id: string, readonly name: string }): Static<typeof ReadyEvent> {
  return readyJson({ id: node.id, name: node.name, port: null }, node)
}

// ------------------------------------------------------------- message

export const MessageEvent = Type.Object({
  event: Type.Literal('message'),
  chat: Type.String({ description: '`#channel`, or `@name` for a direct message' }),
  chatKey: ChatKey,
  id: Type.String({ description: 'stable on every node' }),
  from: Person,
  text: Type.String(),
  ts: Type.Integer({ description: 'ms since the epoch (the hybrid clock\'s wall time)' }),
  history: Type.Boolean({ description: 'written before this member\'s node started, or replayed' }),
  own: Type.Boolean({ description: 'written by this member' })
}, { additionalProperties: false, title: 'MessageEvent' })

export type MessageJson = Static<typeof MessageEvent>

// Also what /messages and /connect return, and /history prints.
export function messageJson (e: Payload<typeof MessageEvent>): MessageJson {
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

// ------------------------------------------------------------- peer, nick, status

export const PeerEvent = Type.Object({
  event: Type.Literal('peer'),
  state: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
  id: Hex64,
  name: Type.String()
}, { additionalProperties: false, title: 'PeerEvent' })

function peerJson (e: Payload<typeof PeerEvent>): Static<typeof PeerEvent> {
  return { event: 'peer', state: e.state, id: e.id, name: e.name }
}

export const NickEvent = Type.Object({
  event: Type.Literal('nick'),
  id: Hex64,
  name: Type.String(),
  previous: Type.Union([Type.String(), Type.Null()])
}, { additionalProperties: false, title: 'NickEvent' })

function nickJson (e: Payload<typeof NickEvent>): Static<typeof NickEvent> {
  return { event: 'nick', id: e.id, name: e.name, previous: e.previous }
}

export const StatusEvent = Type.Object({
  event: Type.Literal('status'),
  id: Hex64,
  away: Type.Boolean()
}, { additionalProperties: false, title: 'StatusEvent' })

function statusJson (e: Payload<typeof StatusEvent>): Static<typeof StatusEvent> {
  return { event: 'status', id: e.id, away: e.away }
}

// ------------------------------------------------------------- unread

export const UnreadEvent = Type.Object({
  event: Type.Literal('unread'),
  chat: Type.String(),
  chatKey: ChatKey,
  count: Type.Integer({ minimum: 0 })
}, { additionalProperties: false, title: 'UnreadEvent' })

// Also what `/unread` prints, one per chat.
export function unreadJson (e: Payload<typeof UnreadEvent>): Static<typeof UnreadEvent> {
  return { event: 'unread', chat: e.chat, chatKey: e.chatKey, count: e.count }
}

// ------------------------------------------------------------- the table

interface Row<S extends TObject, P> {
  schema: S
  json (payload: P, origin: EventOrigin): Static<S>
}

function row<S extends TObject, P> (schema: S, json: (payload: P, origin: EventOrigin) => Static<S>): Row<S, P> {
  return { schema, json }
}

export const EVENT_TABLE = {
  ready: row(NodeReadyEvent, readyJson<number | null>),
  message: row(MessageEvent, messageJson),
  peer: row(PeerEvent, peerJson),
  nick: row(NickEvent, nickJson),
  status: row(StatusEvent, statusJson),
  unread: row(UnreadEvent, unreadJson)
}

export type PublishedEvent = keyof typeof EVENT_TABLE

// Each published event as the Messenger emits it (events.ts builds
// MessengerEvents on this).
export type PublishedEvents = {
  [K in PublishedEvent]: [Parameters<(typeof EVENT_TABLE)[K]['json']>[0]]
}

export type EventJson = ReturnType<(typeof EVENT_TABLE)[PublishedEvent]['json']>

export const PUBLISHED_EVENTS = Object.keys(EVENT_TABLE) as PublishedEvent[]

// What an SSE stream passes on as it happens (all but `ready`: see above).
export const STREAMED_EVENTS = PUBLISHED_EVENTS.filter(name => name !== 'ready')

// The `data:` of every event an SSE stream sends.
export const StreamEvent = Type.Union([ReadyEvent, ...STREAMED_EVENTS.map(name => EVENT_TABLE[name].schema)], { title: 'Event' })
