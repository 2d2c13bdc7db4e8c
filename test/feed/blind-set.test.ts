// BlindSet (what a relay carries without the key): an announced feed is
// kept, saved and passed on only once its block 0 exists; a key nobody can
// serve is parked after a deadline, bounded, and tried again when it is
// announced again (issue 10, finding 2).
import NoiseSecretStream from '@hyperswarm/secret-stream'
import test from 'tape'
import { BlindSet } from '../../lib/feed/blind-set.ts'
import { FeedStore } from '../../lib/feed/feed-store.ts'
import { wholeFeed } from '../../lib/feed/fetch-policy.ts'
import { loadOrCreateIdentity } from '../../lib/identity/identity.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { Workspace } from '../../lib/identity/workspace.ts'
import { MAX_PARKED_FEEDS } from '../../lib/wire/index.ts'
import { cleanup } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'

const dev = new Workspace().channel('#dev')

async function store (t: test.Test, name: string): Promise<{ store: FeedStore, dir: string }> {
  const dir = await tmpDir(t, name)
  const s = new FeedStore(dir)
  await s.ready()
  cleanup(t, () => s.close())
  return { store: s, dir }
}

test('a key nobody serves is parked, never kept or passed on; the parked are bounded', async t => {
  const { store: relay } = await store(t, 'relay')
  const set = new BlindSet(dev.discoveryKey, relay, wholeFeed, { headerTimeoutMs: 50 })
  const announced: string[] = []
  set.on('feed', f => announced.push(f.hex))
  t.ok(await set.add(randomBytes(32)), 'not counted as invalid')
  t.deepEqual([set.feeds.size, set.parked.size, announced.length], [0, 1, 0], 'parked, not kept, not announced')
  await Promise.all(Array.from({ length: MAX_PARKED_FEEDS + 3 }, () => set.add(randomBytes(32))))
  t.equal(set.parked.size, MAX_PARKED_FEEDS, `at most ${MAX_PARKED_FEEDS} parked`)
  t.equal(set.parked.refused, 4, 'the rest refused and counted')
  set.close()
})

test('a feed whose block 0 a peer serves is kept and announced', async t => {
  const a = await store(t, 'writer')
  const b = await store(t, 'relay')
  const core = await a.store.own(dev)
  await core.append(Buffer.from('ciphertext of a header'))
  const [ka, kb] = await Promise.all([loadOrCreateIdentity(a.dir), loadOrCreateIdentity(b.dir)])
  const sa = new NoiseSecretStream(true, null, { keyPair: ka.device })
  const sb = new NoiseSecretStream(false, null, { keyPair: kb.device })
  sa.rawStream.pipe(sb.rawStream).pipe(sa.rawStream)
  a.store.replicate(sa)
  b.store.replicate(sb)
  cleanup(t, () => { sa.destroy(); sb.destroy() })
  const set = new BlindSet(dev.discoveryKey, b.store, wholeFeed)
  const announced: string[] = []
  set.on('feed', f => announced.push(f.hex))
  await set.add(core.key!)
  t.deepEqual(announced, [core.key!.toString('hex')], 'kept and announced once block 0 arrived')
  t.equal(set.parked.size, 0, 'nothing parked')
  set.close()
})
