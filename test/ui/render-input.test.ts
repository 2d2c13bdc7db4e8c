import test from 'tape'
import { renderInput } from '../../lib/ui/render-input.ts'
import { plainText } from '../../lib/ui/styled-text.ts'
import { textWidth } from '../../lib/ui/text-width.ts'
import { editInput, typeText } from '../../lib/ui/view-state.ts'
import { state } from './fixtures.ts'

test('prompt with the chat, text, cursor column', t => {
  const r = renderInput(typeText(state(), 'hi 日本'), 40)
  t.equal(plainText(r.line), '#general> hi 日本')
  t.equal(r.cursor, 10 + 3 + 4, 'after the wide characters')
  t.equal(renderInput(editInput(typeText(state(), 'abc'), 'home'), 40).cursor, 10)
  t.end()
})

test('a long line scrolls sideways to keep the cursor in view', t => {
  const s = typeText(state(), 'x'.repeat(100) + 'END')
  const r = renderInput(s, 40)
  t.ok(plainText(r.line).startsWith('#general> …'), 'cut on the left')
  t.ok(plainText(r.line).endsWith('END'))
  t.ok(r.cursor < 40, 'cursor on screen')
  t.ok(textWidth(plainText(r.line)) < 40)
  t.end()
})

test('control characters in a paste are not sent to the terminal', t => {
  t.equal(plainText(renderInput(typeText(state(), 'a\x1b[2Jb'), 40).line), '#general> a␛[2Jb')
  t.end()
})
