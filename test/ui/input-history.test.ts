import test from 'tape'
import { emptyHistory, MAX_HISTORY, recall, remember, stopRecalling } from '../../lib/ui/input-history.ts'

test('Up/Down walk the sent lines and give back the draft at the end', t => {
  let h = remember(remember(emptyHistory, 'first'), 'second')
  const up1 = recall(h, 'draft', -1)!
  t.equal(up1.text, 'second')
  const up2 = recall(up1.history, up1.text, -1)!
  t.equal(up2.text, 'first')
  t.equal(recall(up2.history, 'first', -1), null, 'nothing older')
  const down1 = recall(up2.history, 'first', 1)!
  const down2 = recall(down1.history, 'second', 1)!
  t.equal(down2.text, 'draft', 'the draft comes back')
  t.equal(recall(down2.history, 'draft', 1), null, 'nothing newer')
  h = stopRecalling(up2.history)
  t.equal(h.index, h.entries.length, 'typing ends recalling')
  t.end()
})

test('blank lines and repeats are not remembered; the list is bounded', t => {
  let h = remember(remember(remember(emptyHistory, 'a'), 'a'), '  ')
  t.deepEqual(h.entries, ['a'])
  for (let i = 0; i < MAX_HISTORY + 10; i++) h = remember(h, `l${i}`)
  t.equal(h.entries.length, MAX_HISTORY)
  t.end()
})
