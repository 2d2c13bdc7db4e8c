import test from 'tape'
import { complete } from '../../lib/ui/completion.ts'
import { editorText, fromText, type EditorState } from '../../lib/ui/line-editor.ts'

const src = { commands: ['join', 'leave', 'nick', 'history', 'help'], channels: ['#general', '#dev', '#design'], names: ['bob', 'Bea', 'carol'] }
const tab = (text: string): string => editorText(complete(fromText(text), null, src).editor)

test('commands at the start, channels after #, names with or without @', t => {
  t.equal(tab('/jo'), '/join ')
  t.equal(tab('say /jo'), 'say /jo', 'commands only as the first word')
  t.equal(tab('/join #ge'), '/join #general ')
  t.equal(tab('hi @ca'), 'hi @carol ')
  t.equal(tab('car'), 'carol ')
  t.equal(tab('zz'), 'zz', 'no match: unchanged')
  t.equal(tab(''), '', 'nothing typed: nothing completed')
  t.end()
})

test('Tab again cycles through the matches; Shift+Tab goes back', t => {
  let r = complete(fromText('hi b'), null, src)
  t.equal(editorText(r.editor), 'hi Bea ', 'case-insensitive, sorted')
  r = complete(r.editor, r.completion, src)
  t.equal(editorText(r.editor), 'hi bob ')
  r = complete(r.editor, r.completion, src)
  t.equal(editorText(r.editor), 'hi Bea ', 'and around')
  r = complete(r.editor, r.completion, src, -1)
  t.equal(editorText(r.editor), 'hi bob ')
  const h = complete(fromText('/h'), null, src)
  t.deepEqual(h.completion?.matches, ['/help', '/history'])
  t.end()
})

test('completes the word at the cursor, keeping what follows', t => {
  const e: EditorState = { chars: [...'@bo is here'], cursor: 3 }
  t.equal(editorText(complete(e, null, src).editor), '@bob  is here')
  t.end()
})
