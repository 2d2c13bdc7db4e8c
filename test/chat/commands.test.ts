import test from 'tape'
import { parseCommand } from '../../lib/chat/commands.ts'
import { HallwayError } from '../../lib/errors.ts'

function code (line: string): string | null {
  try {
    parseCommand(line)
    return null
  } catch (err) {
    return err instanceof HallwayError ? err.code : 'THREW'
  }
}

test('commands parse to typed intents', t => {
  t.deepEqual(parseCommand('hello there'), { type: 'say', text: 'hello there' })
  t.deepEqual(parseCommand('//not a command'), { type: 'say', text: '/not a command' })
  t.deepEqual(parseCommand('/join #Random'), { type: 'join', chat: '#random' }, 'channel names are lower case')
  t.deepEqual(parseCommand('/join dev-ops'), { type: 'join', chat: '#dev-ops' }, 'the # is optional')
  t.deepEqual(parseCommand('/leave'), { type: 'leave', chat: null })
  t.deepEqual(parseCommand('/leave #x'), { type: 'leave', chat: '#x' })
  t.deepEqual(parseCommand('/nick bob'), { type: 'nick', name: 'bob' })
  t.deepEqual(parseCommand('/who'), { type: 'who', chat: null })
  t.deepEqual(parseCommand('/history'), { type: 'history', count: 20 })
  t.deepEqual(parseCommand('/history 5'), { type: 'history', count: 5 })
  t.deepEqual(parseCommand('/quit'), { type: 'quit' })
  t.deepEqual(parseCommand('/HELP'), { type: 'help' })
  t.end()
})

test('bad commands are coded errors', t => {
  t.equal(code('/frobnicate'), 'UNKNOWN_COMMAND')
  t.equal(code('/join'), 'BAD_CHANNEL_NAME')
  t.equal(code('/join #a b'), null, 'extra words after a channel are ignored')
  t.equal(code('/join #bad!name'), 'BAD_CHANNEL_NAME')
  t.equal(code('/nick'), 'BAD_NAME')
  t.equal(code('/nick two words'), 'BAD_NAME')
  t.equal(code('/nick @x'), 'BAD_NAME')
  t.equal(code('/history 0'), 'BAD_ARGUMENT')
  t.equal(code('/history lots'), 'BAD_ARGUMENT')
  t.equal(code('   '), 'EMPTY_MESSAGE')
  t.equal(code('x'.repeat(4001)), 'MESSAGE_TOO_LONG')
  t.end()
})

test('commands hold text, channels and names to the input rules', t => {
  t.deepEqual(parseCommand('/read DEV'), { type: 'read', chat: '#dev' }, 'a channel argument is folded like /join\'s')
  t.deepEqual(parseCommand('/msg @bob hi'), { type: 'msg', to: '@bob', text: 'hi' })
  t.deepEqual(parseCommand('/msg @bob.3f2a hi'), { type: 'msg', to: '@bob.3f2a', text: 'hi' }, 'the key suffix picks one of two bobs')
  t.equal(code('/msg @bob'), 'EMPTY_MESSAGE', '/msg without text')
  t.equal(code('/msg @bob ' + 'x'.repeat(4000)), null, '/msg with 4000 characters')
  t.equal(code('/msg @bob ' + 'x'.repeat(4001)), 'MESSAGE_TOO_LONG', '/msg with one more')
  t.equal(code('//' + 'x'.repeat(3999)), null, '//text: the text after the first slash counts')
  t.equal(code('//' + 'x'.repeat(4000)), 'MESSAGE_TOO_LONG')
  t.equal(code('/nick ' + 'a'.repeat(32)), null, 'a 32-character name')
  t.equal(code('/nick ' + 'a'.repeat(33)), 'BAD_NAME', 'a 33-character one')
  t.equal(code('/nick zero\u200bwidth'), 'BAD_NAME', 'invisible characters')
  t.equal(code('/msg @' + 'a'.repeat(33) + ' hi'), 'BAD_NAME', 'a person named past the name limit')
  t.end()
})
