// Budgets for connections that come in from the network (issue 10, finding
// 8: one host opened 4,000 Noise connections, each a fresh identity, and
// every one was shown online). Identities cost nothing, addresses do: so
// the budgets are per remote address and in all. A connection takes a slot
// when it is accepted (before Noise) and gives it back when it closes; until
// the peer has said a valid hello it is also "pending", which has a smaller
// budget (handshakes and unproven peers cost the most and mean the least).
// Past a budget the connection is refused at once; an address refused
// again and again within a minute is banned for a while. Nothing here ever
// drops a connection already admitted: honest peers keep theirs.
//
// Pure bookkeeping with an injectable clock; the gate logs and closes.

export interface ConnectionLimitsOptions {
  // Open connections (pending or not) from one address.
  maxPerAddress: number
  // Open connections from the network, from all addresses.
  maxTotal: number
  // Connections in their handshake or before their hello, from one address.
  maxPendingPerAddress: number
  // ... and from all addresses.
  maxPendingTotal: number
  // New connections one address may open per minute (a bucket that refills
  // evenly, as deep as the budget).
  newPerMinute: number
  // This many refusals of one address's own budgets within a minute ban it.
  banAfterRefusals: number
  banMs: number
}

// An office LAN: one node per machine, a few on a shared host, and every
// peer connected once (docs/decisions.md). Tests run several nodes on one
// loopback address, well under these.
export const DEFAULT_LIMITS: Readonly<ConnectionLimitsOptions> = {
  maxPerAddress: 16,
  maxTotal: 256,
  maxPendingPerAddress: 8,
  maxPendingTotal: 64,
  newPerMinute: 60,
  banAfterRefusals: 30,
  banMs: 10 * 60_000
}

// A relay is every node's peer: more in all, the same per address.
export const RELAY_LIMITS: Readonly<ConnectionLimitsOptions> = {
  ...DEFAULT_LIMITS,
  maxTotal: 4096,
  maxPendingTotal: 512
}

// Bookkeeping for addresses with no connection left is forgotten past this
// many addresses (their rate and refusal history with it); bans are kept
// up to MAX_BANS, the oldest lifted first.
const MAX_TRACKED_ADDRESSES = 4096
const MAX_BANS = 1024
const MINUTE = 60_000

export type Refusal = 'banned' | 'total' | 'pending-total' | 'per-address' | 'pending-per-address' | 'rate'

// The address's own budgets: refusals for these count towards a ban. A full
// node (total) is not the caller's fault.
const OWN: ReadonlySet<Refusal> = new Set(['per-address', 'pending-per-address', 'rate'])

interface AddressState {
  open: number
  pending: number
  tokens: number
  refilled: number
  refusals: number
  refusalsSince: number
  bannedUntil: number
}

export interface Ticket {
  readonly address: string
  // The peer said a valid hello: no longer pending.
  proven (): void
  // The connection closed. Idempotent.
  leave (): void
}

export type Entry = { ok: true, ticket: Ticket } | { ok: false, reason: Refusal, banned: boolean }

export interface LimitStats {
  open: number
  pending: number
  addresses: number
  bans: number
  refused: Record<Refusal, number>
}

export class ConnectionLimits {
  readonly opts: ConnectionLimitsOptions
  private readonly now: () => number
  private readonly states = new Map<string, AddressState>()
  private readonly bans = new Map<string, number>() // address -> until, oldest first
  private open = 0
  private pending = 0
  private readonly refused: Record<Refusal, number> = { banned: 0, total: 0, 'pending-total': 0, 'per-address': 0, 'pending-per-address': 0, rate: 0 }

  constructor (opts: Partial<ConnectionLimitsOptions> = {}, now: () => number = Date.now) {
    this.opts = { ...DEFAULT_LIMITS, ...opts }
    this.now = now
  }

  // Would a connection from here be refused now? For refusing before a
  // handshake that is not ours to hold (HyperDHT's firewall); takes no
  // slot and spends no budget, but a refusal counts as one.
  screen (address: string): Refusal | null {
    const reason = this.check(this.state(address), false)
    if (reason) this.refuse(address, reason)
    return reason
  }

  // A connection from `address` asks to come in: a ticket, or why not.
  enter (address: string): Entry {
    const s = this.state(address)
    const reason = this.check(s, true)
    if (reason) return { ok: false, reason, banned: this.refuse(address, reason) }
    s.tokens -= 1
    s.open++
    s.pending++
    this.open++
    this.pending++
    let pending = true
    let left = false
    const settle = (): void => {
      if (!pending) return
      pending = false
      s.pending--
      this.pending--
    }
    return {
      ok: true,
      ticket: {
        address,
        proven: () => { if (!left) settle() },
        leave: () => {
          if (left) return
          left = true
          settle()
          s.open--
          this.open--
          this.forgetIdle()
        }
      }
    }
  }

  isBanned (address: string): boolean {
    const until = this.bans.get(address)
    return until !== undefined && until > this.now()
  }

  stats (): LimitStats {
    return { open: this.open, pending: this.pending, addresses: this.states.size, bans: this.bans.size, refused: { ...this.refused } }
  }

  private check (s: AddressState, spend: boolean): Refusal | null {
    const now = this.now()
    if (s.bannedUntil > now) return 'banned'
    if (this.open >= this.opts.maxTotal) return 'total'
    if (this.pending >= this.opts.maxPendingTotal) return 'pending-total'
    if (s.open >= this.opts.maxPerAddress) return 'per-address'
    if (s.pending >= this.opts.maxPendingPerAddress) return 'pending-per-address'
    const rate = this.opts.newPerMinute
    s.tokens = Math.min(rate, s.tokens + (now - s.refilled) * rate / MINUTE)
    s.refilled = now
    if (s.tokens < 1 && spend) return 'rate'
    return null
  }

  // Counts a refusal; true if it banned the address just now.
  private refuse (address: string, reason: Refusal): boolean {
    this.refused[reason]++
    if (!OWN.has(reason)) return false
    const s = this.state(address)
    const now = this.now()
    if (now - s.refusalsSince > MINUTE) {
      s.refusals = 0
      s.refusalsSince = now
    }
    s.refusals++
    if (s.refusals < this.opts.banAfterRefusals) return false
    s.refusals = 0
    s.bannedUntil = now + this.opts.banMs
    this.bans.delete(address)
    this.bans.set(address, s.bannedUntil)
    this.liftOldBans(now)
    return true
  }

  private state (address: string): AddressState {
    let s = this.states.get(address)
    if (s) return s
    if (this.states.size >= MAX_TRACKED_ADDRESSES) this.forgetIdle(true)
    const now = this.now()
    s = { open: 0, pending: 0, tokens: this.opts.newPerMinute, refilled: now, refusals: 0, refusalsSince: now, bannedUntil: this.bans.get(address) ?? 0 }
    this.states.set(address, s)
    return s
  }

  // Addresses with nothing open and no ban are forgotten once the map is
  // full; a ban outlives its state (kept in `bans`).
  private forgetIdle (force = false): void {
    if (!force && this.states.size < MAX_TRACKED_ADDRESSES) return
    const now = this.now()
    for (const [address, s] of this.states) {
      if (s.open === 0 && s.bannedUntil <= now) this.states.delete(address)
    }
  }

  private liftOldBans (now: number): void {
    for (const [address, until] of this.bans) {
      if (this.bans.size <= MAX_BANS && until > now) break
      this.bans.delete(address)
      const s = this.states.get(address)
      if (s) s.bannedUntil = 0
    }
  }
}
