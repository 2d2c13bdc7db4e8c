// Every shape the HTTP API reads or writes, as TypeBox schemas. The server
// validates request bodies and query strings with these, and openapi.ts
// publishes these same objects: one source of truth. The events, and the
// pieces they share with the rest, come from the chat layer's event table:
// they are the objects headless mode prints (README, "Headless mode").
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { DEFAULT_HISTORY, MAX_HISTORY } from '../chat/commands.ts'
import {
  ChatKey, Hex64, MessageEvent, NickEvent, PeerEvent, Person, ReadyEvent, StatusEvent, StreamEvent, UnreadEvent
} from '../chat/event-table.ts'
import { MAX_CHANNEL_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../wire/index.ts'

export { MessageEvent, NickEvent, PeerEvent, Person, ReadyEvent, StatusEvent, StreamEvent, UnreadEvent }

// Member names double as folder names (<data>/members/<name>/), so the API
// takes a safe subset of what the chat layer allows: no `/`, no leading dot.
export const MEMBER_NAME_RE = '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,31}$'

const MemberName = Type.String({
  pattern: MEMBER_NAME_RE,
  description: 'the member\'s name: 1-32 of A-Z a-z 0-9 . _ -, not starting with a dot',
  examples: ['bot']
})

// The input rules' limits (lib/wire/input-rules.ts), as a first check that
// openapi.json can show; chat-input.ts then applies the rules themselves.
const Chat = Type.String({
  pattern: `^(#[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_CHANNEL_CHARS - 1}}|@[^\\s@#\\u0000-\\u001f\\u007f]{1,${MAX_NAME_CHARS}}(\\.[0-9a-f]{4})?|@[0-9a-f]{64})$`,
  description: 'a channel (`#general`, `#dev`; upper case is folded) or a person (`@alice`, or `@alice.3f2a` when two share a name), or a `chatKey` from an event (`@` and the identity key)',
  examples: ['#general', '@alice']
})

const MessageId = Type.String({ pattern: '^[0-9a-f]{24}-[0-9]{1,15}-[0-9]{1,6}$', description: 'a message id, as in `message` events', examples: ['d432c698cbae668b11ac7cf1-1-0'] })

// ------------------------------------------------------------- requests

export const ConnectBody = Type.Object({ name: MemberName }, { additionalProperties: false, title: 'ConnectBody' })

export const SendBody = Type.Object({
  chat: Chat,
  text: Type.String({ description: `the message: not blank, at most ${MAX_TEXT_CHARS} characters (EMPTY_MESSAGE, MESSAGE_TOO_LONG otherwise)` })
}, { additionalProperties: false, title: 'SendBody' })

export const MessagesQuery = Type.Object({
  chat: Chat,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_HISTORY, default: DEFAULT_HISTORY, description: 'how many messages' })),
  before: Type.Optional(MessageId)
}, { additionalProperties: false, title: 'MessagesQuery' })

// ------------------------------------------------------------- pieces

export const ChatStatus = Type.Object({
  name: Type.String({ description: 'as events name it: `#dev`, `@alice`' }),
  key: ChatKey,
  joined: Type.Boolean(),
  direct: Type.Boolean(),
  unread: Type.Integer({ minimum: 0 })
}, { additionalProperties: false, title: 'ChatStatus' })

export const RelayStats = Type.Object({
  chats: Type.Integer({ minimum: 0 }),
  feeds: Type.Integer({ minimum: 0 }),
  blocks: Type.Integer({ minimum: 0, description: 'blocks stored' }),
  bytes: Type.Integer({ minimum: 0, description: 'bytes stored' }),
  connections: Type.Integer({ minimum: 0, description: 'open peer connections' }),
  uptimeMs: Type.Integer({ minimum: 0 }),
  blocksServed: Type.Integer({ minimum: 0 }),
  refusals: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'blocks refused since start, by reason' }),
  diskFree: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'free bytes on the data folder\'s disk; null when unknown' })),
  accepting: Type.Optional(Type.Boolean({ description: 'false while free disk is below the watermark: new blocks wait' }))
}, { additionalProperties: false, title: 'RelayStats' })

export type RelayStats = Static<typeof RelayStats>

// ------------------------------------------------------------- replies

export const ConnectReply = Type.Object({
  token: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'the bearer token: keep it; it is needed to connect as this member again' }),
  id: Hex64,
  name: Type.String(),
  chats: Type.Array(ChatStatus),
  messages: Type.Array(MessageEvent, { description: 'the last 20 messages of #general, oldest first' })
}, { additionalProperties: false, title: 'ConnectReply' })

export const RemoveReply = Type.Object({
  removed: Type.String({ description: 'The name of the member that is gone' })
}, { additionalProperties: false, title: 'RemoveReply' })

export const StatusReply = Type.Object({
  id: Hex64,
  name: Type.String(),
  chats: Type.Array(ChatStatus),
  peers: Type.Array(Person, { description: 'people online: connected to the relay node (the relay itself included), or to this member\'s node' }),
  relay: RelayStats
}, { additionalProperties: false, title: 'StatusReply' })

export const SendReply = Type.Object({
  id: Type.String(),
  ts: Type.Integer(),
  chat: Type.String({ description: 'the chat as events name it (`@alice` for a direct message)' })
}, { additionalProperties: false, title: 'SendReply' })

export const MessagesReply = Type.Object({
  chat: Type.String(),
  messages: Type.Array(MessageEvent, { description: 'oldest first' })
}, { additionalProperties: false, title: 'MessagesReply' })

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable: BAD_REQUEST, UNAUTHORIZED, NOT_FOLLOWING, ...' }),
    message: Type.String({ description: 'for people; may change' })
  }, { additionalProperties: false })
}, { additionalProperties: false, title: 'Error' })

// Published under components/schemas, by title.
export const NAMED_SCHEMAS: TSchema[] = [
  ConnectBody, SendBody, Person, MessageEvent, ChatStatus, RelayStats,
  ConnectReply, RemoveReply, StatusReply, SendReply, MessagesReply, ErrorBody,
  ReadyEvent, PeerEvent, NickEvent, StatusEvent, UnreadEvent, StreamEvent
]
