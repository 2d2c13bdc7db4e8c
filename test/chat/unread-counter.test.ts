// UnreadCounter with a small fake view: what counts as unread, and how
// counts are run (one at a time, bursts coalesced, a change reported once).
import test from 'tape'
import { insertSorted, type StoredMessage } from '../../lib/chat/chat-message.ts'
import { START, type ReadMark } from '../../lib/chat/read-markers.ts'
import { UnreadCounter, type CountedMessages } from '../../lib/chat/unread-counter.ts'
import type { Hlc } from '../../lib/wire/index.ts'

const ME = 'me'

interface Deferred { promise: Promise<void>, resolve: () => void, reject: (err: unknown) => void }
function deferred (): Deferred {
  let resolve!: () => void
  let reject!: (err: unknown) => void
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

// A chat view whose loaded messages are the newest ones; `since` loads the
// older ones it holds back (as a view widens its windows back to a marker).
// With `gated`, each `since` waits until the test lets it finish.
class FakeView implements CountedMessages {
  messages: StoredMessage[] = []
  notLoaded: StoredMessage[] = []
  readonly sinceCalls: Hlc[] = []
  readonly pending: Deferred[] = []
  gated = false
  failWith: unknown = null

  async since (mark: Hlc): Promise<void> {
    this.sinceCalls.push(mark)
    if (this.gated) {
      const d = deferred()
      this.pending.push(d)
      await d.promise
    }
    if (this.failWith !== null) throw this.failWith
    for (const m of this.notLoaded.splice(0)) insertSorted(this.messages, m)
  }

  add (...msgs: StoredMessage[]): void {
    for (const m of msgs) insertSorted(this.messages, m)
  }

  // A count is running: its `since` waits.
  async waiting (): Promise<void> {
    while (this.pending.length === 0) await new Promise(resolve => setImmediate(resolve))
  }

  // Lets the oldest waiting `since` finish, once one is waiting.
  async step (): Promise<void> {
    await this.waiting()
    this.pending.shift()!.resolve()
  }
}

let block = 0
function msg (wall: number, identity: string, device = 1): StoredMessage {
  block++
  return { id: `f${device}-${block}-0`, hlc: { wall, logical: 0 }, device: Buffer.alloc(32, device), identity, feed: `f${device}`, block, offset: 0, text: `at ${wall}` }
}

function markAt (m: StoredMessage): ReadMark {
  return { hlc: m.hlc, device: m.device.toString('hex') }
}

function setup (): { view: FakeView, counter: UnreadCounter, changes: number[], errors: unknown[], marker: { mark: ReadMark | undefined } } {
  const view = new FakeView()
  const changes: number[] = []
  const errors: unknown[] = []
  const marker: { mark: ReadMark | undefined } = { mark: undefined }
  const counter = new UnreadCounter({ view, mark: () => marker.mark, self: () => ME, onChange: c => changes.push(c), onError: e => errors.push(e) })
  return { view, counter, changes, errors, marker }
}

test('no marker (START): every message others wrote is unread, own ones never', async t => {
  const { view, counter, changes } = setup()
  view.add(msg(100, 'bob'), msg(200, ME), msg(300, 'carol'), msg(400, 'bob'))
  await counter.recount()
  t.equal(counter.count, 3, 'three of four messages are unread')
  t.deepEqual(changes, [3], 'the change is reported')
  t.deepEqual(view.sinceCalls, [START.hlc], 'the view was widened back to START')
  t.end()
})

test('a marker: only messages after it count, by clock then device', async t => {
  const { view, counter, marker } = setup()
  const read = msg(200, 'bob', 2)
  view.add(msg(100, 'bob'), read, msg(200, 'carol', 1), msg(200, 'carol', 3), msg(300, 'bob'))
  marker.mark = markAt(read)
  await counter.recount()
  t.equal(counter.count, 2, 'same clock with a lower device key is before the marker; a higher one after')
  t.deepEqual(view.sinceCalls, [read.hlc], 'the view was widened back to the marker')
  marker.mark = markAt(view.messages.at(-1)!)
  await counter.recount()
  t.equal(counter.count, 0, 'marker on the newest message: nothing unread')
  t.end()
})

test('counts are exact: messages the view loads back to the marker count too', async t => {
  const { view, counter, marker } = setup()
  const read = msg(100, 'bob')
  view.notLoaded.push(read, msg(150, 'bob'), msg(160, 'carol'))
  view.add(msg(200, 'bob'))
  marker.mark = markAt(read)
  await counter.recount()
  t.equal(counter.count, 3, 'two loaded by since() and one already loaded')
  t.end()
})

test('one count at a time; a burst of requests while one runs costs one more count', async t => {
  const { view, counter, changes } = setup()
  view.gated = true
  view.add(msg(100, 'bob'))
  const first = counter.recount()
  await view.waiting()
  view.add(msg(200, 'bob'))
  const burst = [counter.recount(), counter.recount(), counter.recount()]
  t.ok(burst.every(p => p === burst[0]), 'the requests join one waiting count')
  t.notEqual(burst[0], first, 'the waiting count is not the running one')
  await new Promise(resolve => setImmediate(resolve))
  t.equal(view.sinceCalls.length, 1, 'the second count does not start while the first runs')
  await view.step()
  await first
  await view.step()
  await burst[0]
  t.equal(view.sinceCalls.length, 2, 'two counts for four requests')
  t.deepEqual(changes, [2], 'both counts saw 2; it was reported once')
  const late = counter.recount()
  t.notEqual(late, burst[0], 'a request after the burst started counting gets a count of its own')
  await view.step()
  await late
  t.equal(view.sinceCalls.length, 3)
  t.end()
})

test('a request while a count is running waits for it and sees what arrived meanwhile', async t => {
  const { view, counter, changes } = setup()
  view.gated = true
  view.add(msg(100, 'bob'))
  const first = counter.recount()
  await view.step()
  await first
  const second = counter.recount()
  view.add(msg(200, 'carol'))
  const third = counter.recount()
  t.equal(second, third, 'not started yet: joined')
  await view.step()
  await third
  t.deepEqual(changes, [1, 2], 'each change reported, in order')
  t.end()
})

test('settled(): every count started so far has finished', async t => {
  const { view, counter } = setup()
  view.gated = true
  view.add(msg(100, 'bob'))
  let settled = false
  void counter.recount()
  await view.waiting()
  void counter.recount()
  const done = counter.settled().then(() => { settled = true })
  await view.step()
  await new Promise(resolve => setImmediate(resolve))
  t.notOk(settled, 'not settled while the queued count has yet to run')
  await view.step()
  await done
  t.ok(settled, 'settled once both counts finished')
  t.equal(counter.count, 1)
  t.end()
})

test('a change is reported once; no change, no report', async t => {
  const { view, counter, changes, marker } = setup()
  await counter.recount()
  t.deepEqual(changes, [], 'an empty chat: 0 is not a change')
  view.add(msg(100, 'bob'))
  await counter.recount()
  await counter.recount()
  view.add(msg(200, ME))
  await counter.recount()
  t.deepEqual(changes, [1], 'one report for three counts of 1 (own messages do not change it)')
  marker.mark = markAt(view.messages.at(-1)!)
  await counter.recount()
  await counter.recount()
  t.deepEqual(changes, [1, 0], 'read: 0 reported once')
  t.equal(counter.count, 0)
  t.end()
})

test('close(): a count still running reports nothing; no new count starts', async t => {
  const { view, counter, changes } = setup()
  view.gated = true
  view.add(msg(100, 'bob'))
  const running = counter.recount()
  await view.waiting()
  counter.close()
  await view.step()
  await running
  t.deepEqual(changes, [], 'not reported after close')
  await counter.recount()
  t.equal(view.sinceCalls.length, 1, 'no count after close')
  t.end()
})

test('an operational failure goes to onError and the next count still runs', async t => {
  const { view, counter, changes, errors } = setup()
  view.add(msg(100, 'bob'))
  const timeout = new Error('block 7 not available')
  view.failWith = timeout
  await counter.recount()
  t.deepEqual(errors, [timeout], 'reported to onError; recount() resolved')
  t.deepEqual(changes, [], 'no count from a failed read')
  view.failWith = null
  await counter.recount()
  t.deepEqual(changes, [1], 'the next count runs')
  t.end()
})

test('a programmer error is not swallowed: recount() rejects with it, and counting goes on', async t => {
  const { view, counter, changes, errors } = setup()
  view.add(msg(100, 'bob'))
  view.failWith = new TypeError('x is not a function')
  try {
    await counter.recount()
    t.fail('recount() should reject')
  } catch (err) {
    t.ok(err instanceof TypeError, `rejected with the TypeError: ${String(err)}`)
  }
  t.deepEqual(errors, [], 'not passed to onError')
  await counter.settled()
  t.pass('settled() still resolves')
  view.failWith = null
  await counter.recount()
  t.deepEqual(changes, [1], 'the next count runs')
  t.end()
})
