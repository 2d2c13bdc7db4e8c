// The routes of the HTTP API (issue 5, "HTTP API"; docs/api.md). Each
// declares its schemas next to its handler; the server and the OpenAPI
// document both read this one table.
import type { Person } from '../chat/events.ts'
import type { Messenger } from '../chat/messenger.ts'
import type { ApiMetrics } from './api-metrics.ts'
import { catchUp } from './catch-up.ts'
import { chatName } from './chat-input.ts'
import { DOCS_CSP, DOCS_PATHS, type DocsPage } from './docs-page.ts'
import type { EventFanout } from './event-fanout.ts'
import { messageJson, streamReadyJson } from '../chat/event-table.ts'
import { EventStream } from './event-stream.ts'
import { historyPage } from './history-page.ts'
import type { ApiMember, MemberPool } from './member-pool.ts'
import { defineRoute, type Route } from './route.ts'
import type { Static } from '@sinclair/typebox'
import { checkText } from '../wire/index.ts'
import {
  ChatStatus, ConnectBody, ConnectReply, MessagesQuery, MessagesReply, RemoveReply, SendBody, SendReply, StatusReply,
  type RelayStats
} from './schemas.ts'

export interface RouteDeps {
  relay: Messenger
  members: MemberPool
  stats: () => RelayStats
  metrics: ApiMetrics
  docs: DocsPage
  fanout (member: ApiMember): EventFanout
  streams: Set<EventStream>
  openapi (): object
  keepAliveMs?: number
}

// How many messages of #general POST /connect returns (issue 5).
export const CONNECT_HISTORY = 20

const JSON_TYPE = 'application/json'

export function apiRoutes (deps: RouteDeps): Route[] {
  const routes: Route[] = [
    defineRoute({
      method: 'POST',
      path: '/connect',
      operationId: 'connect',
      summary: 'Become a member of the workspace (create it, or load it with its token)',
      description: 'Creates the member `name` and returns a new bearer token, or, for an existing member, loads it when the request carries its token as `Authorization: Bearer`. Also returns its chats and the last 20 messages of #general.',
      auth: false,
      body: ConnectBody,
      response: { type: JSON_TYPE, schema: ConnectReply, description: 'The member, its token, its chats and the newest messages of #general' },
      errors: [400, 403, 409, 413, 415, 429, 503]
    }, async ({ body, token }) => {
      const { member, token: issued } = await deps.members.connect(body.name, token)
      const m = member.messenger
      await catchUp(deps.relay, m, '#general', CONNECT_HISTORY)
      const messages = (await m.history('#general', CONNECT_HISTORY)).map(messageJson)
      return { json: { token: issued, id: m.id, name: m.name, chats: await chatStatus(m), messages } }
    }),

    defineRoute({
      method: 'DELETE',
      path: '/connect',
      operationId: 'disconnect',
      summary: 'Remove the member the token names: its identity, its token and its data',
      description: 'The member\'s node is closed, its event streams end, its token stops working and its name is free. Slots are few (64 by default): a bot that is done gives its slot back. Members never used also give theirs up when the relay is full (docs/api.md).',
      auth: true,
      response: { type: JSON_TYPE, schema: RemoveReply, description: 'The member is gone' },
      errors: [401, 429, 503]
    }, async ({ member }) => {
      await deps.members.remove(member)
      return { json: { removed: member.name } }
    }),

    defineRoute({
      method: 'GET',
      path: '/status',
      operationId: 'status',
      summary: 'The member\'s chats with unread counts, the people online, and the relay\'s figures',
      auth: true,
      response: { type: JSON_TYPE, schema: StatusReply, description: 'Status' },
      errors: [401, 429, 503]
    }, async ({ member }) => {
      const m = member.messenger
      return { json: { id: m.id, name: m.name, chats: await chatStatus(m), peers: peersOnline(deps.relay, m), relay: statsJson(deps.stats()) } }
    }),

    defineRoute({
      method: 'POST',
      path: '/send',
      operationId: 'send',
      summary: 'Send a message to a channel or, privately, to a person',
      description: 'A channel the member is not in is joined first (and created for the workspace if nobody has it yet). `@name` opens the direct chat with that person, who must have been seen in the workspace.',
      auth: true,
      body: SendBody,
      response: { type: JSON_TYPE, schema: SendReply, description: 'The message is stored; it also comes back on /events as a `message` with `own: true`' },
      errors: [400, 401, 404, 413, 415, 429, 503]
    }, async ({ member, body }) => {
      const m = member.messenger
      const chat = chatName(body.chat)
      // Before joining: a refused message joins no channel.
      checkText(body.text)
      let target = chat
      if (chat.startsWith('@')) target = await m.openDirect(chat)
      else if (!m.joined().includes(chat)) await m.join(chat)
      const sent = await m.send(target, body.text)
      deps.metrics.messageSent()
      return { json: { id: sent.id, ts: sent.ts, chat: target } }
    }),

    defineRoute({
      method: 'GET',
      path: '/messages',
      operationId: 'messages',
      summary: 'A chat\'s history, oldest first; reading the newest page marks the chat read',
      description: 'The newest `limit` messages, or with `before` the `limit` messages just older than that message (up to 10000 messages back). Without `before`, the chat is marked read up to its newest message.',
      auth: true,
      query: MessagesQuery,
      response: { type: JSON_TYPE, schema: MessagesReply, description: 'Messages, oldest first' },
      errors: [400, 401, 404, 429, 503]
    }, async ({ member, query }) => {
      const m = member.messenger
      const chat = chatName(query.chat)
      const messages = await historyPage(m, chat, query.limit ?? CONNECT_HISTORY, query.before)
      if (query.before === undefined) await m.markRead(chat)
      return { json: { chat: m.publicName(m.resolve(chat)), messages: messages.map(messageJson) } }
    }),

    defineRoute({
      method: 'GET',
      path: '/events',
      operationId: 'events',
      summary: 'Server-sent events: the same events headless mode prints',
      description: 'First `ready`, then `message`, `peer`, `nick`, `status` and `unread` as they happen. Each has `event:` set to its name and `data:` set to the JSON object (schema `Event`). A comment line comes every 15 s.',
      auth: true,
      response: { type: 'text/event-stream', description: 'An endless event stream' },
      errors: [401, 429, 503]
    }, ({ req, res, member }) => {
      const m = member.messenger
      const stream = new EventStream({
        req,
        res,
        fanout: deps.fanout(member),
        ready: streamReadyJson(m),
        ...(deps.keepAliveMs ? { keepAliveMs: deps.keepAliveMs } : {})
      })
      deps.streams.add(stream)
      // A removed member's streams end with it.
      const onRemoved = (gone: ApiMember): void => { if (gone === member) stream.end() }
      deps.members.on('removed', onRemoved)
      res.on('close', () => {
        deps.streams.delete(stream)
        deps.members.off('removed', onRemoved)
      })
      return null
    }),

    defineRoute({
      method: 'GET',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: connections, blocks stored and served, messages, refusals by reason',
      auth: false,
      response: { type: 'text/plain', description: 'Prometheus text format 0.0.4' },
      errors: []
    }, async () => ({ content: await deps.metrics.text(), type: deps.metrics.contentType })),

    defineRoute({
      method: 'GET',
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This document (OpenAPI 3.1)',
      auth: false,
      response: { type: JSON_TYPE, description: 'The OpenAPI document' },
      errors: []
    }, () => ({ json: deps.openapi() })),

    defineRoute({
      method: 'GET',
      path: '/',
      operationId: 'root',
      summary: 'Redirects to /docs',
      auth: false,
      hidden: true,
      response: { type: 'text/plain', description: 'A redirect' },
      errors: []
    }, () => ({ content: 'see docs\n', type: 'text/plain; charset=utf-8', status: 302, headers: { location: 'docs' } })),

    ...DOCS_PATHS.map(path => defineRoute({
      method: 'GET',
      path,
      operationId: path === '/docs' ? 'docs' : `docs:${path}`,
      summary: 'This API as a readable page (Swagger UI, served locally)',
      auth: false,
      hidden: path !== '/docs',
      response: { type: 'text/html', description: 'An HTML page' },
      errors: []
    }, async () => {
      const { content, type } = await deps.docs.get(path)
      return { content, type, headers: { 'content-security-policy': DOCS_CSP, 'cache-control': 'no-cache' } }
    }))
  ]
  return routes
}

// Exactly the published fields, whatever else the relay's figures hold.
function statsJson (s: RelayStats): RelayStats {
  const { chats, feeds, blocks, bytes, connections, uptimeMs, blocksServed, refusals, diskFree, accepting } = s
  return {
    chats, feeds, blocks, bytes, connections, uptimeMs, blocksServed, refusals: { ...refusals },
    ...(diskFree !== undefined ? { diskFree } : {}),
    ...(accepting !== undefined ? { accepting } : {})
  }
}

// A member's own node is connected to the relay node only (and to nobody
// else unless linked), so who is online is what the relay node sees.
function peersOnline (relay: Messenger, m: Messenger): Person[] {
  const out = new Map<string, Person>()
  for (const p of [...m.peers(), ...relay.peers()]) if (p.id !== m.id && !out.has(p.id)) out.set(p.id, p)
  return [...out.values()].sort((a, b) => a.display.localeCompare(b.display))
}

async function chatStatus (m: Messenger): Promise<Array<Static<typeof ChatStatus>>> {
  const unread = new Map((await m.unread()).map(u => [u.chatKey, u.count]))
  return m.chats().map(c => ({ name: c.name, key: c.key, joined: c.joined, direct: c.direct, unread: unread.get(c.key) ?? 0 }))
}
