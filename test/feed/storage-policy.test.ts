// The relay's storage policy on real Hypercores replicating in process: it
// refuses without reading, and a refused block is fetched again once it can
// be accepted.
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import test, { type Test } from 'tape'
import { silentLog } from '../../lib/log.ts'
import { DEFAULT_RELAY_CONFIG, parseRelayConfig, type RelayConfig } from '../../lib/relay/relay-config.ts'
import { StoragePolicy } from '../../lib/feed/storage-policy.ts'
import { cleanup } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'

interface Setup { writer: Hypercore, copy: Hypercore, policy: StoragePolicy, config: RelayConfig, now: { t: number } }

async function setup (t: Test, overrides: Partial<RelayConfig>): Promise<Setup> {
  const a = new Corestore(await tmpDir(t, 'w'))
  const b = new Corestore(await tmpDir(t, 'r'))
  cleanup(t, () => a.close())
  cleanup(t, () => b.close())
  const writer = a.get({ name: 'w' })
  await writer.ready()
  const copy = b.get({ key: writer.key! })
  await copy.ready()
  const now = { t: 1_700_000_000_000 }
  const config = { ...DEFAULT_RELAY_CONFIG, minFreeDiskBytes: 1, ...overrides }
  const policy = new StoragePolicy({ config, dir: await tmpDir(t, 'p'), log: silentLog, clock: () => now.t })
  await policy.start()
  cleanup(t, () => policy.close())
  if (overrides.maxBlockBytes === undefined) policy.attach(copy)
  const s1 = a.replicate(true)
  const s2 = b.replicate(false)
  s1.pipe(s2).pipe(s1)
  cleanup(t, () => { s1.destroy(); s2.destroy() })
  return { writer, copy, policy, config, now }
}

function settled (policy: StoragePolicy, n: number): Promise<void> {
  let seen = 0
  return new Promise(resolve => {
    const hit = (): void => { if (++seen === n) { policy.off('accepted', hit); policy.off('refused', hit); resolve() } }
    policy.on('accepted', hit)
    policy.on('refused', hit)
  })
}

test('blocks over the size limit are refused and not kept', async t => {
  const { writer, copy, policy } = await setup(t, { maxBlockBytes: 100 })
  const done = settled(policy, 2)
  policy.attach(copy)
  await writer.append([Buffer.alloc(50, 1), Buffer.alloc(200, 2)])
  await done
  t.equal(policy.refusals['block-too-large'], 1, 'one refusal')
  t.ok(await copy.has(0), 'the small block is stored')
  t.notOk(await copy.has(1), 'the large one is not')
  t.ok(await writer.has(1), 'the author keeps it')
})

test('blocks over the hourly rate wait for the next hour, then are accepted', async t => {
  const { writer, copy, policy, now } = await setup(t, { blocksPerWriterPerHour: 3 })
  const first = settled(policy, 4) // 3 accepted, one refusal event for 2 blocks
  await writer.append([1, 2, 3, 4, 5].map(i => Buffer.from(`b${i}`)))
  await first
  t.equal(policy.refusals['rate-limit'], 2, '2 over the limit wait')
  t.equal(copy.contiguousLength, 3, '3 stored')
  now.t += 3600_000
  const second = settled(policy, 2)
  void policy.tick()
  await second
  t.ok(await copy.has(3, 5), 'the waiting blocks are fetched the next hour: refusing is never losing')
})

test('below the free-disk watermark new blocks wait; freed space lets them in', async t => {
  const { writer, copy, policy, config } = await setup(t, {})
  config.minFreeDiskBytes = Number.MAX_SAFE_INTEGER
  await policy.checkDisk()
  t.notOk(policy.accepting, 'not accepting')
  const refused = settled(policy, 1)
  await writer.append([Buffer.from('x'), Buffer.from('y')])
  await refused
  t.equal(policy.refusals['disk-low'], 2, 'refused for disk')
  t.equal(copy.contiguousLength, 0, 'nothing stored')
  config.minFreeDiskBytes = 1
  const accepted = settled(policy, 2)
  await policy.checkDisk()
  await accepted
  t.ok(await copy.has(0, 2), 'stored once space is back')
})

test('retention clears blocks older than the limit, keeping block 0', async t => {
  const { writer, copy, policy, now } = await setup(t, { retentionDays: 1 })
  const done = settled(policy, 3)
  await writer.append([Buffer.from('header'), Buffer.from('old 1'), Buffer.from('old 2')])
  await done
  now.t += 2 * 24 * 3600_000
  const late = settled(policy, 1)
  await writer.append(Buffer.from('new'))
  await late
  await policy.tick()
  t.ok(await copy.has(0), 'block 0 kept')
  t.notOk(await copy.has(2), 'old blocks cleared')
  t.ok(await copy.has(3), 'new block kept')
})

test('relay config: defaults, overrides and bad values', t => {
  t.deepEqual(parseRelayConfig({}), DEFAULT_RELAY_CONFIG, 'empty file means defaults (retention forever)')
  t.equal(parseRelayConfig({ retentionDays: 30 }).retentionDays, 30)
  t.throws(() => parseRelayConfig({ retentionDays: -1 }), /positive/, 'negative refused')
  t.throws(() => parseRelayConfig({ color: 'blue' }), /unknown setting/, 'unknown setting refused')
  t.throws(() => parseRelayConfig([]), /JSON object/, 'not an object')
  t.end()
})

test('limits per person hold across every feed whose header names that person', async t => {
  const { writer, copy, policy, now } = await setup(t, { blocksPerIdentityPerHour: 3, maxBlockBytes: 100 })
  const other = await (async () => {
    const a = new Corestore(await tmpDir(t, 'w2'))
    const b = new Corestore(await tmpDir(t, 'r2'))
    cleanup(t, () => a.close())
    cleanup(t, () => b.close())
    const w = a.get({ name: 'w' })
    await w.ready()
    const c = b.get({ key: w.key! })
    await c.ready()
    const s1 = a.replicate(true)
    const s2 = b.replicate(false)
    s1.pipe(s2).pipe(s1)
    cleanup(t, () => { s1.destroy(); s2.destroy() })
    return { w, c }
  })()
  const first = settled(policy, 2)
  policy.attach(copy, 'alice')
  await writer.append([Buffer.from('a1'), Buffer.from('a2')])
  await first
  const second = settled(policy, 2) // 1 accepted, one refusal for 2 blocks
  policy.attach(other.c, 'alice')
  await other.w.append([Buffer.from('b1'), Buffer.from('b2'), Buffer.from('b3')])
  await second
  t.equal(policy.refusals['identity-limit'], 2, 'a second device of the same person shares the budget: 2 blocks wait')
  t.equal(copy.contiguousLength + other.c.contiguousLength, 3, '3 stored in all')
  t.equal(policy.mayFetch(other.c, 2), false, 'a reader may not fetch a block the policy has not accepted')
  now.t += 3600_000
  const later = settled(policy, 2)
  void policy.tick()
  await later
  t.ok(await other.c.has(1, 3), 'the next hour they are fetched: nothing is lost')
})

test('bytes per writer per hour: blocks are asked for only while the bytes left could take them', async t => {
  const { writer, copy, policy } = await setup(t, { maxBlockBytes: 1000, bytesPerWriterPerHour: 3000 })
  const done = settled(policy, 4)
  policy.attach(copy)
  await writer.append(Array.from({ length: 6 }, () => Buffer.alloc(1000, 1)))
  await done
  t.equal(copy.contiguousLength, 3, '3 blocks of 1000 bytes fit 3000 bytes an hour')
  t.equal(policy.refusals['rate-limit'], 3, 'the other 3 wait and are counted')
})
