import test from 'tape'
import { addItem, createChat, hideChat, showChat, type ChatState } from '../../lib/ui/chat-state.ts'
import { emptyEditor, fromText } from '../../lib/ui/line-editor.ts'
import { messageItem } from '../../lib/ui/timeline.ts'
import { msg } from './fixtures.ts'

const item = (text: string, id = text): ReturnType<typeof messageItem> => messageItem(msg({ id, text }), 'alice')

test('unread counts, mentions and the marker count only fresh messages in a chat not shown', t => {
  let c = createChat('#dev')
  c = addItem(c, item('old'), { shown: false, fresh: false })
  t.equal(c.unread, 0, 'history is not unread')
  c = addItem(c, item('one'), { shown: false, fresh: true })
  c = addItem(c, item('hey @alice'), { shown: false, fresh: true })
  t.deepEqual([c.unread, c.mentions, c.marker], [2, 1, 'one'])
  t.equal(addItem(c, item('one'), { shown: false, fresh: true }), c, 'a duplicate changes nothing')
  c = showChat(c)
  t.deepEqual([c.unread, c.mentions, c.marker], [0, 0, 'one'], 'shown: counts cleared, marker still there')
  c = hideChat(c, fromText('draft'))
  t.equal(c.marker, null, 'left: the marker goes')
  t.deepEqual(c.draft, fromText('draft'), 'and the draft is kept')
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
