import test from 'tape'
import { editorText } from '../../lib/ui/line-editor.ts'
import {
  atTop, completeInput, completionSources, cycleFocus, focus, focusedChat, focusIndex, note, receive, recallInput, scroll,
  renameChat, setMembers, setNotice, setPeers, syncChats, takeInput, tick, typeText, unreadCount, NOTICE_MS
} from '../../lib/ui/view-state.ts'
import { bob, carol, feed, member, msg, state, summaries, T0 } from './fixtures.ts'

test('the chat list follows the chat layer: joined first, #general always', t => {
  let s = state({ chats: ['#general', '#dev'] })
  s = syncChats(s, summaries(['#general', '#dev'], ['#ops']))
  t.deepEqual(s.chats.map(c => c.name), ['#general', '#dev'])
  t.deepEqual(s.otherChannels, ['#ops'])
  s = focus(s, '#dev')
  s = syncChats(s, summaries(['#general']))
  t.equal(s.focused, '#general', 'leaving the focused chat shows #general')
  t.end()
})

test('messages land in their chat; unread and bell for chats not shown', t => {
  let s = state({ chats: ['#general', '#dev', '@bob'] })
  const a = receive(s, msg({ chat: '#dev', text: 'plain' }))
  t.equal(a.bell, false, 'no bell for a plain message')
  const b = receive(a.state, msg({ chat: '#dev', text: 'ping @alice' }))
  t.equal(b.bell, true, 'a mention rings')
  const c = receive(b.state, msg({ chat: '@bob', text: 'psst' }))
  t.equal(c.bell, true, 'a direct message rings')
  const d = receive(c.state, msg({ chat: '#general', text: 'ping @alice' }))
  t.equal(d.bell, false, 'not when the chat is on screen')
  const e = receive(d.state, msg({ chat: '#dev', text: 'ping @alice', history: true }))
  t.equal(e.bell, false, 'not for history')
  s = unreadCount(unreadCount(unreadCount(e.state, '#dev', 2), '@bob', 1), '#general', 5)
  t.deepEqual(s.chats.map(c => [c.name, c.unread, c.mentions]), [['#general', 0, 0], ['#dev', 2, 1], ['@bob', 1, 0]], 'counts from the chat layer, except for the chat on screen')
  t.equal(receive(s, msg({ chat: '#nope', text: 'x' })).state, s, 'a chat not joined is ignored')
  t.end()
})

test('switching chats: Alt+N, Ctrl+N/P wrap around; drafts stay with their chat', t => {
  let s = state({ chats: ['#general', '#dev', '#ops'] })
  s = typeText(s, 'half a thought')
  s = focusIndex(s, 2)
  t.equal(s.focused, '#ops')
  t.equal(editorText(s.input), '', 'the new chat has its own (empty) draft')
  s = cycleFocus(s, 1)
  t.equal(s.focused, '#general', 'wraps around')
  t.equal(editorText(s.input), 'half a thought', 'the draft came back')
  s = cycleFocus(s, -1)
  t.equal(s.focused, '#ops')
  t.equal(focusIndex(s, 7), s, 'no chat 8: nothing happens')
  t.end()
})

test('input in progress survives incoming messages', t => {
  let s = typeText(state(), 'typing…')
  s = feed(s, [msg({ text: 'one' }), msg({ text: 'two' })])
  t.equal(editorText(s.input), 'typing…')
  t.end()
})

test('Enter takes the line, remembers it, and returns to the newest message', t => {
  let s = feed(state({ height: 12 }), Array.from({ length: 40 }, (_, i) => msg({ text: `m${i}`, ts: T0 + i })))
  s = scroll(s, 'page', 1)
  t.notEqual(focusedChat(s).scroll, null, 'scrolled up')
  s = setNotice(typeText(s, 'hello'), { level: 'error', text: 'old error' })
  const r = takeInput(s)
  t.equal(r.line, 'hello')
  t.equal(editorText(r.state.input), '')
  t.equal(focusedChat(r.state).scroll, null, 'back at the bottom')
  t.equal(r.state.notice, null, 'the old error is gone')
  t.equal(editorText(recallInput(r.state, -1).input), 'hello', 'Up recalls it')
  t.end()
})

test('scrolling up to the oldest line is noticed (to fetch older ones)', t => {
  let s = feed(state({ height: 12 }), Array.from({ length: 40 }, (_, i) => msg({ text: `m${i}`, ts: T0 + i })))
  t.notOk(atTop(s))
  s = scroll(s, 'end', 1)
  t.ok(atTop(s), 'Ctrl+Home reaches the top')
  s = scroll(s, 'end', -1)
  t.equal(focusedChat(s).scroll, null, 'Ctrl+End follows the bottom again')
  t.end()
})

test('peers: alone since when; info notices expire, errors stay', t => {
  let s = state()
  t.equal(s.aloneSince, T0, 'alone from the start')
  s = setPeers(s, 2, true)
  t.deepEqual([s.peers, s.relay, s.aloneSince], [2, true, null])
  s = setPeers(tick(s, T0 + 10), 0, false)
  t.equal(s.aloneSince, T0 + 10)
  s = setNotice(s, { level: 'info', text: 'saved' })
  t.equal(tick(s, T0 + 10 + NOTICE_MS + 1).notice, null, 'info expires')
  s = setNotice(s, { level: 'error', text: 'bad' })
  t.notEqual(tick(s, T0 + 10 * NOTICE_MS).notice, null, 'errors stay')
  t.end()
})

test('Tab completes from the members, channels and commands', t => {
  let s = setMembers(state({ chats: ['#general', '#dev'] }), [member(bob), member(carol)])
  s = syncChats(s, summaries(['#general', '#dev'], ['#design']))
  const src = completionSources(s, ['join', 'who'])
  t.deepEqual(src.names, ['bob', 'carol'], 'not yourself')
  t.deepEqual(src.channels, ['#general', '#dev', '#design'])
  s = completeInput(typeText(s, 'hi @ca'), src, 1)
  t.equal(editorText(s.input), 'hi @carol ')
  t.end()
})

test('system and info lines go to their chat, in time order', t => {
  let s = tick(state({ chats: ['#general', '#dev'] }), T0 + 5)
  s = note(s, '#dev', 'system', 'bob went offline', '<--')
  const item = focusedChat(focus(s, '#dev')).items[0]!
  t.deepEqual([item.kind, item.ts, item.kind !== 'message' && item.arrow], ['system', T0 + 5, '<--'])
  t.equal(note(s, '#nope', 'info', 'x'), s)
  t.end()
})

test('a direct chat follows the other person\'s new name, focus and all', t => {
  let s = focus(feed(state({ chats: ['#general', '@bob'] }), [msg({ chat: '@bob', text: 'psst' })]), '@bob')
  s = renameChat(s, '@bob', '@robert')
  t.equal(s.focused, '@robert')
  t.deepEqual(s.chats.map(c => c.name), ['#general', '@robert'])
  t.equal(focusedChat(s).items.length, 1, 'with its messages')
  t.equal(renameChat(s, '@nobody', '@x'), s, 'an unknown chat: nothing')
  t.end()
})
