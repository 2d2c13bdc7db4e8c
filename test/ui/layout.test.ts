import test from 'tape'
import { layout, type Rect } from '../../lib/ui/layout.ts'

const right = (r: Rect): number => r.left + r.width

test('100x30: header, three panes with rules, status bar, input line', t => {
  const l = layout(100, 30)
  t.deepEqual(l.header, { left: 0, top: 0, width: 100, height: 1 })
  t.deepEqual(l.chats, { left: 0, top: 1, width: 17, height: 27 })
  t.deepEqual(l.messages, { left: 18, top: 1, width: 64, height: 27 })
  t.deepEqual(l.members, { left: 83, top: 1, width: 17, height: 27 })
  t.deepEqual(l.rules.map(r => r.left), [17, 82])
  t.deepEqual([l.status.top, l.input.top], [28, 29])
  t.end()
})

test('80x24 keeps all three panes with a usable message pane', t => {
  const l = layout(80, 24)
  t.ok(l.chats && l.members, 'both side panes')
  t.ok(l.messages.width >= 48, `message pane ${l.messages.width} wide`)
  t.equal(right(l.members!), 80, 'nothing past the edge')
  t.end()
})

test('narrow terminals drop the members, then the chat list', t => {
  t.equal(layout(60, 20).members, null)
  t.ok(layout(60, 20).chats)
  t.equal(layout(40, 20).chats, null)
  t.equal(layout(40, 20).messages.width, 40)
  t.end()
})
