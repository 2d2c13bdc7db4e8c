// Presence is bounded: it tracks devices with an open connection, at most
// MAX_DEVICES (issue 10, finding 8: 4,001 members shown online).
import test from 'tape'
import { Presence } from '../../lib/chat/presence.ts'

test('presence holds at most its bound of devices; one past it is not shown, honest ones stay', t => {
  const p = new Presence(3)
  const online: string[] = []
  p.on('online', id => online.push(id))
  for (const d of ['d1', 'd2', 'd3']) { p.connected(d); p.identified(d, `id-${d}`) }
  p.connected('d4')
  p.identified('d4', 'id-d4')
  t.deepEqual(online, ['id-d1', 'id-d2', 'id-d3'], 'the fourth device is not shown online')
  t.equal(p.size, 3)
  t.equal(p.refused, 1, 'counted')
  p.disconnected('d4')
  t.equal(p.size, 3, 'an untracked device closing changes nothing')
  t.ok(p.isOnline('id-d1'), 'the first ones are still online')
  p.connected('d1')
  t.equal(p.refused, 1, 'a second connection of a tracked device is not refused')
  t.end()
})

test('a flood of devices that come and go leaves nothing behind once their grace ends', async t => {
  const p = new Presence()
  for (let i = 0; i < 1000; i++) { p.connected(`d${i}`); p.identified(`d${i}`, `id${i}`); p.disconnected(`d${i}`) }
  t.ok(p.size <= 1000)
  // The grace timers are unref'd; this safety timer holds the loop open
  // and fails the test if the offline events never come.
  await new Promise<void>((resolve, reject) => {
    const safety = setTimeout(() => reject(new Error('no offline events')), 5000)
    let left = 1000
    p.on('offline', () => { if (--left === 0) { clearTimeout(safety); resolve() } })
  })
  t.equal(p.size, 0, 'all forgotten')
  t.deepEqual(p.online(), [])
})
