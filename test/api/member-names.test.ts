// Issue 10, finding 12: a script that reaches the API cannot take the name
// of a person the relay knows; the person keeps it plain and `@alice` keeps
// meaning her.
import test from 'tape'
import { connect, createPeer } from '../helpers/peers.ts'
import { startApi } from './harness.ts'

test('POST /connect refuses a name in use by someone else: 409 NAME_TAKEN, look-alikes too', async t => {
  const api = await startApi(t)
  const alice = await createPeer(t, 'alice')
  connect(api.relay, alice)
  await api.relay.waitPeer(e => e.state === 'online' && e.id === alice.m.id, 'alice online at the relay')

  for (const name of ['alice', 'Alice', 'a1ice']) {
    const r = await api.call('POST', '/connect', { json: { name } })
    t.equal(r.status, 409, `${name}: 409`)
    t.equal((r.json as { error?: { code: string } }).error?.code, 'NAME_TAKEN', `${name}: NAME_TAKEN`)
  }
  const posing = await api.call('POST', '/connect', { json: { name: `alice.${alice.m.id.slice(0, 4)}` } })
  t.equal(posing.status, 400, 'a name that looks suffixed is refused')
  t.equal((posing.json as { error?: { code: string } }).error?.code, 'BAD_NAME')
  t.equal(api.pool.size, 0, 'no member was created for any of them')

  const bot = await api.connect('helper')
  t.ok(bot.token, 'a free name still works')
  t.equal(api.relay.m.person(alice.m.id).display, 'alice', 'alice is still plain at the relay')
  t.equal(await api.relay.m.openDirect('@alice'), '@alice', '@alice still resolves to her')
  const sent = await api.call('POST', '/send', { token: bot.token, json: { chat: '@alice', text: 'hi alice' } })
  t.equal(sent.status, 200, 'the README\'s {"chat":"@alice"} works for a member')
  const member = api.pool.byToken(bot.token)!.messenger
  t.equal(member.resolve('@alice'), '@' + alice.m.id, 'and means her')
  t.equal(alice.m.person(alice.m.id).display, 'alice', 'she sees herself plain')
})
