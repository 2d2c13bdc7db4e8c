// The identities the relay holds for API members: folders, tokens that
// survive a restart (stored only as hashes), the in-memory link to the
// relay node and its re-attachment.
import { EventEmitter, once } from 'node:events'
import fs from 'node:fs/promises'
import path from 'node:path'
import test from 'tape'
import { hashToken } from '../../lib/api/member-file.ts'
import { MemberPool } from '../../lib/api/member-pool.ts'
import { Messenger } from '../../lib/chat/messenger.ts'
import { createPeer, tmpDir } from '../helpers/peers.ts'
import { cleanup } from '../helpers/netns.ts'
import { memberNode } from '../../bin/relay-node.ts'
import { silentLog } from '../../lib/log.ts'
import { startApi } from './harness.ts'

// A node that stops before it has every block of a feed it knows of cannot
// start again offline (lib/chat: Messenger.follow awaits those blocks, and
// only a peer can bring them). Until the chat layer fixes that, tests that
// stop a member first wait until it has the relay's whole directory feed,
// whose last entry, here, creates #ops.
async function relayWithOps (relay: Messenger): Promise<void> {
  await relay.join('#ops')
}

async function hasDirectory (m: Messenger): Promise<void> {
  while (!m.chats().some(c => c.name === '#ops')) await once(m as unknown as EventEmitter, 'chats')
}

test('a token survives a restart of the pool and the server; only its hash is on disk', async t => {
  let api = await startApi(t)
  await relayWithOps(api.relay.m)
  const bot = await api.connect('bot')
  const sent = await api.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: 'before the restart' } })
  t.equal(sent.status, 200, 'sent')

  const file = await fs.readFile(path.join(api.dir, 'members.json'), 'utf8')
  t.notOk(file.includes(bot.token), 'members.json does not hold the token')
  t.ok(file.includes(hashToken(bot.token)), 'only its SHA-256')
  t.equal((await fs.stat(path.join(api.dir, 'members.json'))).mode & 0o777, 0o600, 'and is private to the relay user')
  t.ok((await fs.stat(path.join(api.dir, 'members', 'bot', 'identity.json'))).isFile(), 'the member\'s identity is in members/bot/')

  await hasDirectory(api.pool.byToken(bot.token)!.messenger)
  api = await api.restart()
  const st = await api.call('GET', '/status', { token: bot.token })
  t.equal(st.status, 200, 'the old token works after the restart')
  t.equal(st.json.id, bot.id, 'for the same identity')
  const msgs = await api.call('GET', '/messages?chat=%23general', { token: bot.token })
  t.ok((msgs.json.messages as Array<{ text: string, own: boolean }>).some(m => m.text === 'before the restart' && m.own), 'with its history')
  const again = await api.call('POST', '/connect', { token: bot.token, json: { name: 'bot' } })
  t.equal(again.status, 200, 'connecting again with the token loads the member')
  t.equal(again.json.id, bot.id, 'the same one')
})

test('members are online at the relay node from the pool\'s start, and the link comes back when cut', async t => {
  const dir = await tmpDir(t, 'relay')
  const relay = await createPeer(t, 'relay', {}, dir)
  await relayWithOps(relay.m)
  let pool = new MemberPool({ relay: relay.m, dataDir: dir, member: memberNode(relay.m, dir, silentLog) })
  await pool.ready()
  const { member } = await pool.connect('bot')
  await hasDirectory(member.messenger)
  await relay.waitPeer(e => e.state === 'online' && e.id === member.messenger.id, 'bot online at the relay node')
  t.equal(member.link.opened, 1, 'one link')

  // The relay node sees no offline/online flap: the link is back within
  // the chat layer's offline grace.
  const relinked = once(member.link, 'linked')
  member.link.cut()
  await relinked
  t.equal(member.link.opened, 2, 'the link was made again')
  const seen = relay.peers.length
  await member.messenger.send('#general', 'after the cut')
  await relay.waitMessage(e => e.text === 'after the cut', 'messages flow again')
  t.pass('messages flow over the new link')

  await pool.close()
  await relay.waitPeer(e => e.state === 'offline' && relay.peers.indexOf(e) >= seen, 'bot offline when the pool closes')
  t.equal(member.link.opened, 2, 'a closed pool does not link again')

  pool = new MemberPool({ relay: relay.m, dataDir: dir, member: memberNode(relay.m, dir, silentLog) })
  cleanup(t, () => pool.close())
  const online = relay.peers.length
  await pool.ready()
  await relay.waitPeer(e => e.state === 'online' && relay.peers.indexOf(e) >= online, 'bot online again after the pool restarts, with no request')
  t.equal(pool.size, 1, 'the member is open (so closing the pool released its folder)')
})

test('connect: names, concurrent connects, the member limit, and none after close', async t => {
  const dir = await tmpDir(t, 'relay')
  const relay = await createPeer(t, 'relay', {}, dir)
  const pool = new MemberPool({ relay: relay.m, dataDir: dir, member: memberNode(relay.m, dir, silentLog), maxMembers: 2 })
  cleanup(t, () => pool.close())
  await pool.ready()

  for (const name of ['..', '../x', '.bot', 'a b', 'a/b', '', 'x'.repeat(33)]) {
    await pool.connect(name).then(() => t.fail(`${name} accepted`), err => t.equal(err.code, 'BAD_NAME', `${JSON.stringify(name)}: BAD_NAME`))
  }
  const [one, two] = await Promise.allSettled([pool.connect('bot'), pool.connect('bot')])
  t.equal(one.status, 'fulfilled', 'the first connect creates bot')
  t.equal(two.status === 'rejected' && (two.reason as { code: string }).code, 'NAME_TAKEN', 'the second, with no token, is refused')
  const token = one.status === 'fulfilled' ? one.value.token : ''
  t.equal(pool.byToken(token)?.name, 'bot', 'byToken finds it')
  t.equal(pool.byToken('00'.repeat(32)), null, 'an unknown token finds nothing')
  const same = await pool.connect('bot', token)
  t.equal(same.created, false, 'with its token: loaded, not created')
  await pool.connect('bob')
  await pool.connect('carol').then(() => t.fail('past the limit'), err => t.equal(err.code, 'FORBIDDEN', 'at most maxMembers'))

  await pool.close()
  await pool.connect('dave').then(() => t.fail('connect after close'), err => t.equal(err.code, 'CLOSED', 'a closed pool refuses'))
})

test('a member whose node cannot open is unavailable (503); the relay and other members carry on', async t => {
  const first = await startApi(t)
  await relayWithOps(first.relay.m)
  const bot = await first.connect('bot')
  await hasDirectory(first.pool.byToken(bot.token)!.messenger)
  await first.server.close()
  await first.pool.close()
  // Another process has bot's folder.
  const other = new Messenger({ dataDir: path.join(first.dir, 'members', 'bot'), network: false })
  cleanup(t, () => other.close())
  await other.ready()

  const api = await startApi(t, { dir: first.dir, relay: first.relay })
  t.pass('the pool starts without bot')
  const st = await api.call('GET', '/status', { token: bot.token })
  t.equal(st.status, 503, 'bot\'s token: 503')
  t.equal(st.json.error?.code, 'UNAVAILABLE', 'UNAVAILABLE, not an unknown token')
  const again = await api.call('POST', '/connect', { token: bot.token, json: { name: 'bot' } })
  t.equal(again.json.error?.code, 'DATA_LOCKED', 'connecting as bot says its folder is in use')
  const bob = await api.connect('bob')
  t.equal((await api.call('POST', '/send', { token: bob.token, json: { chat: '#general', text: 'hi' } })).status, 200, 'another member works')
})

test('a corrupt members.json stops the pool with DATA_CORRUPT', async t => {
  const dir = await tmpDir(t, 'relay')
  const relay = await createPeer(t, 'relay', {}, dir)
  await fs.writeFile(path.join(dir, 'members.json'), '{"version":1,"members":{"bot":{"tokenHash":"nope"}}}')
  const pool = new MemberPool({ relay: relay.m, dataDir: dir, member: memberNode(relay.m, dir, silentLog) })
  cleanup(t, () => pool.close())
  await pool.ready().then(() => t.fail('loaded'), err => t.equal(err.code, 'DATA_CORRUPT', 'DATA_CORRUPT'))
})
