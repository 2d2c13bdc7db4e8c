// Bad input from peers, in process (real stores, in-memory Noise streams):
// forged device certificates in the hello, and feeds whose blocks fail to
// decrypt or to validate. The node must not crash, must show nothing
// invalid, must count what it rejects, must keep working with honest peers,
// and must drop the offending peer (DESIGN.md §6: bad input costs the
// sender). Memory is measured before and after.
import test from 'tape'
import { certifyDevice } from '../../lib/identity/device-certificate.ts'
import { identityFromSeeds } from '../../lib/identity/identity.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { encodeBlock, MAX_ENTRIES_PER_BLOCK, MAX_TEXT_CHARS, type Entry } from '../../lib/wire/index.ts'
import { connect, createPeer } from '../helpers/peers.ts'
import { createEvil, recordingLog, type EvilPeer } from './evil-peer.ts'
import { heapMb } from './heap.ts'

const DROP_WITHIN_MS = 10_000

// Waits for the node to close the stream; a bounded safety timeout says no.
function droppedWithin (evil: EvilPeer, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms)
    evil.closed.then(() => { clearTimeout(timer); resolve(true) }, () => {})
  })
}

test('forged device certificates in the hello: the peer is dropped, never shown, honest peers unaffected', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  await g.m.send('#general', 'before the forgeries')
  await v.waitMessage(e => e.text === 'before the forgeries')
  const heapBefore = heapMb()

  const random = await createEvil(t)
  random.connect(v.m, { hello: { type: 'hello', version: 1, identity: random.person.identity.publicKey, certificate: randomBytes(64), name: 'mallory', relay: false, dhtPort: 0 } })
  t.ok(await droppedWithin(random, DROP_WITHIN_MS), 'a hello whose certificate is random bytes: dropped')

  // Grace's identity and Grace's real certificate, on Mallory's Noise key.
  const thief = await createEvil(t)
  thief.connect(v.m, { hello: { type: 'hello', version: 1, identity: g.m.identity.identity.publicKey, certificate: g.m.identity.certificate, name: 'grace', relay: false, dhtPort: 0 } })
  t.ok(await droppedWithin(thief, DROP_WITHIN_MS), "Grace's identity and certificate on another device key: dropped")

  // A certificate by another identity for this device, claiming that identity is someone else's.
  const other = identityFromSeeds(randomBytes(32), randomBytes(32))
  const swapped = await createEvil(t)
  swapped.connect(v.m, { hello: { type: 'hello', version: 1, identity: g.m.identity.identity.publicKey, certificate: certifyDevice(other.identity, swapped.person.device.publicKey), name: 'grace', relay: false, dhtPort: 0 } })
  t.ok(await droppedWithin(swapped, DROP_WITHIN_MS), 'a valid certificate from a different identity than the one claimed: dropped')

  const forgedIds = [random, thief, swapped].map(e => e.person.identity.publicKey.toString('hex'))
  t.notOk(v.peers.some(p => forgedIds.includes(p.id)), 'no forged identity was ever shown online')
  t.equal(v.peers.filter(p => p.id === g.m.id && p.state === 'offline').length, 0, 'Grace was never shown offline by the impersonation')
  t.ok(v.m.presence.isOnline(g.m.id), 'Grace is still online')
  t.equal(log.warnings.filter(w => /bad device certificate/.test(w.msg)).length, 3, 'three forged hellos logged')
  await g.m.send('#general', 'after the forgeries')
  await v.waitMessage(e => e.text === 'after the forgeries')
  t.pass('honest messages still flow')
  const heapAfter = heapMb()
  t.comment(`3 forged hellos; heap ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after`)
})

test('feeds that fail to decrypt or to validate: rejected and counted, nothing shown, the peer dropped', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  const evil = await createEvil(t)
  const hlc = { wall: Date.now(), logical: 0 }
  const msg = (text: string, h = hlc): Entry => ({ type: 'message', text, hlc: h })

  // Honest-looking header, then blocks that must each be skipped.
  const badBlocks = [
    randomBytes(300),
    encodeBlock([msg('')]),
    encodeBlock([msg('x'.repeat(MAX_TEXT_CHARS + 1))]),
    encodeBlock([msg('no clock', { wall: 0, logical: 0 })]),
    encodeBlock(Array.from({ length: MAX_ENTRIES_PER_BLOCK + 1 }, () => msg('one of too many'))),
    encodeBlock([msg('fine'), msg('')]) // one bad entry spoils its block
  ]
  const invalidBlocks = await evil.feed([])
  await invalidBlocks.append([evil.header(invalidBlocks.key!), ...badBlocks])

  // Feeds rejected whole: wrong key, bad headers, no header.
  const wrongKey = await evil.feed([], randomBytes(32))
  await wrongKey.append([evil.header(wrongKey.key!), encodeBlock([msg('encrypted with another key')])])
  const expected: Array<[string, (k: Buffer) => Uint8Array[]]> = [
    ['bad-certificate', k => [evil.header(k, { foreignCertificate: true }), encodeBlock([msg('foreign certificate')])]],
    ['bad-feed-signature', k => [evil.header(k, { foreignFeedSignature: true }), encodeBlock([msg('foreign feed signature')])]],
    ['wrong-chat', k => [evil.header(k, { chat: randomBytes(32) }), encodeBlock([msg('another chat')])]],
    ['bad-certificate', k => [evil.header(k, { identity: { publicKey: g.m.identity.identity.publicKey, certificate: g.m.identity.certificate } }), encodeBlock([msg('as grace')])]],
    ['no-header', () => [encodeBlock([msg('no header at all')])]]
  ]
  for (const [, blocks] of expected) {
    const core = await evil.feed([])
    await core.append(blocks(core.key!))
  }
  // Many more bad feeds, past any sane threshold for dropping a peer.
  for (let i = 0; i < 20; i++) {
    const core = await evil.feed([])
    await core.append([evil.header(core.key!, { foreignCertificate: true })])
  }
  const rejectedFeeds = 1 + expected.length + 20

  const heapBefore = heapMb()
  evil.connect(v.m, { then: () => evil.announce() })
  await log.until(w => w.msg === 'feed rejected', rejectedFeeds)
  await log.until(w => w.msg === 'block skipped', badBlocks.length)
  const reasons = log.warnings.filter(w => w.msg === 'feed rejected').map(w => String(w.obj.reason))
  t.equal(reasons.length, rejectedFeeds, `${rejectedFeeds} feeds rejected: ${[...new Set(reasons)].join(', ')}`)
  for (const reason of new Set(expected.map(([r]) => r))) t.ok(reasons.includes(reason), `rejected for ${reason}`)
  t.ok(reasons.includes('malformed'), 'the feed encrypted with another key is rejected (its header does not decode)')
  t.equal(log.warnings.filter(w => w.msg === 'block skipped').length, badBlocks.length, `${badBlocks.length} invalid blocks skipped and counted`)

  const evilId = evil.person.identity.publicKey.toString('hex')
  t.deepEqual(v.messages.filter(e => e.from.id === evilId || e.from.id === g.m.id).map(e => e.text), [], 'nothing from those feeds was shown, nothing shown as Grace')
  await g.m.send('#general', 'honest')
  await v.waitMessage(e => e.text === 'honest')
  t.pass('honest messages still flow')
  const dropped = await droppedWithin(evil, DROP_WITHIN_MS)
  t.ok(dropped, `the peer that announced ${rejectedFeeds} invalid feeds and served ${badBlocks.length} invalid blocks is dropped within ${DROP_WITHIN_MS / 1000} s`)
  const heapAfter = heapMb()
  t.comment(`${rejectedFeeds} invalid feeds, ${badBlocks.length} invalid blocks; heap ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after; peer ${dropped ? 'dropped' : 'still connected'}`)
})
