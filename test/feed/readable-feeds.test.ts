// ReadableFeeds on real Corestores: our own feed gets its header once, a
// peer's feed is added once its header checks out, a feed of another chat is
// rejected and stays rejected, and feeds known from earlier sessions show
// from disk.
import NoiseSecretStream from '@hyperswarm/secret-stream'
import test from 'tape'
import type { Test } from 'tape'
import { headerEntry } from '../../lib/feed/feed-header.ts'
import { FeedStore } from '../../lib/feed/feed-store.ts'
import { wholeFeed } from '../../lib/feed/fetch-policy.ts'
import { ReadableFeeds } from '../../lib/feed/readable-feeds.ts'
import { loadOrCreateIdentity, type Identity } from '../../lib/identity/identity.ts'
import { Workspace } from '../../lib/identity/workspace.ts'
import { silentLog } from '../../lib/log.ts'
import { cleanup } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'

const ws = new Workspace()
const dev = ws.channel('#dev')
const ops = ws.channel('#ops')

async function node (t: Test, name: string, dir?: string): Promise<{ store: FeedStore, me: Identity, dir: string }> {
  const d = dir ?? await tmpDir(t, name)
  const store = new FeedStore(d)
  await store.ready()
  cleanup(t, () => store.close())
  return { store, me: await loadOrCreateIdentity(d), dir: d }
}

function feedsOf (store: FeedStore, keys: typeof dev): ReadableFeeds {
  return new ReadableFeeds({ name: 'test', keys, store, fetch: wholeFeed, log: silentLog, window: { full: false, initialTail: 20, liveSince: undefined } })
}

function link (a: FeedStore, b: FeedStore, ka: Identity, kb: Identity): void {
  const sa = new NoiseSecretStream(true, null, { keyPair: ka.device })
  const sb = new NoiseSecretStream(false, null, { keyPair: kb.device })
  sa.rawStream.pipe(sb.rawStream).pipe(sa.rawStream)
  a.replicate(sa)
  b.replicate(sb)
}

test('our own feed: the header is written once, then messages append after it', async t => {
  const a = await node(t, 'a')
  const mine = feedsOf(a.store, dev)
  const w = await mine.openOwn(key => headerEntry(a.me, key, dev.id, 'alice', { wall: 1_700_000_000_001, logical: 0 }))
  await w.append({ type: 'message', text: 'hi', hlc: { wall: 1_700_000_000_002, logical: 0 } })
  t.equal(w.length, 2, 'header and one block')
  const again = feedsOf(a.store, dev)
  const w2 = await again.openOwn(() => { throw new Error('no second header') })
  t.equal(w2.length, 2, 'reopened without writing another header')
  t.equal([...again.feeds.values()][0]!.identity, a.me.id, 'the header names us')
  mine.close()
  again.close()
})

test('a peer\'s feed of this chat is added; one of another chat is rejected and stays rejected', async t => {
  const a = await node(t, 'a')
  const b = await node(t, 'b')
  link(a.store, b.store, a.me, b.me)
  const bobDev = await feedsOf(b.store, dev).openOwn(key => headerEntry(b.me, key, dev.id, 'bob', { wall: 1_700_000_000_001, logical: 0 }))
  await bobDev.append({ type: 'message', text: 'from bob', hlc: { wall: 1_700_000_000_002, logical: 0 } })
  const bobOps = await feedsOf(b.store, ops).openOwn(key => headerEntry(b.me, key, ops.id, 'bob', { wall: 1_700_000_000_001, logical: 0 }))

  const seen = feedsOf(a.store, dev)
  const added: string[] = []
  seen.on('feed', w => added.push(w.hex))
  t.equal(await seen.add(bobDev.key), true, 'bob\'s #dev feed is added')
  t.deepEqual(added, [bobDev.key.toString('hex')])
  t.equal(await seen.add(bobOps.key), false, 'bob\'s #ops feed announced for #dev is rejected')
  t.equal(seen.rejected.get(bobOps.key.toString('hex')), 'malformed', 'its blocks do not even decrypt with this chat\'s key')
  t.ok(seen.has(bobOps.key.toString('hex')), 'a rejected feed counts as known: nobody asks for it again')
  t.equal(await seen.add(bobOps.key), false, 'and stays rejected')
  t.equal(added.length, 1, 'no feed event for it')
  seen.close()
})

test('feeds known from an earlier session show from disk before addKnown resolves', async t => {
  const a = await node(t, 'a')
  const b = await node(t, 'b')
  link(a.store, b.store, a.me, b.me)
  const bobDev = await feedsOf(b.store, dev).openOwn(key => headerEntry(b.me, key, dev.id, 'bob', { wall: 1_700_000_000_001, logical: 0 }))
  await bobDev.append({ type: 'message', text: 'from bob', hlc: { wall: 1_700_000_000_002, logical: 0 } })
  const first = feedsOf(a.store, dev)
  await first.add(bobDev.key)
  const w = first.feeds.get(bobDev.key.toString('hex'))!
  await w.tail(20)
  first.close()
  await a.store.close()

  // b is not connected to this store: only the disk can answer.
  const again = await node(t, 'a2', a.dir)
  const later = feedsOf(again.store, dev)
  const errors: unknown[] = []
  await later.addKnown([bobDev.key.toString('hex')], err => errors.push(err))
  t.ok(later.feeds.has(bobDev.key.toString('hex')), 'the feed is back, with no peer online')
  t.deepEqual(errors, [])
  later.close()
})
