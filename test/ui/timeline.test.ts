import test from 'tape'
import { insertItem, MAX_ITEMS, messageItem, type TimelineItem } from '../../lib/ui/timeline.ts'
import { msg } from './fixtures.ts'

const note = (id: string, ts: number): TimelineItem => ({ kind: 'info', id, ts, arrow: '--', text: id })

test('items stay in time order; equal times keep arrival order; duplicates are dropped', t => {
  let items: TimelineItem[] = []
  for (const [id, ts] of [['a', 3], ['b', 1], ['c', 3], ['d', 2]] as const) items = insertItem(items, note(id, ts))
  t.deepEqual(items.map(i => i.id), ['b', 'd', 'a', 'c'])
  t.equal(insertItem(items, note('a', 3)), items, 'a duplicate returns the same list')
  t.end()
})

test('the list is capped, oldest dropped', t => {
  let items: TimelineItem[] = []
  for (let i = 0; i < MAX_ITEMS + 5; i++) items = insertItem(items, note(`n${i}`, i))
  t.equal(items.length, MAX_ITEMS)
  t.equal(items[0]!.id, 'n5')
  t.end()
})

test('a message item is neutralized and knows whether it mentions you', t => {
  const item = messageItem(msg({ text: 'hi @alice\x1b[2J', from: { id: 'x', name: 'b{bold}', display: 'b{bold}\u202e' } }), 'alice')
  t.equal(item.text, 'hi @alice␛[2J')
  t.equal(item.from, 'b{bold}', 'names are neutralized too (tags are escaped when drawn)')
  t.ok(item.mention)
  t.notOk(messageItem(msg({ text: '@alice', own: true, from: { id: 'x', name: 'alice', display: 'alice' } }), 'alice').mention, 'your own messages never ping you')
  t.end()
})
