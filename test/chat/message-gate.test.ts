// MessageGate with a small fake view: which loaded messages of one chat show,
// when, and as what (live or history).
import test from 'tape'
import { insertSorted, type StoredMessage } from '../../lib/chat/chat-message.ts'
import { MessageGate, type RankedMessages } from '../../lib/chat/message-gate.ts'

const SESSION_START = 10_000

// Messages of a chat as the view has them loaded, in the chat's order.
class FakeView implements RankedMessages {
  messages: StoredMessage[] = []

  load (...msgs: StoredMessage[]): StoredMessage[] {
    for (const m of msgs) insertSorted(this.messages, m)
    return msgs
  }

  // Drops messages as a view does when it resets a feed's window.
  drop (...msgs: StoredMessage[]): void {
    this.messages = this.messages.filter(m => !msgs.includes(m))
  }

  rankFromTop (m: StoredMessage): number {
    const i = this.messages.indexOf(m)
    return i < 0 ? -1 : this.messages.length - 1 - i
  }
}

let block = 0
function msg (wall: number, text: string, device = 1): StoredMessage {
  block++
  return { id: `feed${device}-${block}-0`, hlc: { wall, logical: 0 }, device: Buffer.alloc(32, device), identity: `person${device}`, feed: `feed${device}`, block, offset: 0, text }
}

// The same message read again from its feed: a new object with the same id.
const reread = (m: StoredMessage): StoredMessage => ({ ...m })

interface Shown { text: string, history: boolean }

function setup (historyCount = 3): { view: FakeView, gate: MessageGate, shown: Shown[], texts: () => string[] } {
  const view = new FakeView()
  const shown: Shown[] = []
  const gate = new MessageGate({ view, sessionStart: SESSION_START, historyCount, show: (m, history) => shown.push({ text: m.text, history }) })
  gate.open = true
  return { view, gate, shown, texts: () => shown.map(s => s.text) }
}

test('live messages show as live whatever their rank; older ones only among the newest N, as history', t => {
  const { view, gate, shown } = setup(2)
  gate.added(view.load(msg(100, 'old1'), msg(200, 'old2'), msg(300, 'old3'), msg(400, 'old4')))
  t.deepEqual(shown, [{ text: 'old3', history: true }, { text: 'old4', history: true }], 'only the newest 2 older messages show, oldest first')
  shown.length = 0
  gate.added(view.load(msg(SESSION_START, 'live1'), msg(SESSION_START + 1, 'live2'), msg(SESSION_START + 2, 'live3')))
  t.deepEqual(shown, [{ text: 'live1', history: false }, { text: 'live2', history: false }, { text: 'live3', history: false }],
    'live messages show, the first stamped at the session start included, though live1 ranks 2')
  t.end()
})

test('an older message learned late shows if it ranks among the newest N, and not otherwise', t => {
  const { view, gate, texts } = setup(3)
  gate.added(view.load(msg(100, 'a'), msg(400, 'd')))
  t.deepEqual(texts(), ['a', 'd'])
  // A writer learned late: its messages fall between the ones shown.
  gate.added(view.load(msg(300, 'c'), msg(50, 'before-a')))
  t.deepEqual(texts(), ['a', 'd', 'c'], 'c ranks 1 and shows; before-a ranks 3 and does not')
  t.end()
})

test('an older message the view does not hold (rank -1) does not show', t => {
  const { view, gate, shown } = setup(3)
  gate.added([msg(100, 'not loaded')])
  t.deepEqual(shown, [], 'not shown')
  const live = msg(SESSION_START + 5, 'live, not loaded')
  gate.added([live])
  t.deepEqual(shown, [{ text: 'live, not loaded', history: false }], 'a live message needs no rank')
  t.equal(view.messages.length, 0)
  t.end()
})

test('one batch is shown in the chat order, not the order it was added in', t => {
  const { view, gate, texts } = setup(10)
  const [a, b, c] = [msg(SESSION_START + 1, 'a', 2), msg(SESSION_START + 1, 'b', 3), msg(SESSION_START + 2, 'c', 1)]
  gate.added(view.load(c!, b!, a!))
  t.deepEqual(texts(), ['a', 'b', 'c'], 'clock first, then device key')
  t.end()
})

test('hold and release: what arrives while held shows at the last release, as one ordered batch', t => {
  const { view, gate, texts } = setup(10)
  gate.hold()
  gate.hold()
  gate.added(view.load(msg(300, 'c'), msg(SESSION_START, 'live')))
  gate.added(view.load(msg(100, 'a'), msg(200, 'b')))
  t.deepEqual(texts(), [], 'nothing shows while held')
  gate.release()
  t.deepEqual(texts(), [], 'still held once')
  gate.release()
  t.deepEqual(texts(), ['a', 'b', 'c', 'live'], 'one batch in chat order')
  gate.release()
  gate.added(view.load(msg(SESSION_START + 1, 'after')))
  t.deepEqual(texts(), ['a', 'b', 'c', 'live', 'after'], 'a release without a hold changes nothing: the next message shows at once')
  t.end()
})

test('the rank rule applies when the batch is released, not when it arrived', t => {
  const { view, gate, texts } = setup(2)
  gate.hold()
  gate.added(view.load(msg(100, 'a')))
  gate.added(view.load(msg(200, 'b'), msg(300, 'c')))
  gate.release()
  t.deepEqual(texts(), ['b', 'c'], 'a ranked 0 when it arrived, 2 when released')
  t.end()
})

test('before the gate opens, added messages are dropped; history() and a release still show', t => {
  const view = new FakeView()
  const shown: Shown[] = []
  const gate = new MessageGate({ view, sessionStart: SESSION_START, historyCount: 5, show: (m, history) => shown.push({ text: m.text, history }) })
  const early = view.load(msg(100, 'on disk'), msg(SESSION_START + 1, 'live before ready'))
  gate.added(early)
  t.deepEqual(shown, [], 'not shown before open')
  gate.open = true
  t.deepEqual(shown, [], 'opening does not replay them')
  gate.history(view.messages.slice(-5))
  t.deepEqual(shown, [{ text: 'on disk', history: true }, { text: 'live before ready', history: true }], 'start-up shows them through history(), all as history')
  gate.open = false
  gate.hold()
  gate.added(view.load(msg(SESSION_START + 2, 'held while closed')))
  gate.release()
  t.equal(shown.at(-1)?.text, 'held while closed', 'a release shows its batch whether or not the gate is open')
  t.end()
})

test('history() shows what it is given, in that order, as history, whatever the rank', t => {
  const { view, gate, shown } = setup(1)
  const msgs = view.load(msg(100, 'a'), msg(200, 'b'), msg(300, 'c'))
  gate.history([msgs[1]!, msgs[0]!, msgs[2]!])
  t.deepEqual(shown, [{ text: 'b', history: true }, { text: 'a', history: true }, { text: 'c', history: true }])
  t.end()
})

test('each message shows once, however often it is offered', t => {
  const { view, gate, texts } = setup(5)
  const [old, live] = view.load(msg(100, 'old'), msg(SESSION_START + 1, 'live'))
  gate.history([old!])
  gate.added([old!, live!])
  gate.added([live!])
  gate.history([old!, live!])
  t.deepEqual(texts(), ['old', 'live'], 'added and history() share one memory')
  // A view that reset a feed's window reads its messages again later: new
  // objects, same ids.
  view.drop(old!, live!)
  const again = view.load(reread(old!), reread(live!))
  gate.added(again)
  gate.history(again)
  gate.hold()
  gate.added(again)
  gate.release()
  t.deepEqual(texts(), ['old', 'live'], 'messages read again do not show again')
  t.end()
})

test('two chats: each gate has its own view and memory', t => {
  const a = setup(1)
  const b = setup(1)
  const m = msg(100, 'same id in both')
  a.gate.added(a.view.load(m))
  b.gate.added(b.view.load(reread(m)))
  t.deepEqual([a.texts(), b.texts()], [['same id in both'], ['same id in both']], 'shown in each chat')
  b.gate.added(b.view.load(msg(200, 'newer')))
  a.gate.hold()
  b.gate.added(b.view.load(msg(SESSION_START, 'b live')))
  t.deepEqual(b.texts(), ['same id in both', 'newer', 'b live'], 'a hold on one chat does not hold the other')
  t.end()
})

test('overlapping holds cannot keep a chat silent: past maxHoldMs what is held shows', async t => {
  let now = 0
  const shown: string[] = []
  const live = (id: string, wall: number): StoredMessage => ({ id, hlc: { wall, logical: 0 }, device: Buffer.alloc(32), identity: 'x', feed: 'f', block: 1, offset: 0, text: id })
  const gate = new MessageGate({ view: { rankFromTop: () => 0 }, sessionStart: 0, historyCount: 20, show: m => shown.push(m.id), maxHoldMs: 50, now: () => now })
  gate.open = true
  gate.hold()
  gate.added([live('a', 1)])
  now = 30
  gate.hold() // a second frame, before the first is done
  gate.release()
  gate.added([live('b', 2)])
  t.deepEqual(shown, [], 'held within the cap')
  now = 60
  gate.added([live('c', 3)])
  t.deepEqual(shown, ['a', 'b', 'c'], 'past the cap, what is held shows with what is added, in order')
  gate.added([live('d', 4)])
  t.deepEqual(shown, ['a', 'b', 'c', 'd'], 'and what comes while still held shows at once')
  gate.release()
  // The timer: held messages show on time with nothing more added.
  let onShow: (id: string) => void = () => {}
  const timed = new MessageGate({ view: { rankFromTop: () => 0 }, sessionStart: 0, historyCount: 20, show: m => onShow(m.id), maxHoldMs: 20 })
  timed.open = true
  const lone = new Promise<string>(resolve => { onShow = resolve })
  timed.hold()
  timed.added([live('e', 5)])
  // A safety net that also keeps the process alive (the gate's timer does not).
  const guard = setTimeout(() => t.fail('the held message never showed'), 5000)
  t.equal(await lone, 'e', 'a lone held message shows when the cap passes, with nothing more added')
  clearTimeout(guard)
  timed.release()
})
