// Issue 10, finding 4: what a peer can make a node store. Oversized blocks
// are never kept, a relay's storage policy holds for readable chats too,
// one identity cannot add feeds without end, and the directory's channels
// are bounded. Each attack runs beside an honest peer whose messages must
// keep flowing; what is held is counted, not timed.
import test from 'tape'
import type { Test } from 'tape'
import { openRelay } from '../../bin/relay-node.ts'
import { FeedStore } from '../../lib/feed/feed-store.ts'
import { DEFAULT_NODE_LIMITS, StoragePolicy } from '../../lib/feed/storage-policy.ts'
import { DEFAULT_CHANNEL_LIMITS } from '../../lib/chat/directory.ts'
import { Workspace } from '../../lib/identity/workspace.ts'
import { silentLog, type Log } from '../../lib/log.ts'
import { DEFAULT_RELAY_CONFIG } from '../../lib/relay/relay-config.ts'
import { encodeBlock, MAX_BLOCK_BYTES, MAX_ENTRIES_PER_BLOCK, type Entry } from '../../lib/wire/index.ts'
import { cleanup } from '../helpers/netns.ts'
import { connect, createPeer, tmpDir } from '../helpers/peers.ts'
import { createEvil, general, recordingLog } from './evil-peer.ts'

const msg = (text: string, wall = Date.now()): Entry => ({ type: 'message', text, hlc: { wall, logical: 0 } })

// Which of blocks [start, end) of a feed a closed node kept on disk.
async function keptBlocks (t: Test, dir: string, key: Buffer, start: number, end: number): Promise<number> {
  const store = new FeedStore(dir)
  await store.ready()
  cleanup(t, () => store.close())
  const core = await store.remote(key, general.key)
  let n = 0
  for (let i = start; i < end; i++) if (await core.has(i)) n++
  return n
}

// An ordinary node as bin/hallway.ts builds it: with the default fetch policy.
async function nodePolicy (t: Test, dir: string, log: Log): Promise<StoragePolicy> {
  const policy = new StoragePolicy({ config: DEFAULT_NODE_LIMITS, dir, log, file: 'fetch-budget.json' })
  await policy.start()
  cleanup(t, () => policy.close())
  return policy
}

test('an ordinary node never keeps a block over the block limit', async t => {
  const log = recordingLog()
  const dir = await tmpDir(t, 'victim')
  const policy = await nodePolicy(t, dir, log)
  const v = await createPeer(t, 'victim', { log, fetch: policy }, dir)
  const g = await createPeer(t, 'grace')
  connect(v, g)
  const evil = await createEvil(t)
  const core = await evil.feed([])
  const big = Array.from({ length: 20 }, () => Buffer.alloc(400 * 1024, 7))
  await core.append([evil.header(core.key!), ...big, encodeBlock([msg('small and valid')])])
  evil.connect(v.m, { then: () => evil.announce() })
  await v.waitMessage(e => e.text === 'small and valid')
  await new Promise<void>(resolve => {
    let cleared = 0
    const check = (reason: string): void => { if (reason === 'block-too-large' && ++cleared === 20) resolve() }
    policy.on('refused', check)
  })
  t.equal(policy.refusals['block-too-large'], 20, '20 oversized blocks refused and counted')
  await g.m.send('#general', 'honest')
  await v.waitMessage(e => e.text === 'honest')
  t.pass('honest messages still flow')
  await v.m.close()
  const kept = await keptBlocks(t, v.dir, core.key!, 1, 21)
  t.equal(kept, 0, `none of the 20 blocks of 400 KiB (limit ${MAX_BLOCK_BYTES} bytes) is kept (${kept} kept)`)
})

test('a relay\'s storage policy holds for a chat it can read', async t => {
  const dir = await tmpDir(t, 'relay')
  const relay = await openRelay({ dataDir: dir, config: { ...DEFAULT_RELAY_CONFIG, blocksPerWriterPerHour: 5 }, log: silentLog, network: false })
  cleanup(t, () => relay.close())
  const evil = await createEvil(t)
  const core = await evil.feed([])
  const now = Date.now()
  await core.append([evil.header(core.key!), ...Array.from({ length: 200 }, (_, i) => encodeBlock([msg(`flood ${i}`, now + i)]))])
  const b = await createPeer(t, 'bob')
  const a = await createPeer(t, 'alice')
  connect(b, { m: relay.messenger })
  evil.connect(relay.messenger, { then: () => evil.announce() })
  // 5 accepted, 196 waiting: counted once, as one refusal event.
  await new Promise<void>(resolve => {
    const check = (): void => { if (relay.relay.policy.refusals['rate-limit'] >= 196) resolve() }
    relay.relay.policy.on('refused', check)
    check()
  })
  connect(a, { m: relay.messenger })
  await a.m.send('#general', 'honest via the relay')
  await b.waitMessage(e => e.text === 'honest via the relay')
  t.pass('honest messages still flow through the relay')
  const refused = relay.relay.policy.refusals['rate-limit']
  await relay.close()
  const kept = await keptBlocks(t, dir, core.key!, 0, 201)
  t.equal(kept, 5, `5 of 201 blocks stored (${kept}), as the policy says`)
  t.equal(refused, 196, 'and the refusals counted are the blocks not stored')
})

test('one identity cannot make a node hold feeds without end', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  const evil = await createEvil(t)
  for (let i = 0; i < 40; i++) {
    const core = await evil.feed([])
    await core.append([evil.header(core.key!), encodeBlock([msg(`sybil ${i}`)])])
  }
  evil.connect(v.m, { then: () => evil.announce() })
  const evilId = evil.person.identity.publicKey.toString('hex')
  await v.waitMessage(e => e.from.id === evilId)
  await log.until(w => w.msg === 'feed rejected' && w.obj.reason === 'too-many-feeds', 40 - 8)
  await g.m.send('#general', 'honest')
  await v.waitMessage(e => e.text === 'honest')
  t.pass('honest messages still flow')
  const shown = new Set(v.messages.filter(e => e.from.id === evilId).map(e => e.text))
  t.ok(shown.size <= 8, `at most 8 feeds of one identity are read (${shown.size})`)
})

test('one peer cannot fill the directory with channels', async t => {
  const v = await createPeer(t, 'victim')
  const g = await createPeer(t, 'grace')
  connect(v, g)
  const directory = new Workspace().directory()
  const evil = await createEvil(t)
  const core = await evil.feed([], directory.key)
  const channels: Entry[] = Array.from({ length: 5001 }, (_, i) => ({ type: 'channel', name: `#spam${i}`, hlc: { wall: Date.now(), logical: i } }))
  const blocks: Uint8Array[] = []
  for (let i = 0; i < channels.length; i += MAX_ENTRIES_PER_BLOCK) blocks.push(encodeBlock(channels.slice(i, i + MAX_ENTRIES_PER_BLOCK)))
  await core.append([evil.header(core.key!, {}, directory), ...blocks])
  evil.connect(v.m, {
    then: live => {
      live.send({ type: 'follow', chats: [general.discoveryKey, directory.discoveryKey] })
      live.send({ type: 'writers', chat: directory.discoveryKey, feeds: [{ key: core.key!, length: core.length, last: { wall: Date.now(), logical: 0 } }] })
    }
  })
  const cap = DEFAULT_CHANNEL_LIMITS.perIdentity
  await new Promise<void>(resolve => {
    const check = (): void => { if (v.m.directory.channelRefusals['channels-per-identity'] >= 5001 - cap) resolve() }
    v.m.directory.on('refused', check)
    check()
  })
  await g.m.join('#honest')
  await new Promise<void>(resolve => {
    const check = (): void => { if (v.m.chats().some(c => c.name === '#honest')) resolve() }
    v.m.on('chats', check)
    check()
  })
  t.pass('a channel an honest person creates is still listed')
  const listed = v.m.chats().filter(c => !c.direct).length
  t.equal(listed, 1 + cap + 1, `#general, ${cap} channels of the flooder and #honest are listed (${listed} of 5,003)`)
  t.equal(v.m.directory.channelRefusals['channels-per-identity'], 5001 - cap, 'the rest refused and counted')
  await g.m.send('#general', 'honest')
  await v.waitMessage(e => e.text === 'honest')
  t.pass('honest messages still flow')
})
