// Finding 2 of issue 10: one Writers frame froze a chat. Adding a feed
// awaited its header with no deadline while the chat's output was held, so
// a random key nobody serves stopped the chat for good; through a relay,
// junk feeds got the honest relay dropped. Now a header is awaited with a
// deadline and never under the hold, a feed that cannot be fetched is
// parked (bounded, not held against the announcer), and a relay is not
// dropped for invalid feeds it passes on.
import test from 'tape'
import { randomBytes } from '../../lib/identity/keys.ts'
import { MAX_PARKED_FEEDS, type WriterInfo } from '../../lib/wire/index.ts'
import { connect, createPeer } from '../helpers/peers.ts'
import { createEvil, general, recordingLog } from './evil-peer.ts'

function junk (n: number): WriterInfo[] {
  return Array.from({ length: n }, () => ({ key: randomBytes(32), length: 1, last: null }))
}

test('a Writers frame naming keys nobody serves: the chat keeps flowing; the feeds are parked (bounded), the announcer not dropped for them', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  await g.m.send('#general', 'before')
  await v.waitMessage(e => e.text === 'before')

  const evil = await createEvil(t)
  evil.connect(v.m, { then: live => live.send({ type: 'writers', chat: general.discoveryKey, feeds: junk(1) }) })
  // The Writers frame follows the hello on the same channel: once Mallory
  // shows online, the victim is adding the feed.
  const evilId = evil.person.identity.publicKey.toString('hex')
  await v.waitPeer(p => p.id === evilId && p.state === 'online', 'mallory online')
  await new Promise(resolve => setImmediate(resolve))
  await g.m.send('#general', 'while a header is awaited')
  await v.waitMessage(e => e.text === 'while a header is awaited')
  t.pass('an honest message shows while the unservable feed is awaited')

  await log.until(w => w.msg === 'feed parked')
  t.pass('the feed nobody serves is parked after its deadline')
  evil.live!.send({ type: 'writers', chat: general.discoveryKey, feeds: junk(MAX_PARKED_FEEDS + 5) })
  await g.m.send('#general', 'during a flood of junk keys')
  await v.waitMessage(e => e.text === 'during a flood of junk keys')
  await log.until(w => w.obj.reason === 'too-many-parked', 6)
  t.equal(log.warnings.filter(w => w.msg === 'feed parked').length, MAX_PARKED_FEEDS, `at most ${MAX_PARKED_FEEDS} parked`)
  t.equal(log.warnings.filter(w => w.obj.reason === 'too-many-parked').length, 6, 'the rest refused and counted')
  t.equal(log.warnings.filter(w => w.msg === 'feed rejected').length, 0, 'none counted as invalid')
  t.notOk(evil.dropped, 'feeds that could not be fetched are not held against the announcer')
  await g.m.send('#general', 'after')
  await v.waitMessage(e => e.text === 'after')
  t.pass('honest messages still flow')
})

test('a relay passing on invalid feeds it cannot check is not dropped (a plain peer still is: bad-peers.test.ts)', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  const relay = await createEvil(t)
  for (let i = 0; i < 12; i++) {
    const core = await relay.feed([])
    await core.append([relay.header(core.key!, { foreignCertificate: true })])
  }
  relay.connect(v.m, {
    hello: { type: 'hello', version: 1, identity: relay.person.identity.publicKey, certificate: relay.person.certificate, name: 'relay', relay: true, dhtPort: 0 },
    then: () => relay.announce()
  })
  await log.until(w => w.msg === 'feed rejected', 12)
  await g.m.send('#general', 'after the relay forwarded junk')
  await v.waitMessage(e => e.text === 'after the relay forwarded junk')
  t.ok(log.warnings.some(w => w.obj.reason === 'forwarded-by-relay'), 'counted and logged against nobody')
  t.notOk(relay.dropped, 'the relay is still connected')
})
