// Headless mode and the SSE fan-out on one real node, wired through the one
// event table: what each sends for every published event, checked against
// the schemas /openapi.json publishes.
import type { EventEmitter } from 'node:events'
import { PassThrough, Writable } from 'node:stream'
import test from 'tape'
import { EventFanout, MAX_STREAMS_PER_MEMBER, type StreamedEvent } from '../../lib/api/event-fanout.ts'
import { NAMED_SCHEMAS, StreamEvent } from '../../lib/api/schemas.ts'
import { EVENT_TABLE, PUBLISHED_EVENTS, STREAMED_EVENTS, type PublishedEvent } from '../../lib/chat/event-table.ts'
import type { MessengerEvents } from '../../lib/chat/events.ts'
import { Headless } from '../../lib/ui/headless.ts'
import { createPeer } from '../helpers/peers.ts'
import { matches } from './harness.ts'

const BOB = 'b'.repeat(64)

const PAYLOADS: { [K in PublishedEvent]: MessengerEvents[K][0] } = {
  ready: { id: 'a'.repeat(64), name: 'alice', port: 7101 },
  message: { chat: '#general', chatKey: '#general', id: 'd432c698cbae668b11ac7cf1-1-0', from: { id: BOB, name: 'bob', display: 'bob' }, text: 'hi', ts: 1795303930813, history: true, own: false },
  peer: { state: 'online', id: BOB, name: 'bob' },
  nick: { id: BOB, name: 'robert', previous: null },
  status: { id: BOB, away: false },
  unread: { chat: '@bob', chatKey: '@' + BOB, count: 0 }
}

test('headless mode and an SSE stream send every published event as the table makes it', async t => {
  const a = await createPeer(t, 'alice')
  const base = Object.fromEntries(PUBLISHED_EVENTS.map(name => [name, a.m.listenerCount(name)]))
  const lines: Array<Record<string, unknown>> = []
  // Takes each line as it is written, so the checks below need not wait.
  const out = new Writable({
    write (chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l))
      done()
    }
  })
  void new Headless({ messenger: a.m, input: new PassThrough(), output: out })
  const fanout = new EventFanout(a.m)
  const streamed: StreamedEvent[] = []
  const unsubscribe = fanout.subscribe(e => streamed.push(e))

  for (const name of PUBLISHED_EVENTS) (a.m as EventEmitter).emit(name, PAYLOADS[name])

  t.deepEqual(lines.map(l => l.event), PUBLISHED_EVENTS, 'headless mode prints each published event')
  for (const line of lines) matches(t, EVENT_TABLE[line.event as PublishedEvent].schema, line, `headless ${String(line.event)}`)
  t.equal(lines[0]!.port, 7101, 'headless ready carries the node\'s port')
  t.equal(lines[0]!.workspace, a.m.workspace.tag, 'and the workspace tag')

  t.deepEqual(streamed.map(e => e.event), STREAMED_EVENTS, 'the stream gets every event but the node\'s ready')
  for (const e of streamed) {
    t.equal((e.data as { event: string }).event, e.event, `${e.event}: the data names its event too`)
    matches(t, StreamEvent, e.data, `streamed ${e.event}`)
    t.deepEqual(e.data, lines.find(l => l.event === e.event), `${e.event}: the object headless mode prints`)
  }

  unsubscribe()
  for (const name of PUBLISHED_EVENTS) t.equal(a.m.listenerCount(name), base[name]! + 1, `${name}: only headless mode listens once the stream is gone`)
})

test('an SSE stream per member is capped; the fan-out listens once however many are open', async t => {
  const a = await createPeer(t, 'alice')
  const base = a.m.listenerCount('message')
  const fanout = new EventFanout(a.m)
  const offs = Array.from({ length: MAX_STREAMS_PER_MEMBER }, () => fanout.subscribe(() => {}))
  t.equal(a.m.listenerCount('message'), base + 1, `one listener for ${MAX_STREAMS_PER_MEMBER} streams`)
  t.throws(() => fanout.subscribe(() => {}), /at most 8 event streams/, 'one more is refused')
  for (const off of offs) off()
  t.equal(a.m.listenerCount('message'), base, 'none once all have gone')
})

test('/openapi.json names every event a stream sends', t => {
  for (const schema of StreamEvent.anyOf) t.ok(NAMED_SCHEMAS.includes(schema), `${String(schema.title)} is under components/schemas`)
  t.end()
})
