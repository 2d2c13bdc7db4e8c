import test from 'tape'
import { compareHlc, HlcClock, MAX_FUTURE_MS } from '../../lib/chat/hlc.ts'

test('the clock never goes backwards, even when the wall clock does', t => {
  let wall = 1000
  const c = new HlcClock(() => wall)
  const a = c.now()
  wall = 900
  const b = c.now()
  t.ok(compareHlc(b, a) > 0, 'second stamp after the first')
  t.deepEqual(b, { wall: 1000, logical: 1 }, 'logical counter breaks the tie')
  t.end()
})

test('a reply sorts after what it answers, with skewed clocks', t => {
  const slow = new HlcClock(() => 1000)
  const remote = { wall: 5000, logical: 7 }
  slow.observe(remote)
  t.ok(compareHlc(slow.now(), remote) > 0, 'moved past the remote stamp')
  t.end()
})

test('stamps too far in the future are not trusted', t => {
  const c = new HlcClock(() => 1000)
  c.observe({ wall: 1000 + MAX_FUTURE_MS + 1, logical: 0 })
  t.deepEqual(c.now(), { wall: 1000, logical: 0 }, 'clock not dragged ahead')
  t.end()
})
