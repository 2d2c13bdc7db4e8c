// The connection budgets as pure bookkeeping, on a clock the test moves.
import test from 'tape'
import { ConnectionLimits, DEFAULT_LIMITS, type ConnectionLimitsOptions, type Entry, type Ticket } from '../../lib/net/connection-limits.ts'

function limits (opts: Partial<ConnectionLimitsOptions> = {}): { l: ConnectionLimits, clock: { now: number } } {
  const clock = { now: 1_000_000 }
  return { l: new ConnectionLimits(opts, () => clock.now), clock }
}

function ticket (e: Entry): Ticket {
  if (!e.ok) throw new Error(`refused: ${e.reason}`)
  return e.ticket
}

test('per address: past the budget refused, other addresses unaffected, a slot comes back on close', t => {
  const { l } = limits({ maxPerAddress: 3, maxPendingPerAddress: 3 })
  const held = [1, 2, 3].map(() => ticket(l.enter('10.0.0.66')))
  const fourth = l.enter('10.0.0.66')
  t.deepEqual(fourth.ok ? null : fourth.reason, 'per-address', 'the fourth from one address is refused')
  t.ok(l.enter('10.0.0.7').ok, 'another address still gets in')
  held[0]!.leave()
  held[0]!.leave()
  t.ok(l.enter('10.0.0.66').ok, 'a closed connection gives its slot back (once)')
  t.equal(l.stats().refused['per-address'], 1, 'the refusal is counted')
  t.end()
})

test('pending: a proven peer no longer counts; an unproven one does', t => {
  const { l } = limits({ maxPendingPerAddress: 2, maxPendingTotal: 3 })
  const a = ticket(l.enter('10.0.0.1'))
  ticket(l.enter('10.0.0.1'))
  const r = l.enter('10.0.0.1')
  t.equal(r.ok ? null : r.reason, 'pending-per-address', 'two unproven from one address: the third waits')
  a.proven()
  t.ok(l.enter('10.0.0.1').ok, 'one proved itself: room again')
  t.ok(l.enter('10.0.0.2').ok, 'another address: the third unproven in all')
  const r2 = l.enter('10.0.0.3')
  t.equal(r2.ok ? null : r2.reason, 'pending-total', 'three unproven in all: the next address is refused too')
  t.equal(l.stats().pending, 3)
  t.equal(l.stats().open, 4)
  t.end()
})

test('in all: the total is a hard cap and never makes room by dropping anyone', t => {
  const { l } = limits({ maxTotal: 4 })
  const held = ['a', 'b', 'c', 'd'].map(a => ticket(l.enter(`10.0.1.${a.charCodeAt(0)}`)))
  for (const h of held) h.proven()
  const r = l.enter('10.0.0.99')
  t.equal(r.ok ? null : r.reason, 'total')
  t.equal(l.stats().open, 4, 'the four admitted are still open')
  t.end()
})

test('new connections per minute: a bucket that refills evenly', t => {
  const { l, clock } = limits({ newPerMinute: 6, maxPerAddress: 100, maxPendingPerAddress: 100 })
  for (let i = 0; i < 6; i++) ticket(l.enter('10.0.0.5')).leave()
  const r = l.enter('10.0.0.5')
  t.equal(r.ok ? null : r.reason, 'rate', 'the seventh within the minute is refused')
  clock.now += 10_000
  t.ok(l.enter('10.0.0.5').ok, 'ten seconds later one more')
  t.end()
})

test('an address that keeps trying is banned for a while, then let in again', t => {
  const { l, clock } = limits({ maxPerAddress: 1, banAfterRefusals: 5, banMs: 60_000 })
  const honest = ticket(l.enter('10.0.0.66'))
  honest.proven()
  const outcomes = Array.from({ length: 5 }, () => l.enter('10.0.0.66'))
  t.ok(outcomes.every(o => !o.ok), 'all refused')
  t.deepEqual(outcomes.map(o => !o.ok && o.banned), [false, false, false, false, true], 'the fifth refusal bans')
  t.ok(l.isBanned('10.0.0.66'))
  honest.leave()
  const during = l.enter('10.0.0.66')
  t.equal(during.ok ? null : during.reason, 'banned', 'banned even with a free slot')
  t.ok(l.enter('10.0.0.7').ok, 'other addresses are not')
  clock.now += 60_001
  t.ok(l.enter('10.0.0.66').ok, 'the ban ends')
  t.end()
})

test('a full node (total) does not count towards a ban: honest retries are not punished', t => {
  const { l } = limits({ maxTotal: 1, banAfterRefusals: 3 })
  ticket(l.enter('10.0.0.1'))
  for (let i = 0; i < 10; i++) l.enter('10.0.0.2')
  t.notOk(l.isBanned('10.0.0.2'))
  t.end()
})

test('screen refuses without taking a slot or spending the rate', t => {
  const { l } = limits({ newPerMinute: 2 })
  t.equal(l.screen('10.0.0.3'), null)
  t.equal(l.screen('10.0.0.3'), null)
  t.equal(l.screen('10.0.0.3'), null)
  t.equal(l.stats().open, 0)
  t.ok(l.enter('10.0.0.3').ok && l.enter('10.0.0.3').ok, 'the rate is still whole')
  t.end()
})

test('bookkeeping is bounded: thousands of addresses that come and go leave a bounded map', t => {
  const { l } = limits()
  for (let i = 0; i < 20_000; i++) ticket(l.enter(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`)).leave()
  t.ok(l.stats().addresses <= 4096, `addresses tracked: ${l.stats().addresses}`)
  t.equal(l.stats().open, 0)
  t.end()
})

test('the defaults are an office LAN', t => {
  t.ok(DEFAULT_LIMITS.maxPerAddress >= 8 && DEFAULT_LIMITS.maxPerAddress <= 64, `per address ${DEFAULT_LIMITS.maxPerAddress}`)
  t.ok(DEFAULT_LIMITS.maxPendingPerAddress <= DEFAULT_LIMITS.maxPerAddress)
  t.ok(DEFAULT_LIMITS.maxPendingTotal <= DEFAULT_LIMITS.maxTotal)
  t.end()
})
