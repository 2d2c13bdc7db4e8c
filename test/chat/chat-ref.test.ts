import test from 'tape'
import { channel, chatKey, direct, DIRECTORY, parseChatKey } from '../../lib/chat/chat-ref.ts'

const person = 'ab'.repeat(32)

test('chat keys round-trip through their kind', t => {
  for (const ref of [channel('#dev'), direct(person), DIRECTORY]) t.deepEqual(parseChatKey(chatKey(ref)), ref, chatKey(ref))
  t.equal(chatKey(direct(person)), '@' + person)
  t.end()
})

test('a person\'s name or a short key is not a chat key', t => {
  t.equal(parseChatKey('@alice'), null)
  t.equal(parseChatKey('@' + person.slice(2)), null)
  t.equal(parseChatKey('@' + person.toUpperCase()), null)
  t.equal(parseChatKey('dev'), null)
  t.end()
})
