import test from 'tape'
import { applyResult } from '../../lib/ui/command-output.ts'
import { plainText } from '../../lib/ui/styled-text.ts'
import { focusedChat, syncChats } from '../../lib/ui/view-state.ts'
import { renderMessages } from '../../lib/ui/render-messages.ts'
import { alice, bob, member, msg, state, summaries } from './fixtures.ts'

test('/join shows the chat; /leave goes back; /nick renames you', t => {
  let s = syncChats(state(), summaries(['#general', '#dev']))
  s = applyResult(s, { type: 'joined', chat: '#dev' })
  t.equal(s.focused, '#dev')
  t.equal(focusedChat(s).items.at(-1)?.kind, 'info')
  s = applyResult(syncChats(s, summaries(['#general'])), { type: 'left', chat: '#dev', current: '#general' })
  t.equal(s.focused, '#general')
  t.equal(s.notice?.text, 'you left #dev')
  s = applyResult(s, { type: 'nick', name: 'alicia' })
  t.equal(s.selfName, 'alicia')
  t.end()
})

test('/who, /channels, /help answer in the message pane', t => {
  let s = applyResult(state(), { type: 'who', chat: '#general', members: [member(alice), member(bob, { away: true })] })
  s = applyResult(s, { type: 'channels', channels: [{ name: '#general', joined: true }, { name: '#ops', joined: false }] })
  s = applyResult(s, { type: 'help', commands: [{ usage: '/join #channel', summary: 'join' }, { usage: '/quit', summary: 'leave' }] })
  const shown = renderMessages(s, 90, 28).map(plainText).join('\n')
  t.ok(shown.includes('#general: 2 members: alice (you) online, bob away'), '/who')
  t.ok(shown.includes('channels: #general, #ops (not joined)'), '/channels')
  t.ok(/\/join #channel\s+join/.test(shown), '/help lists commands')
  t.ok(/Alt\+1\.\.9\s+show chat/.test(shown), 'and keys')
  t.end()
})

test('/history merges older messages in time order', t => {
  const s = applyResult(state(), { type: 'history', chat: '#general', messages: [msg({ text: 'old one', ts: 1 }), msg({ text: 'old two', ts: 2 })] })
  t.deepEqual(focusedChat(s).items.map(i => i.kind === 'message' ? i.text : ''), ['old one', 'old two'])
  t.equal(focusedChat(s).unread, 0)
  t.end()
})

test('/dm shows the direct chat; /read and /unread answer', t => {
  let s = syncChats(state(), summaries(['#general', '@bob']))
  s = applyResult(s, { type: 'opened', chat: '@bob' })
  t.equal(s.focused, '@bob')
  t.equal(applyResult(s, { type: 'read', chat: '@bob' }).notice?.text, '@bob marked as read')
  const shown = renderMessages(applyResult(s, { type: 'unread', chats: [{ chat: '#general', chatKey: '#general', count: 3 }] }), 60, 5).map(plainText).join('\n')
  t.ok(shown.includes('unread: #general 3'))
  t.end()
})
