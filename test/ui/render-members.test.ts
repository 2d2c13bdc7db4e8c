import test from 'tape'
import { renderMembers } from '../../lib/ui/render-members.ts'
import { toTags } from '../../lib/ui/styled-text.ts'
import { setMembers } from '../../lib/ui/view-state.ts'
import { alice, bob, carol, member, state, text } from './fixtures.ts'

test('presence: online, away, offline, in the chat layer\'s order, you marked', t => {
  const s = setMembers(state(), [member(alice), member(carol), member(bob, { away: true }), member({ id: 'd', name: 'dan', display: 'dan' }, { online: false })])
  const rows = renderMembers(s, 18, 7)
  t.deepEqual(text(rows), [' Members 3/4', ' ● alice (you)', ' ● carol', ' ◐ bob away', ' ○ dan', '', ''])
  t.ok(toTags(rows[3]!).includes('{yellow-fg} ◐ {/}'), 'away in yellow')
  t.ok(toTags(rows[4]!).includes('{gray-fg} ○ dan{/}'), 'offline dimmed')
  t.end()
})

test('more members than rows: the rest are counted; names with tags are escaped', t => {
  const many = Array.from({ length: 10 }, (_, i) => member({ id: `p${i}`, name: `p${i}`, display: i === 0 ? '{bold}x' : `p${i}` }))
  const rows = renderMembers(setMembers(state(), many), 18, 5)
  t.equal(text(rows)[4], ' +7 more')
  t.ok(toTags(rows[1]!).includes('{open}bold{close}x'))
  t.end()
})
