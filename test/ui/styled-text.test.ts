import test from 'tape'
import { fitLine, lineWidth, plainText, span, toTags, wrapLine } from '../../lib/ui/styled-text.ts'

test('spans become blessed tags, with peer text escaped', t => {
  t.equal(toTags([span('12:00', { fg: 'gray' }), span(' '), span('bob', { fg: 'cyan', bold: true }), span(' {red-fg}hi')]),
    '{gray-fg}12:00{/} {bold}{cyan-fg}bob{/} {open}red-fg{close}hi')
  t.end()
})

test('word wrapping with a hanging indent', t => {
  const lines = wrapLine([span('12:00 bob '), span('the quick brown fox jumps over the lazy dog')], 24, 10)
  t.deepEqual(lines.map(plainText), [
    '12:00 bob the quick',
    '          brown fox',
    '          jumps over the',
    '          lazy dog'
  ])
  for (const l of lines) t.ok(lineWidth(l) <= 24, 'each line fits')
  t.end()
})

test('long words break between characters; wide characters never straddle the edge', t => {
  t.deepEqual(wrapLine([span('abcdefghij')], 4).map(plainText), ['abcd', 'efgh', 'ij'])
  t.deepEqual(wrapLine([span('日本語日本語')], 5).map(plainText), ['日本', '語日', '本語'])
  t.deepEqual(wrapLine([span('😀😀😀')], 5).map(plainText), ['😀😀', '😀'])
  t.end()
})

test('explicit line breaks are kept, indented, with their leading spaces', t => {
  t.deepEqual(wrapLine([span('> a\n  b')], 20, 2).map(plainText), ['> a', '    b'])
  t.end()
})

test('styles survive wrapping', t => {
  const lines = wrapLine([span('aaa ', { bold: true }), span('bbb ccc', { fg: 'red' })], 7)
  t.deepEqual(lines, [[span('aaa ', { bold: true }), span('bbb', { fg: 'red' })], [span('ccc', { fg: 'red' })]])
  t.end()
})

test('fitLine cuts with an ellipsis and pads with a fill style', t => {
  t.equal(plainText(fitLine([span('hello '), span('world')], 8)), 'hello w…')
  const padded = fitLine([span('hi')], 5, { bg: 'blue' })
  t.equal(plainText(padded), 'hi   ')
  t.deepEqual(padded[1], span('   ', { bg: 'blue' }), 'the padding has the fill style')
  t.equal(lineWidth(fitLine([span('日本語')], 5)), 5, 'wide characters and the ellipsis fit')
  t.end()
})
