import test from 'tape'
import { edit, editorText, emptyEditor, fromText, insertText, MAX_INPUT_CHARS, type EditOp, type EditorState } from '../../lib/ui/line-editor.ts'

const run = (e: EditorState, ...ops: EditOp[]): EditorState => ops.reduce(edit, e)
const show = (e: EditorState): string => { const c = [...e.chars]; c.splice(e.cursor, 0, '|'); return c.join('') }

test('typing and moving, by character and by word', t => {
  let e = insertText(emptyEditor, 'hello wide world')
  t.equal(show(e), 'hello wide world|')
  t.equal(show(run(e, 'word-left')), 'hello wide |world')
  t.equal(show(run(e, 'word-left', 'word-left', 'word-right')), 'hello wide| world')
  t.equal(show(run(e, 'home', 'right')), 'h|ello wide world')
  e = insertText(run(e, 'home'), '>> ')
  t.equal(show(e), '>> |hello wide world')
  t.end()
})

test('deleting: backspace, delete, word, to end, to start', t => {
  const e = fromText('one two three')
  t.equal(show(run(e, 'backspace')), 'one two thre|')
  t.equal(show(run(e, 'delete-word-back')), 'one two |')
  t.equal(show(run(e, 'home', 'delete')), '|ne two three')
  t.equal(show(run(e, 'word-left', 'kill-to-end')), 'one two |')
  t.equal(show(run(e, 'word-left', 'kill-to-start')), '|three')
  t.equal(run(emptyEditor, 'backspace'), emptyEditor, 'nothing to delete')
  t.end()
})

test('emoji and CJK are single characters to the cursor', t => {
  const e = fromText('a😀日')
  t.equal(show(run(e, 'left')), 'a😀|日')
  t.equal(editorText(run(e, 'left', 'backspace')), 'a日', 'backspace removes the whole emoji')
  t.end()
})

test('pasted line breaks become spaces; the line is bounded', t => {
  t.equal(editorText(insertText(emptyEditor, 'a\r\nb\nc')), 'a b c')
  t.equal(insertText(emptyEditor, 'x'.repeat(MAX_INPUT_CHARS + 10)).chars.length, MAX_INPUT_CHARS)
  t.end()
})
