import test from 'tape'
import { HallwayError } from '../../lib/errors.ts'
import {
  channelName, checkName, checkText, decodeBlock, encodeBlock, isValidChannel, MAX_CHANNEL_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS
} from '../../lib/wire/index.ts'

const hlc = { wall: 1_700_000_000_000, logical: 0 }

function refusal (fn: () => unknown): { code: string, message: string } | null {
  try {
    fn()
    return null
  } catch (err) {
    if (!(err instanceof HallwayError)) throw err
    return { code: err.code, message: err.message }
  }
}

test('checkText: blank is EMPTY_MESSAGE, past MAX_TEXT_CHARS is MESSAGE_TOO_LONG', t => {
  t.equal(refusal(() => checkText(''))?.code, 'EMPTY_MESSAGE', 'empty')
  t.equal(refusal(() => checkText(' \t\r\n '))?.code, 'EMPTY_MESSAGE', 'white space only')
  t.deepEqual(refusal(() => checkText('')), { code: 'EMPTY_MESSAGE', message: 'nothing to send' }, 'the message people see')
  t.equal(refusal(() => checkText(' x ')), null, 'text with spaces around it')
  t.equal(refusal(() => checkText('x'.repeat(MAX_TEXT_CHARS))), null, `${MAX_TEXT_CHARS} characters`)
  t.deepEqual(refusal(() => checkText('x'.repeat(MAX_TEXT_CHARS + 1))),
    { code: 'MESSAGE_TOO_LONG', message: `a message has at most ${MAX_TEXT_CHARS} characters (this one has ${MAX_TEXT_CHARS + 1})` }, 'one more')
  t.equal(refusal(() => checkText('👋'.repeat(MAX_TEXT_CHARS / 2))), null, 'counted as the string\'s length: an emoji is two')
  t.equal(refusal(() => checkText('👋'.repeat(MAX_TEXT_CHARS / 2) + 'x'))?.code, 'MESSAGE_TOO_LONG', 'one past it')
  t.end()
})

test('checkText accepts nothing the block decoder would refuse', t => {
  for (const text of ['x', ' x', 'привет 世界 👋', 'x'.repeat(MAX_TEXT_CHARS), '👋'.repeat(MAX_TEXT_CHARS / 2)]) {
    checkText(text)
    t.ok(decodeBlock(encodeBlock([{ type: 'message', text, hlc }])).ok, `${text.slice(0, 12)}… (${text.length}) decodes`)
  }
  t.end()
})

test('channelName folds case, adds the #, and refuses what is not a channel', t => {
  t.equal(channelName('#Dev'), '#dev')
  t.equal(channelName('dev'), '#dev', 'the # may be left out')
  t.equal(channelName('DEV-ops_1'), '#dev-ops_1')
  t.equal(channelName('#' + 'a'.repeat(MAX_CHANNEL_CHARS)), '#' + 'a'.repeat(MAX_CHANNEL_CHARS), `${MAX_CHANNEL_CHARS} characters after the #`)
  for (const bad of ['#', '', '##x', '#-x', '#_x', '#a b', '#a.b', '#é', '@alice', '#' + 'a'.repeat(MAX_CHANNEL_CHARS + 1)]) {
    const r = refusal(() => channelName(bad))
    t.equal(r?.code, 'BAD_CHANNEL_NAME', `${JSON.stringify(bad)} is refused`)
  }
  t.deepEqual(refusal(() => channelName('#bad!name')),
    { code: 'BAD_CHANNEL_NAME', message: `#bad!name is not a channel name: # then 1-${MAX_CHANNEL_CHARS} of a-z, 0-9, _ or -` }, 'the message people see')
  t.end()
})

test('a channel channelName returns is one peers accept', t => {
  for (const raw of ['general', '#Dev', 'a', '0-_', 'Z'.repeat(MAX_CHANNEL_CHARS)]) {
    const name = channelName(raw)
    t.ok(isValidChannel(name) && decodeBlock(encodeBlock([{ type: 'channel', name, hlc }])).ok, `${raw} -> ${name} decodes as a channel entry`)
  }
  t.end()
})

test('checkName: 1-MAX_NAME_CHARS code points, no white space, @, # or invisible characters', t => {
  for (const ok of ['alice', 'a', 'a'.repeat(MAX_NAME_CHARS), 'Zoë', '名前', '👋'.repeat(MAX_NAME_CHARS), 'a.b-c_d']) {
    t.equal(refusal(() => checkName(ok)), null, `${ok} is a name`)
    t.ok(decodeBlock(encodeBlock([{ type: 'profile', name: ok, hlc }])).ok, `${ok} decodes as a profile entry`)
  }
  for (const bad of ['', 'a b', 'a\tb', '@x', '#x', 'x@y', 'zero\u200bwidth', 'bell\u0007', 'a'.repeat(MAX_NAME_CHARS + 1), '👋'.repeat(MAX_NAME_CHARS + 1)]) {
    t.equal(refusal(() => checkName(bad))?.code, 'BAD_NAME', `${JSON.stringify(bad)} is refused`)
  }
  t.deepEqual(refusal(() => checkName('a b')),
    { code: 'BAD_NAME', message: `a b is not a valid name: 1-${MAX_NAME_CHARS} characters, no spaces, @ or #` }, 'the message people see')
  t.end()
})

test('checkName refuses blank and invisible characters and names that look suffixed (issue 10, finding 9)', t => {
  for (const bad of ['alice\u3164', 'alice\u2800', '\u3164', 'al\u00adice', 'alice\u2060', 'alice\ufeff', 'alice\u115f', 'alice\uffa0',
    'alice.3f2a', 'alice.3F2A', 'alice.3f2a9c01be47', 'alice.\u0430bcd', 'alice\uff0e3f2a']) {
    t.equal(refusal(() => checkName(bad))?.code, 'BAD_NAME', `${JSON.stringify(bad)} is refused`)
  }
  for (const ok of ['bob\u2764\ufe0f', 'alice.b', 'v1.2', 'alice.dev', 'alice.xyz1']) {
    t.equal(refusal(() => checkName(ok)), null, `${JSON.stringify(ok)} is a name`)
  }
  t.end()
})

test('a name with nothing visible in it does not decode from a peer', t => {
  for (const bad of ['\u3164', '\u2800\u2800', '\ufe0f', '\u3164\u0301']) {
    t.notOk(decodeBlock(encodeBlock([{ type: 'profile', name: bad, hlc }])).ok, `${JSON.stringify(bad)} is not a profile name`)
  }
  t.end()
})
