// Hybrid logical clock (DESIGN.md §5). `now()` never goes backwards and moves
// past every stamp `observe()` has seen, so a reply sorts after what it
// answers even when the machines' clocks disagree.
import { compareHlc, MAX_LOGICAL, type Hlc } from '../wire/index.ts'

export { compareHlc, type Hlc }

// Stamps further ahead than this are held back until the clock reaches them.
export const MAX_FUTURE_MS = 5 * 60 * 1000

export class HlcClock {
  private last: Hlc = { wall: 0, logical: 0 }
  private readonly clock: () => number

  constructor (clock: () => number = Date.now) {
    this.clock = clock
  }

  now (): Hlc {
    const wall = this.clock()
    this.last = wall > this.last.wall ? { wall, logical: 0 } : next(this.last)
    return this.last
  }

  // Moves past a remote stamp, unless it is too far ahead to trust yet.
  observe (h: Hlc): void {
    if (h.wall > this.clock() + MAX_FUTURE_MS) return
    if (compareHlc(h, this.last) > 0) this.last = { wall: h.wall, logical: Math.min(h.logical, MAX_LOGICAL) }
  }
}

// The stamp just after `h`. The counter never passes MAX_LOGICAL (the wire
// refuses more, and a uint32 would wrap to 0 and sort a reply below what it
// answers): at the bound the wall moves 1 ms forward instead.
function next (h: Hlc): Hlc {
  return h.logical >= MAX_LOGICAL ? { wall: h.wall + 1, logical: 0 } : { wall: h.wall, logical: h.logical + 1 }
}
