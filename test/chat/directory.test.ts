// Who is shown as what (issue 10, findings 8 and 9): the first claim to a
// name keeps it plain on every node; a newcomer, a look-alike or a hint
// never changes how a person already known is shown.
import test from 'tape'
import { Directory, displaySuffix, SUFFIX_HEX } from '../../lib/chat/directory.ts'
import type { PositionedEntry } from '../../lib/chat/chat-view.ts'
import type { Hlc } from '../../lib/wire/index.ts'

const alice = 'a1'.repeat(32)
const fake = 'f0'.repeat(32)
const fake2 = 'f1'.repeat(32)
const bob = 'b0'.repeat(32)

function profile (identity: string, name: string, wall: number): PositionedEntry {
  const hlc: Hlc = { wall, logical: 0 }
  return { entry: { type: 'profile', name, hlc }, feed: { identity } } as unknown as PositionedEntry
}

test('a newcomer\'s hello naming itself alice does not change how the real alice is shown', t => {
  const d = new Directory()
  d.apply([profile(alice, 'alice', 1000)])
  d.hint(fake, 'alice')
  t.equal(d.display(alice), 'alice', 'the real alice stays plain')
  t.equal(d.display(fake), `alice.${fake.slice(0, SUFFIX_HEX)}`, 'the newcomer gets the suffix')
  t.deepEqual(d.byName('alice'), [alice], '@alice still means her')
  t.end()
})

test('a hint that came first gives way to a profile: a fast fake hello cannot take a name', t => {
  const d = new Directory()
  d.hint(fake, 'alice')
  d.hint(alice, 'alice')
  d.apply([profile(alice, 'alice', 1000)])
  t.equal(d.display(alice), 'alice', 'the profile holds the name')
  t.equal(d.display(fake), `alice.${fake.slice(0, SUFFIX_HEX)}`)
  t.end()
})

test('the earliest profile claim wins on every node, whatever order the entries arrive in', t => {
  const one = new Directory()
  one.apply([profile(alice, 'alice', 1000)])
  one.apply([profile(fake, 'alice', 2000)])
  const two = new Directory()
  two.apply([profile(fake, 'alice', 2000)])
  two.apply([profile(alice, 'alice', 1000)])
  for (const d of [one, two]) {
    t.equal(d.display(alice), 'alice')
    t.equal(d.display(fake), `alice.${fake.slice(0, SUFFIX_HEX)}`)
  }
  t.end()
})

test('a rename keeps the first claim: alice who was alice all along is not pushed aside by one who took it later', t => {
  const d = new Directory()
  d.apply([profile(alice, 'alice', 1000), profile(alice, 'Alice', 3000)])
  d.apply([profile(fake, 'alice', 2000)])
  t.equal(d.display(alice), 'Alice', 'same skeleton, first claim at 1000')
  t.equal(d.display(fake), `alice.${fake.slice(0, SUFFIX_HEX)}`)
  t.end()
})

test('look-alike names collide like equal names (finding 9)', t => {
  const d = new Directory()
  d.apply([profile(alice, 'alice', 1000)])
  const looks = ['\u0430lice', 'alice\u3164', 'alice\u2800', 'ALICE', 'al\u0456ce', '\uff41lice', 'a\u200blice']
  looks.forEach((name, i) => {
    const id = (10 + i).toString(16).padStart(2, '0').repeat(32)
    d.hint(id, name)
    t.equal(d.display(id), `${name}.${id.slice(0, SUFFIX_HEX)}`, `${JSON.stringify(name)} gets a suffix`)
  })
  t.equal(d.display(alice), 'alice', 'and alice stays plain')
  t.deepEqual(d.byName('alice'), [alice])
  t.end()
})

test('the suffix is long enough that a colliding key costs real work', t => {
  t.ok(SUFFIX_HEX * 4 >= 48, `${SUFFIX_HEX * 4} bits`)
  t.end()
})

test('a name that looks suffixed is folded onto its base, so it cannot pose as a suffixed person', t => {
  const d = new Directory()
  d.apply([profile(alice, 'alice', 1000)])
  d.apply([profile(bob, 'alice', 2000)])
  const posing = `alice.${bob.slice(0, SUFFIX_HEX)}`
  d.hint(fake2, posing)
  t.equal(d.display(bob), posing, 'the second alice shows as alice.<key>')
  t.notEqual(d.display(fake2), posing, 'a peer named like that is not shown like that')
  t.deepEqual(d.byName(posing), [bob], 'and @alice.<key> means the second alice')
  t.end()
})

test('@name.<prefix> picks by key prefix; too short or shared prefixes are ambiguous', t => {
  const d = new Directory()
  d.apply([profile(alice, 'alice', 1000), profile(fake, 'alice', 2000), profile(fake2, 'alice', 3000)])
  t.deepEqual(d.byName(`alice.${fake2.slice(0, 4)}`), [fake2], 'four hex digits still pick one when they differ')
  t.deepEqual(d.byName('alice.f').sort(), [], 'fewer than four is not a suffix')
  t.deepEqual(d.byName(`alice.${alice.slice(0, SUFFIX_HEX)}`), [alice], 'the holder by key too')
  t.end()
})

test('two keys that share the old 4-digit suffix are told apart', t => {
  const d = new Directory()
  const twin = alice.slice(0, 4) + 'ee'.repeat(30)
  d.apply([profile(bob, 'alice', 500), profile(alice, 'alice', 1000), profile(twin, 'alice', 2000)])
  t.notEqual(d.display(alice), d.display(twin), `${d.display(alice)} vs ${d.display(twin)}`)
  t.deepEqual(d.byName(`alice.${alice.slice(0, 4)}`).sort(), [alice, twin].sort(), 'four digits they share name both (AMBIGUOUS_NAME)')
  t.deepEqual(d.byName(`alice.${displaySuffix(alice)}`), [alice], 'the shown suffix names one')
  t.end()
})
