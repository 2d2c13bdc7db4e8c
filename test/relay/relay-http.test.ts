// `hallway relay --http` as a real process, driven with curl inside the
// test namespace: a bot connects, talks with a headless node, reads back.
import type { Test } from 'tape'
import { createLoopbackNs, netnsTest, spawnIn, type Host, type ProcEvent } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { BIN, ROOT, isReady, isText, startNode } from '../helpers/node-proc.ts'

async function curl (t: Test, host: Host, args: string[]): Promise<ProcEvent> {
  const p = spawnIn(host, 'curl', ['-s', '--max-time', '20', ...args], { t })
  const body = await p.waitFor(() => true, { what: `curl ${args.join(' ')}`, timeoutMs: 25000 })
  await p.exited
  return body
}

netnsTest('relay HTTP API: a bot connects, sends, reads; a node sees it', async t => {
  const host = await createLoopbackNs({ t })
  const api = 'http://127.0.0.1:8123'
  const relay = spawnIn(host, process.execPath, ['--import', 'tsx', BIN, 'relay', '--data', await tmpDir(t, 'relay'), '--port', '7401', '--dht-port', '0', '--http', '127.0.0.1:8123'], { t, cwd: ROOT })
  const ready = await relay.waitFor(isReady, { what: 'relay ready', timeoutMs: 30000 })
  t.equal(ready.http, '127.0.0.1:8123', 'the API listens where asked')
  const node = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7402 })
  await node.waitFor(isReady, { what: 'alice ready', timeoutMs: 30000 })
  node.write('hello bots')
  await node.waitFor(isText('hello bots'), { what: 'alice sent' })

  const json = ['-H', 'content-type: application/json']
  const connected = await curl(t, host, [...json, '-d', '{"name":"bot"}', `${api}/connect`])
  t.equal(typeof connected.token, 'string', 'a token')
  const auth = ['-H', `authorization: Bearer ${String(connected.token)}`]
  const sent = await curl(t, host, [...json, ...auth, '-d', '{"chat":"#general","text":"beep from the bot"}', `${api}/send`])
  t.equal(typeof sent.id, 'string', 'sent: a message id')
  const got = await node.waitFor(isText('beep from the bot'), { what: 'the bot\'s message at alice', timeoutMs: 20000 })
  t.equal((got.from as { name: string }).name, 'bot', 'from the bot, a member of the workspace')

  const page = await curl(t, host, [...auth, `${api}/messages?chat=%23general&limit=5`])
  const texts = (page.messages as Array<{ text: string }>).map(m => m.text)
  t.ok(texts.includes('hello bots') && texts.includes('beep from the bot'), 'history through the API')
  const bad = await curl(t, host, [...json, ...auth, '-d', '{"chat":"#general"}', `${api}/send`])
  t.equal((bad.error as { code: string }).code, 'BAD_REQUEST', 'a bad body is a coded 400 error')
  const doc = await curl(t, host, [`${api}/openapi.json`])
  t.equal(String(doc.openapi).slice(0, 3), '3.1', 'OpenAPI 3.1 document')

  relay.kill('SIGTERM')
  t.equal((await relay.exited).code, 0, 'the relay exits 0 on SIGTERM')
})
