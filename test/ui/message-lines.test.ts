import test from 'tape'
import { DAY_LINE, MARKER_LINE, messageLines } from '../../lib/ui/message-lines.ts'
import { plainText } from '../../lib/ui/styled-text.ts'
import { lineWidth } from '../../lib/ui/styled-text.ts'
import { messageItem, type TimelineItem } from '../../lib/ui/timeline.ts'
import { msg, T0 } from './fixtures.ts'

const items: TimelineItem[] = [
  messageItem(msg({ id: 'y1', ts: T0 - 86_400_000, text: 'yesterday' }), 'alice'),
  messageItem(msg({ id: 't1', ts: T0, text: 'good morning everyone, this line is long enough to wrap' }), 'alice'),
  { kind: 'system', id: 's1', ts: T0 + 60_000, arrow: '-->', text: 'carol is online' },
  messageItem(msg({ id: 't2', ts: T0 + 120_000, text: 'hi', from: { id: 'c'.repeat(64), name: 'carol', display: 'carol' } }), 'alice')
]

test('time, right-aligned name column, hanging indent, day separators', t => {
  const lines = messageLines(items, { width: 40, now: T0, marker: null })
  t.deepEqual(lines.map(l => plainText(l.line)), [
    '────────────── Yesterday ───────────────',
    '09:30   bob yesterday',
    '──────────────── Today ─────────────────',
    '09:30   bob good morning everyone, this',
    '            line is long enough to wrap',
    '09:31   --> carol is online',
    '09:32 carol hi'
  ])
  t.deepEqual(lines.map(l => [l.id, l.sub]), [['y1', DAY_LINE], ['y1', 0], ['t1', DAY_LINE], ['t1', 0], ['t1', 1], ['s1', 0], ['t2', 0]], 'each line knows its item')
  for (const l of lines) t.ok(lineWidth(l.line) <= 40, 'fits the width')
  t.end()
})

test('the "new messages" marker goes above the first unread item', t => {
  const lines = messageLines(items, { width: 40, now: T0, marker: 's1' })
  const at = lines.findIndex(l => l.sub === MARKER_LINE)
  t.equal(plainText(lines[at]!.line), '───────────── new messages ─────────────')
  t.equal(lines[at + 1]!.id, 's1')
  t.end()
})

test('same input, same lines object (cached per width and marker)', t => {
  const a = messageLines(items, { width: 40, now: T0, marker: null })
  t.equal(messageLines(items, { width: 40, now: T0, marker: null }), a)
  t.notEqual(messageLines(items, { width: 41, now: T0, marker: null }), a)
  t.end()
})

test('names in the column are cut, never wider than a fifth of the pane', t => {
  const long = [messageItem(msg({ id: 'l', text: 'x', from: { id: 'd', name: 'bartholomew-the-third', display: 'bartholomew-the-third' } }), 'alice')]
  t.equal(plainText(messageLines(long, { width: 40, now: T0, marker: null })[1]!.line), '09:30 barthol… x')
  t.end()
})
