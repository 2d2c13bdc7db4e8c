import test from 'tape'
import { codePointWidth, padEnd, sliceToWidth, textWidth, toCells, truncate } from '../../lib/ui/text-width.ts'

test('Latin and Cyrillic take one cell, CJK and emoji two, combining marks none', t => {
  t.equal(textWidth('hello'), 5)
  t.equal(textWidth('Привет'), 6)
  t.equal(textWidth('日本語'), 6)
  t.equal(textWidth('😀'), 2, 'emoji (blessed alone says 1)')
  t.equal(textWidth('⭐'), 2, 'BMP emoji with emoji presentation')
  t.equal(textWidth('e\u0301'), 1, 'e + combining acute')
  t.equal(textWidth('𠀀'), 2, 'CJK extension B (astral)')
  t.equal(textWidth('👍🏽'), 4, 'emoji + skin tone: two cells each, as tmux draws it')
  t.equal(codePointWidth(0x1b), 0, 'control characters are never drawn')
  t.end()
})

test('cells keep combining marks with their base character', t => {
  t.deepEqual(toCells('ae\u0301日'), [{ text: 'a', width: 1 }, { text: 'e\u0301', width: 1 }, { text: '日', width: 2 }])
  t.end()
})

test('slicing never splits a wide character', t => {
  t.equal(sliceToWidth('日本語', 3), '日', 'the second one would straddle the edge')
  t.equal(sliceToWidth('ab😀c', 3), 'ab')
  t.equal(truncate('hello world', 8), 'hello w…')
  t.equal(truncate('hello', 8), 'hello')
  t.equal(truncate('日本語', 4), '日…')
  t.equal(padEnd('日', 4), '日  ')
  t.end()
})
