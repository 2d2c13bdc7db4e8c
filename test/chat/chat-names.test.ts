import test from 'tape'
import { ChatNames } from '../../lib/chat/chat-names.ts'
import { Directory, SUFFIX_HEX } from '../../lib/chat/directory.ts'
import { isHallwayError } from '../../lib/errors.ts'

const me = 'aa'.repeat(32)
const bob = 'b0'.repeat(32)
const bob2 = 'b1'.repeat(32)
const bob3 = 'b0b0' + 'b3'.repeat(30)
const carol = 'cc'.repeat(32)

function names (): ChatNames {
  const d = new Directory()
  d.hint(me, 'alice')
  d.hint(bob, 'bob')
  d.hint(bob2, 'bob')
  d.hint(bob3, 'bob')
  d.hint(carol, 'carol')
  return new ChatNames(d, () => me)
}

function code (fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (err) {
    return isHallwayError(err) ? err.code : 'not a HallwayError'
  }
}

test('people resolve to direct chat keys through the directory', t => {
  const n = names()
  t.equal(n.resolve('#dev'), '#dev', 'a channel is its own key')
  t.equal(n.resolve('@carol'), '@' + carol)
  t.equal(n.resolve('@' + carol), '@' + carol, 'a chat key stays as it is')
  t.equal(n.resolve(`@bob.${bob2.slice(0, 4)}`), '@' + bob2, 'the key suffix picks one of two')
  // Issue 10, finding 12: `@bob` means the bob who had the name first (here
  // the first seen, all three being hints), not an ambiguity.
  t.equal(n.resolve('@bob'), '@' + bob, 'the first bob holds the name')
  t.equal(code(() => n.resolve(`@bob.${bob.slice(0, 4)}`)), 'AMBIGUOUS_NAME', 'a key prefix two bobs share')
  t.equal(code(() => n.resolve('@dave')), 'UNKNOWN_PERSON')
  t.equal(code(() => n.resolve('@alice')), 'UNKNOWN_PERSON', 'not oneself')
  t.equal(n.person('carol'), carol, 'with or without the @')
  t.end()
})

test('a direct chat key shows as the other person\'s display name', t => {
  const n = names()
  t.equal(n.publicName('@' + carol), '@carol')
  t.equal(n.publicName('@' + bob), '@bob', 'the first bob is plain')
  t.equal(n.publicName('@' + bob2), `@bob.${bob2.slice(0, SUFFIX_HEX)}`, 'the others get a key suffix')
  t.equal(n.publicName('#dev'), '#dev')
  t.end()
})
