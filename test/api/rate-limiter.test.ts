// Token buckets, on a clock the test moves.
import test from 'tape'
import { RateLimiter } from '../../lib/api/rate-limiter.ts'

test('a burst, then a refill at the given rate, per key', t => {
  let now = 0
  const limiter = new RateLimiter({ burst: 3, perSecond: 2 }, () => now)
  t.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0], 'three at once')
  t.equal(limiter.take('a'), 1, 'the fourth waits (seconds, rounded up)')
  t.equal(limiter.take('b'), 0, 'another key has its own bucket')
  now += 500
  t.equal(limiter.take('a'), 0, 'one token back after half a second at 2/s')
  t.equal(limiter.take('a'), 1, 'and only one')
  now += 60_000
  t.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0, 1], 'never more than the burst')
  t.end()
})

test('slow refills say how long to wait', t => {
  let now = 0
  const limiter = new RateLimiter({ burst: 1, perSecond: 0.1 }, () => now)
  t.equal(limiter.take('a'), 0)
  t.equal(limiter.take('a'), 10, '10 s for one token at 0.1/s')
  now += 4000
  t.equal(limiter.take('a'), 6, '6 s left')
  t.end()
})

test('a limit must be able to let something through', t => {
  t.throws(() => new RateLimiter({ burst: 0, perSecond: 1 }), RangeError)
  t.throws(() => new RateLimiter({ burst: 1, perSecond: 0 }), RangeError)
  t.end()
})
