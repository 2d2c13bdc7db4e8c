import test from 'tape'
import unicode from 'blessed/lib/unicode.js'
import { alignBlessedWidths } from '../../lib/ui/blessed-widths.ts'

test('blessed measures emoji as the terminal does once aligned', t => {
  alignBlessedWidths()
  t.equal(unicode.charWidth('😀'), 2, 'emoji: two cells (blessed 0.1.81 alone says 1)')
  t.equal(unicode.charWidth('⭐'), 2)
  t.equal(unicode.charWidth('日'), 2)
  t.equal(unicode.charWidth('a'), 1)
  t.ok(unicode.combining[0x301], 'combining acute joins the cell before')
  t.equal('a😀b⭐'.replace(unicode.chars.all, '$1\x03'), 'a😀\x03b⭐\x03', 'wide characters get their filler cell')
  alignBlessedWidths()
  t.equal(unicode.charWidth('😀'), 2, 'aligning twice is harmless')
  t.end()
})
