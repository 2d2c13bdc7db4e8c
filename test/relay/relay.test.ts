// The relay in process: offline delivery with the author gone, a restart
// that loses nothing, and a second relay that catches up from the first.
import test from 'tape'
import type { Messenger } from '../../lib/chat/messenger.ts'
import { DEFAULT_RELAY_CONFIG } from '../../lib/relay/relay-config.ts'
import { silentLog } from '../../lib/log.ts'
import { openRelay, type RelayNode } from '../../bin/relay-node.ts'
import { cleanup } from '../helpers/netns.ts'
import { connect, createPeer, texts, tmpDir } from '../helpers/peers.ts'
import type { Test } from 'tape'

type TestRelay = RelayNode & { dir: string, stats: RelayNode['relay']['stats'] }

async function createRelay (t: Test, dir?: string): Promise<TestRelay> {
  const dataDir = dir ?? await tmpDir(t, 'relay')
  const relay = await openRelay({ dataDir, config: { ...DEFAULT_RELAY_CONFIG }, log: silentLog, network: false })
  cleanup(t, () => relay.close())
  return Object.assign(relay, { dir: dataDir, stats: () => relay.relay.stats() })
}

const node = (r: RelayNode): { m: Messenger } => ({ m: r.messenger })
// A node trusts a relay it can verify: here, by its pinned device key.
const pin = (r: RelayNode): { relayKeys: string[] } => ({ relayKeys: [r.messenger.identity.device.publicKey.toString('hex')] })

function seen (m: Messenger, id: string): Promise<void> {
  return new Promise(resolve => {
    const check = (): void => { if (m.person(id).name !== 'anon') { m.off('chats', check); resolve() } }
    m.on('chats', check)
    m.on('members', check)
    check()
  })
}

test('offline delivery: B gets #general and DMs from the relay alone after A quit', async t => {
  const relay = await createRelay(t)
  let b = await createPeer(t, 'bob', pin(relay))
  let cutB = connect(b, node(relay))
  const a = await createPeer(t, 'alice', pin(relay))
  const cutA = connect(a, node(relay))
  await seen(a.m, b.m.id) // alice learns of bob through the relay's directory
  cutB()
  await b.m.close()

  const dm = await a.m.openDirect('@bob')
  for (let i = 0; i < 3; i++) await a.m.send(dm, `dm ${i}`)
  for (let i = 0; i < 25; i++) await a.m.send('#general', `general ${i}`)
  t.ok(await a.m.flushToRelays(), 'the relay holds everything alice wrote')
  cutA()
  await a.m.close()

  b = await createPeer(t, 'bob', pin(relay), b.dir)
  const unread = new Map<string, number>()
  b.m.on('unread', e => unread.set(e.chat, e.count))
  cutB = connect(b, node(relay))
  await b.waitMessage(e => e.text === 'general 24', 'last #general message via the relay')
  await b.waitMessage(e => e.text === 'dm 2' && e.chat === '@alice', 'DMs via the relay')
  const general = b.messages.filter(e => e.chat === '#general')
  t.deepEqual(texts(general).slice(-20), Array.from({ length: 20 }, (_, i) => `general ${i + 5}`), 'last 20 of #general, in order')
  t.deepEqual(texts(b.messages.filter(e => e.chat === '@alice')), ['dm 0', 'dm 1', 'dm 2'], 'every DM')
  await new Promise<void>(resolve => {
    const check = (): void => { if (unread.get('@alice') === 3 && unread.get('#general') === 25) resolve() }
    b.m.on('unread', check)
    check()
  })
  t.pass('unread counts through the relay: 3 in @alice, 25 in #general')
  t.ok(relay.stats().feeds > 0 && relay.stats().bytes > 0, 'the relay reports what it stores')
  cutB()
})

test('a relay restart loses nothing, and a second relay catches up from the first', async t => {
  let r1 = await createRelay(t)
  const a = await createPeer(t, 'alice', pin(r1))
  const cut = connect(a, node(r1))
  for (let i = 0; i < 10; i++) await a.m.send('#general', `m${i}`)
  const blocks = a.m.storage().blocks
  t.ok(await a.m.flushToRelays(), 'the relay holds everything alice wrote')
  const waitBlocks = (r: TestRelay, n: number): Promise<void> => new Promise(resolve => {
    const check = (): void => {
      if (r.stats().blocks < n) return
      r.relay.policy.off('accepted', check)
      resolve()
    }
    r.relay.policy.on('accepted', check)
    check()
  })
  cut()
  await a.m.close()

  const dir1 = r1.dir
  await r1.close()
  r1 = await createRelay(t, dir1)
  t.ok(r1.stats().blocks >= blocks, `restarted relay still holds ${r1.stats().blocks} blocks`)

  const r2 = await createRelay(t)
  connect(node(r1), node(r2))
  await waitBlocks(r2, blocks)
  t.pass('the second relay caught up from the first')

  const late = await createPeer(t, 'late', pin(r2))
  connect(late, node(r2))
  await late.waitMessage(e => e.text === 'm9', 'a node served by the second relay alone')
  t.deepEqual(texts(await late.m.history('#general', 10)), Array.from({ length: 10 }, (_, i) => `m${i}`), 'whole history, in order')
})
