import test from 'tape'
import { compareMessages, type StoredMessage } from '../../lib/chat/chat-message.ts'
import { isAfter, START } from '../../lib/chat/read-markers.ts'

function msg (wall: number, deviceByte: number): StoredMessage {
  return { id: `${wall}-${deviceByte}`, hlc: { wall, logical: 0 }, device: Buffer.alloc(32, deviceByte), identity: 'x', feed: 'f', block: 1, offset: 0, text: '' }
}

const mark = (m: StoredMessage): { hlc: StoredMessage['hlc'], device: string } => ({ hlc: m.hlc, device: m.device.toString('hex') })

test('a read marker sits in the order of messages, device key bytes breaking clock ties', t => {
  // 0x0a sorts before 0xa0 as bytes; the hex strings "0a…" and "a0…" agree.
  const list = [msg(5, 0xa0), msg(5, 0x0a), msg(4, 0xff), msg(6, 0x00)].sort(compareMessages)
  for (const [i, m] of list.entries()) {
    const after = list.filter(o => isAfter(o, mark(m)))
    t.deepEqual(after, list.slice(i + 1), `after ${m.id}: exactly the messages that sort after it`)
  }
  t.ok(list.every(m => isAfter(m, START)), 'every message is after START')
  t.end()
})
