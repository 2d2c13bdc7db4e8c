import test from 'tape'
import { renderChatList } from '../../lib/ui/render-chat-list.ts'
import { lineWidth, toTags } from '../../lib/ui/styled-text.ts'
import { focus, syncChats, unreadCount } from '../../lib/ui/view-state.ts'
import { feed, msg, state, summaries, text } from './fixtures.ts'

test('numbers for Alt+N, unread counts, a mention marker, the focused chat highlighted', t => {
  let s = state({ chats: ['#general', '#dev', '#ops'] })
  s = feed(s, [msg({ chat: '#dev', text: 'a' }), msg({ chat: '#dev', text: 'b' }), msg({ chat: '#ops', text: 'hey @alice' })])
  s = unreadCount(unreadCount(s, '#dev', 2), '#ops', 1)
  s = syncChats(s, summaries(['#general', '#dev', '#ops'], ['#random']))
  const rows = renderChatList(s, 16, 8)
  t.deepEqual(text(rows).map(r => r.trimEnd()), [
    ' Chats',
    ' 1 #general',
    ' 2 #dev        2',
    ' 3 #ops       1@',
    '',
    ' More (/join)',
    '   #random',
    ''
  ])
  t.ok(toTags(rows[1]!).includes('{black-fg}{cyan-bg}'), 'the focused chat is highlighted')
  t.ok(rows.every(r => lineWidth(r) <= 16))
  t.end()
})

test('a long list keeps the focused chat in view', t => {
  const names = ['#general', ...Array.from({ length: 20 }, (_, i) => `#c${i}`)]
  let s = focus(state({ chats: names }), '#c15')
  const rows = text(renderChatList(s, 16, 6))
  t.ok(rows.some(r => r.includes('#c15')), 'visible')
  s = focus(s, '#general')
  t.ok(text(renderChatList(s, 16, 6))[1]!.includes('#general'))
  t.end()
})
