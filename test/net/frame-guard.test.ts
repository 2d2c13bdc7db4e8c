import test from 'tape'
import { FrameGuard } from '../../lib/net/frame-guard.ts'

function frame (len: number): Buffer {
  const b = Buffer.alloc(3 + len, 7)
  b.writeUIntLE(len, 0, 3)
  return b
}

test('frames under the limit pass, split anywhere', t => {
  const g = new FrameGuard(1000)
  const all = Buffer.concat([frame(10), frame(999), frame(0), frame(1000)])
  for (let i = 0; i < all.length; i += 7) t.equal(g.check(all.subarray(i, i + 7)), 0)
  t.end()
})

test('an oversized frame is caught from its length prefix alone', t => {
  const g = new FrameGuard(1000)
  t.equal(g.check(frame(5)), 0, 'a small one first')
  const big = Buffer.alloc(3)
  big.writeUIntLE(16 * 1024 * 1024 - 1, 0, 3)
  t.equal(g.check(big.subarray(0, 2)), 0, 'two bytes of the prefix: not yet known')
  t.equal(g.check(big.subarray(2)), 16 * 1024 * 1024 - 1, 'the third byte gives it away')
  t.end()
})
