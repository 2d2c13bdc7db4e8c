import test from 'tape'
import { compareHlc, HlcClock, MAX_FUTURE_MS } from '../../lib/chat/hlc.ts'
import { decodeBlock, encodeBlock, MAX_LOGICAL, MIN_WALL_MS } from '../../lib/wire/index.ts'

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

test('a counter at its bound moves the wall forward, never overflows (a reply stays after what it answers)', t => {
  const wall = 1_800_000_000_000
  const c = new HlcClock(() => wall)
  const attacker = { wall, logical: MAX_LOGICAL }
  c.observe(attacker)
  const reply = c.now()
  t.ok(compareHlc(reply, attacker) > 0, 'the reply is after the stamp at the bound')
  t.ok(reply.logical <= MAX_LOGICAL, `the counter stays within ${MAX_LOGICAL}`)
  t.ok(reply.wall - wall <= 1, 'the wall moved at most 1 ms ahead')
  // What another node reads back is the same stamp (no uint32 wrap).
  const block = decodeBlock(encodeBlock([{ type: 'message', text: 'reply', hlc: reply }]))
  t.ok(block.ok && compareHlc(block.value[0]!.hlc, attacker) > 0, 'after encoding and decoding, still after it')
  let stamps = 0
  for (let i = 0; i < 3 * MAX_LOGICAL; i++, stamps++) if (c.now().logical > MAX_LOGICAL) break
  t.equal(stamps, 3 * MAX_LOGICAL, 'many stamps in one millisecond never pass the bound')
  t.end()
})

test('the wire refuses counters past the bound and clocks before the epoch', t => {
  const ok = (hlc: { wall: number, logical: number }): boolean => decodeBlock(encodeBlock([{ type: 'message', text: 'x', hlc }])).ok
  t.ok(ok({ wall: MIN_WALL_MS, logical: MAX_LOGICAL }), 'the epoch and the bound themselves are fine')
  t.notOk(ok({ wall: 1_800_000_000_000, logical: 0xffffffff }), 'a counter of 0xffffffff is refused')
  t.notOk(ok({ wall: 1_800_000_000_000, logical: MAX_LOGICAL + 1 }), 'one past the bound is refused')
  t.notOk(ok({ wall: 1, logical: 0 }), 'wall = 1 (1970) is refused')
  t.notOk(ok({ wall: MIN_WALL_MS - 1, logical: 0 }), 'one millisecond before the epoch is refused')
  t.end()
})
