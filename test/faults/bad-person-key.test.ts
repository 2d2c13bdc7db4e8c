// A direct chat with a key that is no person (issue 10, finding 10): an
// all-zero or otherwise invalid Ed25519 key makes the X25519 agreement
// throw. It must be a coded error that saves nothing, and a settings file
// that already holds one (written before the fix) must not stop the node.
import fs from 'node:fs/promises'
import path from 'node:path'
import test from 'tape'
import { SETTINGS_FILE } from '../../lib/chat/settings.ts'
import { createPeer } from '../helpers/peers.ts'
import { startApi } from '../api/harness.ts'

const ZERO = '0'.repeat(64)
// Not a point on the curve at all.
const OFF_CURVE = '02' + '00'.repeat(31)

test('POST /send to @<invalid key>: a 4xx with a code, nothing saved, and the member still opens after a restart', async t => {
  const api = await startApi(t)
  const bot = await api.connect('bot')
  for (const key of [ZERO, OFF_CURVE]) {
    const a = await api.call('POST', '/send', { token: bot.token, json: { chat: '@' + key, text: 'hi' } })
    t.equal(a.status, 404, `@${key.slice(0, 4)}…: 404`)
    t.equal(a.json.error?.code, 'UNKNOWN_PERSON', 'UNKNOWN_PERSON')
  }
  const node = api.pool.byToken(bot.token)!.messenger
  const again = await api.restart()
  // The pool's close saved the member's settings.
  const settings = JSON.parse(await fs.readFile(path.join(node.opts.dataDir, SETTINGS_FILE), 'utf8'))
  t.deepEqual(settings.dms, [], 'no DM saved')
  const st = await again.call('GET', '/status', { token: bot.token })
  t.equal(st.status, 200, 'the member opens and answers after a restart')
  const sent = await again.call('POST', '/send', { token: bot.token, json: { chat: '#general', text: 'after' } })
  t.equal(sent.status, 200, 'and sends')
  await again.relay.waitMessage(e => e.text === 'after', 'the message at the relay node')
})

test('a damaged dms entry in settings.json is skipped at start; the good ones are kept', async t => {
  const a = await createPeer(t, 'a')
  const b = await createPeer(t, 'b')
  const dir = a.dir
  await a.m.close()
  const file = path.join(dir, SETTINGS_FILE)
  const settings = JSON.parse(await fs.readFile(file, 'utf8'))
  settings.dms = [ZERO, OFF_CURVE, b.m.id]
  await fs.writeFile(file, JSON.stringify(settings))
  const again = await createPeer(t, 'a', {}, dir)
  const directs = again.m.chats().filter(c => c.direct)
  t.equal(directs.length, 1, 'one direct chat: the valid one')
  t.equal(directs[0]?.key, '@' + b.m.id, 'with b')
  await again.m.send('#general', 'works')
  await again.waitMessage(e => e.text === 'works', 'its own message')
})
