// Token buckets by key (a member's token, or a client address for
// /connect): `burst` requests at once, refilled at `perSecond`. take()
// answers how long to wait, so a 429 can say Retry-After.

export interface RateLimit {
  burst: number
  perSecond: number
}

interface Bucket { tokens: number, at: number }

// Buckets that have refilled are dropped once the map grows this big, so
// many one-off addresses cannot grow it without bound.
const PRUNE_AT = 10_000

export class RateLimiter {
  readonly limit: RateLimit
  private readonly buckets = new Map<string, Bucket>()
  private readonly clock: () => number

  constructor (limit: RateLimit, clock: () => number = Date.now) {
    if (!(limit.burst >= 1) || !(limit.perSecond > 0)) throw new RangeError('a rate limit needs burst >= 1 and perSecond > 0')
    this.limit = limit
    this.clock = clock
  }

  // 0 when the request may go ahead (and is counted), else the seconds to
  // wait before one token is back.
  take (key: string): number {
    const now = this.clock()
    const b = this.refill(key, now)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond))
  }

  private refill (key: string, now: number): Bucket {
    let b = this.buckets.get(key)
    if (!b) {
      if (this.buckets.size >= PRUNE_AT) this.prune(now)
      b = { tokens: this.limit.burst, at: now }
      this.buckets.set(key, b)
      return b
    }
    b.tokens = Math.min(this.limit.burst, b.tokens + (now - b.at) / 1000 * this.limit.perSecond)
    b.at = now
    return b
  }

  private prune (now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) / 1000 * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key)
    }
  }
}
