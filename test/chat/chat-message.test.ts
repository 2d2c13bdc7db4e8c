import test from 'tape'
import { compareMessages, insertSorted, type StoredMessage } from '../../lib/chat/chat-message.ts'

function msg (wall: number, logical: number, device: number, text = ''): StoredMessage {
  return { id: `${wall}-${logical}-${device}`, hlc: { wall, logical }, device: Buffer.alloc(32, device), identity: 'x', feed: 'f', block: 1, offset: 0, text }
}

test('one total order: HLC, then device key', t => {
  const list = [msg(5, 0, 2), msg(5, 0, 1), msg(4, 9, 9), msg(5, 1, 0)]
  list.sort(compareMessages)
  t.deepEqual(list.map(m => m.id), ['4-9-9', '5-0-1', '5-0-2', '5-1-0'])
  t.end()
})

test('the order does not depend on arrival order', t => {
  const all = [msg(1, 0, 1), msg(2, 0, 2), msg(2, 0, 3), msg(3, 0, 1), msg(3, 2, 2)]
  const a: StoredMessage[] = []
  const b: StoredMessage[] = []
  for (const m of all) insertSorted(a, m)
  for (const m of [...all].reverse()) insertSorted(b, m)
  t.deepEqual(a.map(m => m.id), b.map(m => m.id))
  t.end()
})
