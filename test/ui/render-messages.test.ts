import test from 'tape'
import { renderMessages } from '../../lib/ui/render-messages.ts'
import { lineWidth, toTags } from '../../lib/ui/styled-text.ts'
import { focus, scroll } from '../../lib/ui/view-state.ts'
import { feed, msg, state, T0, text } from './fixtures.ts'

test('bottom-aligned; empty chat says so', t => {
  const rows = text(renderMessages(state(), 50, 5))
  t.deepEqual(rows.slice(0, 4), ['', '', '', ''])
  t.ok(rows[4]!.startsWith('Nothing in #general yet'))
  const one = text(renderMessages(feed(state(), [msg({ text: 'hello' })]), 50, 4))
  t.deepEqual(one, ['', '', '───────────────────── Today ──────────────────────', '09:30 bob hello'])
  t.end()
})

test('scrolled up: the last row says what is below', t => {
  let s = feed(state({ height: 13 }), Array.from({ length: 30 }, (_, i) => msg({ text: `m${i}`, ts: T0 + i })))
  s = scroll(s, 'page', 1)
  s = feed(s, [msg({ text: 'fresh', ts: T0 + 99 })])
  const rows = text(renderMessages(s, 50, 10))
  t.ok(rows[9]!.startsWith('── ↓ 1 new message below — PageDown'), rows[9])
  t.equal(rows.length, 10)
  t.end()
})

test('the marker shows where the unread part begins; peer text cannot add tags', t => {
  let s = state({ chats: ['#general', '#dev'] })
  s = feed(s, [msg({ chat: '#dev', text: 'seen', history: true }), msg({ chat: '#dev', text: '{red-fg}unseen\x1b[31m' })])
  s = focus(s, '#dev')
  const rows = renderMessages(s, 50, 6)
  t.ok(text(rows).some(r => r.includes('new messages')))
  const tags = rows.map(toTags).join('\n')
  t.ok(tags.includes('{open}red-fg{close}unseen␛[31m'), 'shown literally')
  t.notOk(tags.includes('\x1b'), 'no escape character reaches blessed')
  t.ok(rows.every(r => lineWidth(r) <= 50))
  t.end()
})
