// How many new chats one peer can make a relay carry. A relay follows
// (blind) the chats its peers follow; without a budget one peer naming
// random discovery keys fills the relay's cap (MAX_BLIND_CHATS) for good.
// Each identity and each remote address may add so many chats per hour;
// past that the excess is refused and counted, and the relay carries on for
// everyone else. A verified relay is not charged (it passes on what its
// own peers made it carry, each of them charged there).
export interface CarryBudgetOptions {
  perIdentity: number
  perAddress: number
  windowMs: number
  clock: () => number
}

export const CARRY_PER_IDENTITY_PER_HOUR = 512
export const CARRY_PER_ADDRESS_PER_HOUR = 2048

export interface Carrier { identity: string, address: string }

export class CarryBudget {
  // Chats refused since start, for stats and tests.
  refused = 0
  private readonly opts: CarryBudgetOptions
  private readonly used = new Map<string, number>()
  private windowStart: number

  constructor (opts: Partial<CarryBudgetOptions> = {}) {
    this.opts = {
      perIdentity: opts.perIdentity ?? CARRY_PER_IDENTITY_PER_HOUR,
      perAddress: opts.perAddress ?? CARRY_PER_ADDRESS_PER_HOUR,
      windowMs: opts.windowMs ?? 60 * 60 * 1000,
      clock: opts.clock ?? Date.now
    }
    this.windowStart = this.opts.clock()
  }

  // Takes one chat from both of the peer's budgets; false (and counted) if
  // either is spent. The map holds one entry per peer seen this hour, and
  // is cleared every hour.
  take (from: Carrier): boolean {
    const now = this.opts.clock()
    if (now - this.windowStart >= this.opts.windowMs) {
      this.used.clear()
      this.windowStart = now
    }
    const id = `id:${from.identity}`
    const addr = `ip:${from.address}`
    const byId = this.used.get(id) ?? 0
    const byAddr = this.used.get(addr) ?? 0
    if (byId >= this.opts.perIdentity || byAddr >= this.opts.perAddress) {
      this.refused++
      return false
    }
    this.used.set(id, byId + 1)
    this.used.set(addr, byAddr + 1)
    return true
  }

  // Which budget is spent, for the log.
  reason (from: Carrier): string {
    return (this.used.get(`id:${from.identity}`) ?? 0) >= this.opts.perIdentity ? 'identity-budget' : 'address-budget'
  }
}
