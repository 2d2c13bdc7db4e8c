import test from 'tape'
import { renderHeader } from '../../lib/ui/render-header.ts'
import { lineWidth, plainText } from '../../lib/ui/styled-text.ts'
import { setMembers } from '../../lib/ui/view-state.ts'
import { alice, bob, member, state } from './fixtures.ts'

test('the chat and how many are in it', t => {
  const s = setMembers(state(), [member(alice), member(bob, { online: false })])
  t.equal(plainText(renderHeader(s, 60)).trimEnd(), ' hallway │ #general │ 2 members, 1 online')
  t.equal(lineWidth(renderHeader(s, 60)), 60)
  t.end()
})
