import { EventEmitter } from 'node:events'
import test from 'tape'
import type { TSchema } from '@sinclair/typebox'
import { bodyChecker } from '../../lib/api/validator.ts'
import {
  EVENT_TABLE, NodeReadyEvent, PUBLISHED_EVENTS, ReadyEvent, STREAMED_EVENTS, StreamEvent, streamReadyJson,
  type EventJson, type PublishedEvent
} from '../../lib/chat/event-table.ts'
import type { MessengerEvents } from '../../lib/chat/events.ts'
import { subscribeEvents } from '../../lib/chat/subscribe-events.ts'

const ALICE = 'a'.repeat(64)
const BOB = 'b'.repeat(64)

// The events of MessengerEvents that are not published. A new event in
// MessengerEvents that is neither here nor in the table fails to compile.
const UNPUBLISHED: Record<Exclude<keyof MessengerEvents, PublishedEvent>, string> = {
  chats: 'the list of chats changed: a UI reads it again',
  members: 'a chat\'s members changed: a UI reads them again'
}

// One of each published event as the Messenger emits it, and the line
// headless mode prints for it: field for field and in this order, as
// README "Headless mode" and docs/api.md show them.
const SAMPLES: { [K in PublishedEvent]: { payload: MessengerEvents[K][0], line: string } } = {
  ready: {
    payload: { id: ALICE, name: 'alice', port: 47470 },
    line: `{"event":"ready","id":"${ALICE}","name":"alice","port":47470,"workspace":"bdeb007eec387044"}`
  },
  message: {
    payload: { chat: '@bob', chatKey: '@' + BOB, id: 'd432c698cbae668b11ac7cf1-1-0', from: { id: BOB, name: 'bob', display: 'bob.bbbb' }, text: 'hi', ts: 1795303930813, history: false, own: false },
    line: `{"event":"message","chat":"@bob","chatKey":"@${BOB}","id":"d432c698cbae668b11ac7cf1-1-0","from":{"id":"${BOB}","name":"bob","display":"bob.bbbb"},"text":"hi","ts":1795303930813,"history":false,"own":false}`
  },
  peer: {
    payload: { state: 'offline', id: BOB, name: 'bob' },
    line: `{"event":"peer","state":"offline","id":"${BOB}","name":"bob"}`
  },
  nick: {
    payload: { id: BOB, name: 'robert', previous: 'bob' },
    line: `{"event":"nick","id":"${BOB}","name":"robert","previous":"bob"}`
  },
  status: {
    payload: { id: BOB, away: true },
    line: `{"event":"status","id":"${BOB}","away":true}`
  },
  unread: {
    payload: { chat: '#dev', chatKey: '#dev', count: 3 },
    line: '{"event":"unread","chat":"#dev","chatKey":"#dev","count":3}'
  }
}

function fakeNode (): EventEmitter<MessengerEvents> & { workspace: { tag: string } } {
  return Object.assign(new EventEmitter<MessengerEvents>(), { workspace: { tag: 'bdeb007eec387044' } })
}

function emitAll (node: EventEmitter<MessengerEvents>): void {
  for (const name of PUBLISHED_EVENTS) (node as EventEmitter).emit(name, SAMPLES[name].payload)
}

function valid (schema: TSchema, value: unknown): string {
  try {
    bodyChecker(schema)(value, 'event')
    return 'valid'
  } catch (err) {
    return (err as Error).message
  }
}

test('the table publishes every event of MessengerEvents but chats and members', t => {
  t.deepEqual(PUBLISHED_EVENTS, ['ready', 'message', 'peer', 'nick', 'status', 'unread'], 'the published events, in table order')
  t.deepEqual(Object.keys(UNPUBLISHED), ['chats', 'members'], 'and the two that are not')
  t.notOk(PUBLISHED_EVENTS.some(name => name in UNPUBLISHED), 'no event is both')
  t.end()
})

test('subscribeEvents: one JSON object per event, as the table\'s schema says, in the documented field order', t => {
  const node = fakeNode()
  const got: EventJson[] = []
  const unsubscribe = subscribeEvents(node, json => got.push(json))
  emitAll(node)
  t.deepEqual(got.map(j => j.event), PUBLISHED_EVENTS, 'every published event reaches the sink')
  for (const json of got) {
    t.equal(JSON.stringify(json), SAMPLES[json.event].line, `${json.event}: the line headless mode prints`)
    t.equal(valid(EVENT_TABLE[json.event].schema, json), 'valid', `${json.event}: matches its schema`)
  }
  unsubscribe()
  for (const name of PUBLISHED_EVENTS) t.equal(node.listenerCount(name), 0, `${name}: no listener left after unsubscribing`)
  emitAll(node)
  t.equal(got.length, PUBLISHED_EVENTS.length, 'nothing more reaches the sink')
  t.end()
})

test('a payload\'s extra fields stay out of the JSON', t => {
  const node = fakeNode()
  const got: EventJson[] = []
  subscribeEvents(node, json => got.push(json), ['message'])
  const from = { id: BOB, name: 'bob', display: 'bob', online: true, away: false, self: false }
  node.emit('message', { ...SAMPLES.message.payload, from, extra: 1 } as MessengerEvents['message'][0])
  t.equal(got.length, 1, 'one message')
  t.equal(valid(EVENT_TABLE.message.schema, got[0]), 'valid', 'still matches the schema (no additional properties)')
  t.end()
})

test('an SSE stream takes every event but the node\'s ready, and writes a ready of its own with port null', t => {
  t.deepEqual(STREAMED_EVENTS, PUBLISHED_EVENTS.filter(name => name !== 'ready'), 'streamed: all but ready')
  const node = fakeNode()
  const got: EventJson[] = []
  subscribeEvents(node, json => got.push(json), STREAMED_EVENTS)
  emitAll(node)
  t.deepEqual(got.map(j => j.event), STREAMED_EVENTS, 'the node\'s ready is not passed on')
  for (const json of got) {
    t.equal(valid(StreamEvent, json), 'valid', `${json.event} matches the stream's Event schema`)
    t.equal(JSON.stringify(json), SAMPLES[json.event].line, `${json.event}: the same line headless mode prints`)
  }
  const ready = streamReadyJson({ id: ALICE, name: 'alice', workspace: node.workspace })
  t.equal(JSON.stringify(ready), `{"event":"ready","id":"${ALICE}","name":"alice","port":null,"workspace":"bdeb007eec387044"}`, 'the stream\'s ready')
  t.equal(valid(ReadyEvent, ready), 'valid', 'matches ReadyEvent')
  t.equal(valid(StreamEvent, ready), 'valid', 'and the Event union')
  t.equal(valid(NodeReadyEvent, ready), 'valid', 'and the node\'s ready schema (port may be null there too)')
  const nodeReady = EVENT_TABLE.ready.json(SAMPLES.ready.payload, node)
  t.equal(valid(NodeReadyEvent, nodeReady), 'valid', 'headless mode\'s ready, with a port, matches NodeReadyEvent')
  t.notEqual(valid(StreamEvent, nodeReady), 'valid', '...which a stream never sends')
  t.end()
})
