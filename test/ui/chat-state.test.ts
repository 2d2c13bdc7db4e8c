import test from 'tape'
import { addItem, createChat, hideChat, setUnread, showChat, type ChatState } from '../../lib/ui/chat-state.ts'
import { emptyEditor, fromText } from '../../lib/ui/line-editor.ts'
import { messageItem } from '../../lib/ui/timeline.ts'
import { msg, SELF } from './fixtures.ts'

const item = (text: string, id = text): ReturnType<typeof messageItem> => messageItem(msg({ id, text }), 'alice')

test('mentions and the marker come from fresh messages in a chat not shown; the count from the chat layer', t => {
  let c = createChat('#dev')
  c = addItem(c, item('old'), { shown: false, fresh: false })
  t.equal(c.marker, null, 'history sets no marker')
  c = addItem(c, item('one'), { shown: false, fresh: true })
  c = addItem(c, item('hey @alice'), { shown: false, fresh: true })
  t.deepEqual([c.mentions, c.marker], [1, 'one'])
  c = setUnread(c, 2)
  t.equal(c.unread, 2)
  t.equal(addItem(c, item('one'), { shown: false, fresh: true }), c, 'a duplicate changes nothing')
  c = showChat(c)
  t.deepEqual([c.unread, c.mentions, c.marker], [0, 0, 'one'], 'shown: counts cleared, marker still there')
  c = hideChat(c, fromText('draft'))
  t.equal(c.marker, null, 'left: the marker goes')
  t.deepEqual(c.draft, fromText('draft'), 'and the draft is kept')
  t.end()
})

test('unread from before this session: the marker is counted back from the newest', t => {
  let c = createChat('#dev')
  for (const text of ['a', 'b', 'c', 'd']) c = addItem(c, item(text), { shown: false, fresh: false })
  c = addItem(c, messageItem(msg({ id: 'mine', text: 'mine', from: { id: SELF, name: 'alice', display: 'alice' } }), 'alice'), { shown: false, fresh: false })
  c = showChat(setUnread(c, 2))
  t.equal(c.marker, 'c', 'the second newest message by others (your own is never unread)')
  t.equal(showChat(createChat('#x')).marker, null, 'nothing unread: no marker')
  t.end()
})

test('read elsewhere: count 0 clears the mentions too', t => {
  let c = addItem(createChat('#dev'), item('@alice'), { shown: false, fresh: true })
  c = setUnread(setUnread(c, 1), 0)
  t.deepEqual([c.unread, c.mentions], [0, 0])
  t.end()
})

test('in the shown chat, scrolled up: counted as new below', t => {
  let c: ChatState = { ...createChat('#dev'), scroll: { id: 'x', sub: 0 } }
  c = addItem(c, item('one'), { shown: true, fresh: true })
  t.deepEqual([c.unread, c.newBelow], [0, 1])
  const bottom = addItem({ ...c, scroll: null }, item('two'), { shown: true, fresh: true })
  t.equal(bottom.newBelow, 0, 'at the bottom it is simply seen')
  t.deepEqual(createChat('#x').draft, emptyEditor)
  t.end()
})
