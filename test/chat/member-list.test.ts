import test from 'tape'
import { Directory } from '../../lib/chat/directory.ts'
import { memberList } from '../../lib/chat/member-list.ts'
import { Presence } from '../../lib/chat/presence.ts'

test('members: oneself always in; online first, then present before away, then by name', t => {
  const d = new Directory()
  const ids = { me: '01'.repeat(32), zed: '02'.repeat(32), amy: '03'.repeat(32), bo: '04'.repeat(32), cy: '05'.repeat(32) }
  for (const [name, id] of Object.entries(ids)) d.hint(id, name)
  const p = new Presence()
  for (const id of [ids.zed, ids.amy, ids.cy]) {
    p.connected('dev' + id)
    p.identified('dev' + id, id)
  }
  const away = new Set([ids.amy])
  const list = memberList([ids.zed, ids.amy, ids.bo, ids.cy], { self: ids.me, selfAway: false, presence: p, directory: d, isAway: id => away.has(id) })
  t.deepEqual(list.map(m => m.name), ['cy', 'me', 'zed', 'amy', 'bo'])
  t.deepEqual(list.map(m => [m.online, m.away, m.self]), [[true, false, false], [true, false, true], [true, false, false], [true, true, false], [false, false, false]])
  t.end()
})
