import test from 'tape'
import { mentions } from '../../lib/ui/mention.ts'

test('@name and the bare name as a word mention a person', t => {
  t.ok(mentions('hey @alice', 'alice'))
  t.ok(mentions('Alice: lunch?', 'alice'), 'case does not matter')
  t.ok(mentions('ping alice.', 'alice'))
  t.notOk(mentions('malice', 'alice'), 'not inside a word')
  t.notOk(mentions('alicexyz', 'alice'))
  t.ok(mentions('@al hi', 'al'))
  t.notOk(mentions('al fresco', 'al'), 'a short name needs the @')
  t.ok(mentions('привет @Вася', 'вася'), 'Cyrillic')
  t.ok(mentions('hi a.b+c', 'a.b+c'), 'regex characters in names are literal')
  t.notOk(mentions('hi axb+c', 'a.b+c'))
  t.end()
})
