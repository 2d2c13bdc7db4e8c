import test from 'tape'
import { escapeTags, neutralize } from '../../lib/ui/neutralize.ts'

test('escape sequences and control characters are shown, never sent to the terminal', t => {
  const out = neutralize('a\x1b[2J\x1b]0;title\x07b\x08c\x7fd\x9be')
  t.notOk([...out].some(c => c.codePointAt(0)! < 0x20 || (c.codePointAt(0)! >= 0x7f && c.codePointAt(0)! < 0xa0)), 'no C0/C1 control characters remain')
  t.equal(out, 'a␛[2J␛]0;title␇b␈c␡d\ufffde', 'each is drawn as a visible symbol')
  t.end()
})

test('line breaks: kept in messages, spaces in names; tabs become spaces', t => {
  t.equal(neutralize('a\r\nb\nc\u2028d', { multiline: true }), 'a\nb\nc\nd')
  t.equal(neutralize('a\nb'), 'a b')
  t.equal(neutralize('a\rb', { multiline: true }), 'a␍b', 'a lone CR cannot return to the start of the line')
  t.equal(neutralize('a\tb'), 'a    b')
  t.end()
})

test('bidi overrides and invisible characters are removed', t => {
  t.equal(neutralize('admin\u202egnp.exe'), 'admingnp.exe', 'RLO cannot reverse what follows')
  t.equal(neutralize('bo\u200bb\ufeff'), 'bob', 'zero-width space and BOM')
  t.equal(neutralize('👨\u200d👩\u200d👧'), '👨👩👧', 'ZWJ sequences are drawn as their parts, the same on every terminal')
  t.equal(neutralize('❤\ufe0f'), '❤', 'VS16 (terminals disagree on the width it gives)')
  t.end()
})

test('combining marks: a few per character, none at the start', t => {
  t.equal(neutralize('e\u0301'), 'e\u0301')
  const zalgo = neutralize('Z' + '\u0300\u0301\u0302\u0303\u0304\u0305\u0306'.repeat(10))
  t.equal(zalgo, 'Z\u0300\u0301\u0302', 'at most three marks')
  t.equal(neutralize('\u0301abc'), 'abc')
  t.end()
})

test('blessed tags are escaped to literal braces', t => {
  t.equal(escapeTags('{bold}x{/bold}'), '{open}bold{close}x{open}/bold{close}')
  t.equal(escapeTags('{open}'), '{open}open{close}', 'even the escape tags themselves')
  t.end()
})
