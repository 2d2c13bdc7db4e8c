// The HTTP API end to end: a real server on 127.0.0.1 port 0, Node's fetch
// as the client, members and a stand-in relay node in this process (no
// sockets but the HTTP one, so no namespace is needed).
import { EventEmitter, once } from 'node:events'
import { PassThrough } from 'node:stream'
import test from 'tape'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Headless } from '../../lib/ui/headless.ts'
import { ConnectReply, MessageEvent, MessagesReply, ReadyEvent, SendReply, StatusReply, StreamEvent } from '../../lib/api/schemas.ts'
import { link, matches, startApi, STATS } from './harness.ts'

test('POST /connect creates a member and returns its token, chats and the last 20 of #general', async t => {
  const api = await startApi(t)
  for (let i = 0; i < 25; i++) await api.relay.m.send('#general', `old${i}`)
  const a = await api.call('POST', '/connect', { json: { name: 'bot' } })
  t.equal(a.status, 200, '200')
  matches(t, ConnectReply, a.json, 'the answer')
  t.match(a.json.token as string, /^[0-9a-f]{64}$/, 'a 64-hex-digit token')
  t.equal(a.json.name, 'bot', 'its name')
  const chats = a.json.chats as Array<{ name: string, joined: boolean, unread: number }>
  t.ok(chats.some(c => c.name === '#general' && c.joined && c.unread === 0), '#general joined, nothing unread')
  const messages = a.json.messages as Array<{ text: string, history: boolean, chat: string, event: string }>
  t.deepEqual(messages.map(m => m.text), Array.from({ length: 20 }, (_, i) => `old${i + 5}`), 'the newest 20 of #general, oldest first')
  t.ok(messages.every(m => m.event === 'message' && m.chat === '#general' && m.history), 'as headless message events')
  const st = await api.call('GET', '/status', { token: a.json.token as string })
  t.equal(st.json.id, a.json.id, 'the token works')
})

test('POST /send to #general, to a new channel and to @name; GET /status', async t => {
  const api = await startApi(t)
  const bot = await api.connect('bot')
  const bob = await api.connect('bob')

  const sent = await api.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: 'hello from bot' } })
  t.equal(sent.status, 200, 'sent to #general')
  matches(t, SendReply, sent.json, 'the answer')
  t.equal(sent.json.chat, '#general')
  const seen = await api.relay.waitMessage(e => e.text === 'hello from bot', 'the relay node sees it')
  t.equal(seen.id, sent.json.id, 'the relay node has it under the same id')
  t.equal(seen.from.name, 'bot', 'from bot')
  t.equal(seen.ts, sent.json.ts, 'and the same timestamp')

  const dev = await api.call('POST', '/send', { token: bot.token, json: { chat: '#Dev', text: 'first in dev' } })
  t.equal(dev.status, 200, 'a channel the member is not in is joined first')
  t.equal(dev.json.chat, '#dev', 'channel names are folded to lower case')

  // bob learns of bot over a link of their own (see link()); then bot can
  // write to @bob, and bob's stream shows it.
  const bobEvents = await api.events(bob.token)
  const botEvents = await api.events(bot.token)
  const botNode = api.pool.byToken(bot.token)!.messenger
  const bobNode = api.pool.byToken(bob.token)!.messenger
  link(t, botNode, bobNode)
  await botEvents.wait(e => e.event === 'peer' && e.data.name === 'bob' && e.data.state === 'online', 'bob online at bot')
  const dm = await api.call('POST', '/send', { token: bot.token, json: { chat: '@bob', text: 'psst' } })
  t.equal(dm.status, 200, 'sent to @bob')
  t.equal(dm.json.chat, '@bob', 'in the chat @bob')
  const got = await bobEvents.wait(e => e.event === 'message' && e.data.text === 'psst', 'the DM at bob')
  t.equal(got.data.chat, '@bot', 'bob sees it in @bot')
  t.equal(got.data.own, false, 'not bob\'s own')

  const st = await api.call('GET', '/status', { token: bot.token })
  t.equal(st.status, 200, 'GET /status')
  matches(t, StatusReply, st.json, 'the status')
  const chats = st.json.chats as Array<{ name: string, joined: boolean, direct: boolean }>
  t.ok(chats.some(c => c.name === '#dev' && c.joined), '#dev joined')
  t.ok(chats.some(c => c.name === '@bob' && c.direct), 'the direct chat with bob')
  const peers = st.json.peers as Array<{ name: string }>
  t.deepEqual(peers.map(p => p.name).sort(), ['bob', 'relay'], 'peers online: the relay node and bob')
  t.deepEqual(st.json.relay, STATS, 'the relay\'s figures, as stats() gives them')
})

test('GET /messages: limit, before, and marking read', async t => {
  const api = await startApi(t)
  const bot = await api.connect('bot')
  const ids: string[] = []
  for (let i = 0; i < 10; i++) {
    const a = await api.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: `m${i}` } })
    ids.push(a.json.id as string)
  }
  const texts = (a: { json: Record<string, unknown> }): string[] => (a.json.messages as Array<{ text: string }>).map(m => m.text)

  const last = await api.call('GET', '/messages?chat=%23general&limit=3', { token: bot.token })
  t.equal(last.status, 200)
  matches(t, MessagesReply, last.json, 'the answer')
  t.deepEqual(texts(last), ['m7', 'm8', 'm9'], 'the newest 3, oldest first')
  const page = await api.call('GET', `/messages?chat=%23general&limit=3&before=${ids[7]}`, { token: bot.token })
  t.deepEqual(texts(page), ['m4', 'm5', 'm6'], 'the 3 before m7')
  const start = await api.call('GET', `/messages?chat=%23general&limit=5&before=${ids[2]}`, { token: bot.token })
  t.deepEqual(texts(start), ['m0', 'm1'], 'fewer at the start of the chat')
  const dflt = await api.call('GET', '/messages?chat=%23general', { token: bot.token })
  t.deepEqual(texts(dflt), Array.from({ length: 10 }, (_, i) => `m${i}`), 'default limit 20: all 10')
  const unknown = await api.call('GET', '/messages?chat=%23general&before=000000000000000000000000-1-0', { token: bot.token })
  t.equal(unknown.status, 404, 'an unknown `before` is a 404')
  t.equal(unknown.json.error?.code, 'UNKNOWN_MESSAGE')

  // Unread: the relay node writes; bot reads the chat; the count goes to 0.
  const events = await api.events(bot.token)
  await api.relay.m.send('#general', 'news')
  await events.wait(e => e.event === 'unread' && e.data.chat === '#general' && e.data.count === 1, 'unread 1')
  const before = await api.call('GET', '/status', { token: bot.token })
  t.equal((before.json.chats as Array<{ name: string, unread: number }>).find(c => c.name === '#general')?.unread, 1, 'status: 1 unread in #general')
  const paged = await api.call('GET', `/messages?chat=%23general&limit=2&before=${ids[9]}`, { token: bot.token })
  t.equal(paged.status, 200, 'paging back...')
  const still = await api.call('GET', '/status', { token: bot.token })
  t.equal((still.json.chats as Array<{ name: string, unread: number }>).find(c => c.name === '#general')?.unread, 1, '...does not mark read')
  const read = await api.call('GET', '/messages?chat=%23general&limit=1', { token: bot.token })
  t.deepEqual(texts(read), ['news'], 'the newest page')
  await events.wait(e => e.event === 'unread' && e.data.chat === '#general' && e.data.count === 0, 'unread 0 on the stream')
  const after = await api.call('GET', '/status', { token: bot.token })
  t.equal((after.json.chats as Array<{ name: string, unread: number }>).find(c => c.name === '#general')?.unread, 0, 'reading the newest page marks it read')
})

test('GET /events streams what headless mode prints, from another member\'s message', async t => {
  const api = await startApi(t)
  const bot = await api.connect('bot')
  const bob = await api.connect('bob')
  const stream = await api.events(bob.token)
  t.equal(stream.status, 200, '200')
  t.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/, 'text/event-stream')
  const st = await api.call('GET', '/status', { token: bob.token })
  t.deepEqual((st.json.peers as Array<{ name: string }>).map(p => p.name), ['bot', 'relay'], 'bob sees bot online through the relay node')
  const ready = await stream.wait(e => e.event === 'ready', 'ready')
  matches(t, ReadyEvent, ready.data, 'the ready event')
  t.equal(ready.data.name, 'bob', 'ready names the member')

  // The same node printed by headless mode, for comparison.
  const out = new PassThrough()
  const lines: Array<Record<string, unknown>> = []
  out.on('data', (chunk: Buffer) => { for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l)) })
  void new Headless({ messenger: api.pool.byToken(bob.token)!.messenger, input: new PassThrough(), output: out })

  const sent = await api.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: 'hi bob' } })
  const e = await stream.wait(e => e.event === 'message' && e.data.text === 'hi bob', 'the message on bob\'s stream')
  matches(t, MessageEvent, e.data, 'the message event')
  matches(t, StreamEvent, e.data, 'the event')
  t.equal(e.data.id, sent.json.id, 'same id as /send returned')
  t.deepEqual((e.data.from as { name: string }).name, 'bot', 'from bot')
  t.equal(e.data.own, false, 'not own')
  t.equal(e.data.history, false, 'live')
  const printed = lines.find(l => l.event === 'message' && l.text === 'hi bob')
  t.deepEqual(e.data, printed, 'exactly the object headless mode prints')
  const unread = await stream.wait(e => e.event === 'unread' && e.data.chat === '#general', 'unread on bob\'s stream')
  t.deepEqual(unread.data, lines.find(l => l.event === 'unread' && l.chat === '#general' && l.count === unread.data.count), 'unread as headless prints it')
  stream.close()
})

test('GET /events sends keep-alive comments and lets go of listeners when the client leaves', async t => {
  const api = await startApi(t, { server: { keepAliveMs: 50 } })
  const bot = await api.connect('bot')
  const node = api.pool.byToken(bot.token)!.messenger
  const base = node.listenerCount('message')
  const stream = await api.events(bot.token)
  await stream.wait(e => e.event === 'ready', 'ready')
  t.equal(node.listenerCount('message'), base + 1, 'one listener while streaming')
  const second = await api.events(bot.token)
  await second.wait(e => e.event === 'ready', 'ready on a second stream')
  t.equal(node.listenerCount('message'), base + 1, 'still one for two streams')
  await stream.until(() => stream.comments.includes('keep-alive'), 'a keep-alive comment')
  t.pass('a keep-alive comment arrived (every 50 ms here)')
  stream.close()
  second.close()
  const emitter = node as unknown as EventEmitter
  while (node.listenerCount('message') > base) await once(emitter, 'removeListener')
  t.pass('listeners removed once both clients left')
})

test('/openapi.json is a valid OpenAPI 3.1 document of every route; /docs works offline', async t => {
  const api = await startApi(t)
  const a = await api.call('GET', '/openapi.json')
  t.equal(a.status, 200)
  const v = new Validator()
  const result = await v.validate(a.json)
  t.ok(result.valid, `valid OpenAPI 3.1${result.valid ? '' : ': ' + JSON.stringify(result.errors)}`)
  t.equal(a.json.openapi, '3.1.0')
  const paths = a.json.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>
  for (const [path, method] of [['/connect', 'post'], ['/status', 'get'], ['/send', 'post'], ['/messages', 'get'], ['/events', 'get'], ['/metrics', 'get'], ['/openapi.json', 'get'], ['/docs', 'get']] as const) {
    t.ok(paths[path]?.[method], `${method.toUpperCase()} ${path} documented`)
  }
  const schemas = (a.json.components as { schemas: Record<string, unknown> }).schemas
  t.deepEqual(paths['/send']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/SendBody' }, 'the body of /send is the SendBody schema...')
  t.deepEqual(schemas.SendBody, JSON.parse(JSON.stringify((await import('../../lib/api/schemas.ts')).SendBody)), '...the same object the server validates with')

  const page = await api.call('GET', '/docs')
  t.equal(page.status, 200, 'GET /docs')
  t.match(page.headers.get('content-type') ?? '', /^text\/html/, 'HTML')
  t.notOk(/(src|href)="(https?:)?\/\//.test(page.text), 'no script or style from another host')
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(m => m[1]!)
  t.ok(assets.length >= 3, 'it loads local assets')
  for (const asset of assets) {
    const res = await fetch(new URL(asset, api.base + '/docs'))
    await res.arrayBuffer()
    t.equal(res.status, 200, `${asset} is served`)
  }
  const init = await api.call('GET', '/docs/init.js')
  t.ok(init.text.includes('openapi.json') && init.text.includes('validatorUrl: null'), 'the page loads /openapi.json and calls no validator')
  const slash = await api.call('GET', '/docs/')
  t.equal(slash.status, 308, '/docs/ redirects')
  t.equal(new URL(slash.headers.get('location')!, api.base + '/docs/').pathname, '/docs', 'to /docs')
})

test('GET /metrics: Prometheus text from stats() and the message counters', async t => {
  const api = await startApi(t)
  const bot = await api.connect('bot')
  await api.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: 'count me' } })
  await api.relay.waitMessage(e => e.text === 'count me', 'the relay node sees it')
  const a = await api.call('GET', '/metrics')
  t.equal(a.status, 200)
  t.match(a.headers.get('content-type') ?? '', /^text\/plain/, 'text/plain')
  const value = (line: string): number | null => {
    const hit = a.text.split('\n').find(l => l.startsWith(line + ' '))
    return hit === undefined ? null : Number(hit.slice(line.length + 1))
  }
  t.equal(value('hallway_relay_connections'), STATS.connections, 'connections')
  t.equal(value('hallway_relay_blocks'), STATS.blocks, 'blocks stored')
  t.equal(value('hallway_relay_bytes'), STATS.bytes, 'bytes stored')
  t.equal(value('hallway_relay_blocks_served_total'), STATS.blocksServed, 'blocks served')
  t.equal(value('hallway_relay_refusals_total{reason="block-too-large"}'), 2, 'refusals by reason')
  t.equal(value('hallway_relay_refusals_total{reason="rate-limit"}'), 5, 'another reason')
  t.equal(value('hallway_relay_disk_free_bytes'), STATS.diskFree, 'free disk')
  t.equal(value('hallway_relay_accepting'), 1, 'accepting blocks')
  t.equal(value('hallway_api_messages_sent_total'), 1, 'one message sent through the API')
  t.ok((value('hallway_relay_messages_total') ?? 0) >= 1, 'and seen by the relay node')
  t.equal(value('hallway_api_members'), 1, 'members')
  t.ok(a.text.includes('hallway_api_requests_total{route="/send",status="200"} 1'), 'requests by route and status')
})
