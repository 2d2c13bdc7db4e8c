// Every error status of the HTTP API, each as JSON {"error":{code,message}}
// with the documented code; bad input is never a 500.
import http from 'node:http'
import test from 'tape'
import type { Log } from '../../lib/log.ts'
import { ErrorBody } from '../../lib/api/schemas.ts'
import { matches, startApi, type Answer } from './harness.ts'

function isError (t: test.Test, a: Answer, status: number, code: string, what: string): void {
  t.equal(a.status, status, `${what}: ${status}`)
  t.equal(a.json.error?.code, code, `${what}: ${code}`)
  matches(t, ErrorBody, a.json, `${what}: the body`)
}

test('400: bad JSON, bad fields, and input the chat layer refuses', async t => {
  const api = await startApi(t)
  const { token } = await api.connect('bot')
  const post = (path: string, body: string): Promise<Answer> => api.call('POST', path, { token, body, headers: { 'content-type': 'application/json' } })

  isError(t, await post('/connect', '{"name":'), 400, 'BAD_REQUEST', 'truncated JSON')
  isError(t, await post('/connect', ''), 400, 'BAD_REQUEST', 'an empty body')
  isError(t, await post('/connect', '[]'), 400, 'BAD_REQUEST', 'an array')
  isError(t, await post('/connect', '"bot"'), 400, 'BAD_REQUEST', 'a string')
  isError(t, await post('/connect', 'null'), 400, 'BAD_REQUEST', 'null')
  isError(t, await post('/connect', '{}'), 400, 'BAD_REQUEST', 'no name')
  isError(t, await post('/connect', '{"name":"bot","admin":true}'), 400, 'BAD_REQUEST', 'an unknown field')
  isError(t, await post('/connect', '{"name":7}'), 400, 'BAD_REQUEST', 'a number for a name')
  for (const name of ['../etc', '.hidden', 'a b', 'a/b', '', 'x'.repeat(33), 'al@ice', '#bot']) {
    isError(t, await post('/connect', JSON.stringify({ name })), 400, 'BAD_REQUEST', `the name ${JSON.stringify(name)}`)
  }
  const badUtf8 = await api.call('POST', '/send', { token, headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0xff, 0x7d]) as unknown as string })
  isError(t, badUtf8, 400, 'BAD_REQUEST', 'bytes that are not UTF-8')

  isError(t, await post('/send', '{"chat":"#general"}'), 400, 'BAD_REQUEST', 'no text')
  isError(t, await post('/send', '{"chat":"general","text":"x"}'), 400, 'BAD_REQUEST', 'a chat with no # or @')
  isError(t, await post('/send', '{"chat":"#no way","text":"x"}'), 400, 'BAD_REQUEST', 'a channel with a space')
  isError(t, await post('/send', '{"chat":"#general","text":["x"]}'), 400, 'BAD_REQUEST', 'text as a list')
  isError(t, await post('/send', '{"chat":"#general","text":"   "}'), 400, 'EMPTY_MESSAGE', 'blank text')
  const long = await post('/send', JSON.stringify({ chat: '#typo', text: 'x'.repeat(4001) }))
  isError(t, long, 400, 'MESSAGE_TOO_LONG', 'a 4001-character message')
  const st = await api.call('GET', '/status', { token })
  t.notOk((st.json.chats as Array<{ name: string }>).some(c => c.name === '#typo'), 'a refused message joins no channel')

  for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'limit=2.5', 'limit=5&chat=%23x', 'before=nonsense', 'color=red']) {
    isError(t, await api.call('GET', `/messages?chat=%23general&${q}`, { token }), 400, 'BAD_REQUEST', `the query ${q}`)
  }
  isError(t, await api.call('GET', '/messages', { token }), 400, 'BAD_REQUEST', 'no chat')
})

test('401: no token, an unknown one, a malformed header', async t => {
  const api = await startApi(t)
  await api.connect('bot')
  const none = await api.call('GET', '/status')
  isError(t, none, 401, 'UNAUTHORIZED', 'no token')
  t.equal(none.headers.get('www-authenticate'), 'Bearer', 'says Bearer')
  isError(t, await api.call('GET', '/status', { token: 'ab'.repeat(32) }), 401, 'UNAUTHORIZED', 'an unknown token')
  isError(t, await api.call('GET', '/events', { headers: { authorization: 'Basic Ym90OmJvdA==' } }), 401, 'UNAUTHORIZED', 'Basic auth')
  isError(t, await api.call('POST', '/send', { headers: { authorization: 'Bearer short' }, json: { chat: '#general', text: 'x' } }), 401, 'UNAUTHORIZED', 'a malformed token')
  const metrics = await api.call('GET', '/metrics', { headers: { authorization: 'Basic eDp5' } })
  t.equal(metrics.status, 200, 'public routes ignore Authorization')
})

test('403, 404, 405, 409: member limit, unknown things, wrong method, a taken name', async t => {
  const api = await startApi(t, { pool: { maxMembers: 2 } })
  const bot = await api.connect('bot')
  const bob = await api.connect('bob')
  isError(t, await api.call('POST', '/connect', { json: { name: 'third' } }), 403, 'FORBIDDEN', 'past the member limit')

  isError(t, await api.call('GET', '/nope'), 404, 'NOT_FOUND', 'an unknown route')
  isError(t, await api.call('GET', '/status/x', { token: bot.token }), 404, 'NOT_FOUND', 'below a route')
  isError(t, await api.call('POST', '/send', { token: bot.token, json: { chat: '@nobody', text: 'hi' } }), 404, 'UNKNOWN_PERSON', 'a DM to nobody')
  isError(t, await api.call('GET', '/messages?chat=%23elsewhere', { token: bot.token }), 404, 'NOT_FOLLOWING', 'a channel the member is not in')
  isError(t, await api.call('GET', '/messages?chat=%40nobody', { token: bot.token }), 404, 'UNKNOWN_PERSON', 'history with nobody')

  const get = await api.call('GET', '/send', { token: bot.token })
  isError(t, get, 405, 'METHOD_NOT_ALLOWED', 'GET /send')
  t.equal(get.headers.get('allow'), 'POST', 'Allow: POST')
  isError(t, await api.call('DELETE', '/status', { token: bot.token }), 405, 'METHOD_NOT_ALLOWED', 'DELETE /status')

  isError(t, await api.call('POST', '/connect', { json: { name: 'bot' } }), 409, 'NAME_TAKEN', 'an existing name without its token')
  isError(t, await api.call('POST', '/connect', { token: bob.token, json: { name: 'bot' } }), 409, 'NAME_TAKEN', 'with another member\'s token')
  const again = await api.call('POST', '/connect', { token: bot.token, json: { name: 'bot' } })
  t.equal(again.status, 200, 'with its own token: loaded')
  t.equal(again.json.id, bot.id, 'the same identity')
  t.equal(again.json.token, bot.token, 'the same token')
})

test('413 and 415: a body over the limit (declared or streamed), a body that is not JSON', async t => {
  const api = await startApi(t, { server: { bodyLimit: 1024 } })
  const { token } = await api.connect('bot')
  const big = JSON.stringify({ chat: '#general', text: 'x'.repeat(2000) })
  isError(t, await api.call('POST', '/send', { token, body: big, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE', 'a declared length over 1 KiB')

  // Chunked, no length: refused once past the limit, without reading on.
  const url = new URL(api.base)
  const streamed = await new Promise<{ status: number, body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: '/send', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, res => {
      let body = ''
      res.on('data', (c: Buffer) => { body += c.toString() })
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    const chunk = 'x'.repeat(512)
    req.write('{"chat":"#general","text":"')
    // Keeps writing until the answer comes; the server stops reading.
    let writes = 0
    const pump = (): void => {
      if (req.destroyed || writes++ > 10_000) return
      if (req.write(chunk)) setImmediate(pump)
      else req.once('drain', pump)
    }
    pump()
  })
  t.equal(streamed.status, 413, 'a chunked body over 1 KiB: 413')
  t.equal(JSON.parse(streamed.body).error.code, 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE')

  const text = await api.call('POST', '/send', { token, body: 'chat=#general&text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  isError(t, text, 415, 'UNSUPPORTED_MEDIA_TYPE', 'a form body')
  isError(t, await api.call('POST', '/send', { token, body: '{"chat":"#general","text":"hi"}' , headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'JSON sent as text/plain')
  const ok = await api.call('POST', '/send', { token, json: { chat: '#general', text: 'still fine' } })
  t.equal(ok.status, 200, 'the server carries on')
})

test('429: a token bucket per member, and one per address for /connect', async t => {
  const api = await startApi(t, { server: { rateLimit: { burst: 3, perSecond: 0.01 }, connectRateLimit: { burst: 2, perSecond: 0.01 } } })
  const bot = await api.connect('bot')
  const bob = await api.connect('bob')
  isError(t, await api.call('POST', '/connect', { json: { name: 'carol' } }), 429, 'RATE_LIMITED', 'a third /connect from one address')
  for (let i = 0; i < 3; i++) t.equal((await api.call('GET', '/status', { token: bot.token })).status, 200, `request ${i + 1} of the burst`)
  const limited = await api.call('GET', '/status', { token: bot.token })
  isError(t, limited, 429, 'RATE_LIMITED', 'the fourth')
  t.ok(Number(limited.headers.get('retry-after')) >= 1, 'with Retry-After in seconds')
  t.equal((await api.call('GET', '/status', { token: bob.token })).status, 200, 'another member has its own bucket')
})

test('500: a fault in the relay is logged, and answered INTERNAL with no stack', async t => {
  const logged: Array<Record<string, unknown>> = []
  const log: Log = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (obj, msg) => { logged.push({ ...obj, msg }) },
    child: () => log
  }
  const api = await startApi(t, { server: { log, stats: () => { throw new Error('disk went away') } } })
  const { token } = await api.connect('bot')
  const a = await api.call('GET', '/status', { token })
  isError(t, a, 500, 'INTERNAL', 'stats() threw')
  t.notOk(a.text.includes('disk went away') || a.text.includes('at '), 'no detail or stack in the answer')
  t.equal(logged.length, 1, 'logged once')
  t.ok(String(logged[0]?.err).includes('disk went away'), 'with the error and its stack')
})

test('junk input never makes a 500', async t => {
  const api = await startApi(t)
  const { token } = await api.connect('bot')
  const junk = ['{', '}', '{"a":', '{"chat":null,"text":null}', '{"chat":"@","text":"x"}', '{"chat":"#","text":"x"}',
    '{"chat":"@\\u0000","text":"x"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '1e999', '"\\ud800"',
    JSON.stringify({ chat: '@' + 'x'.repeat(40), text: 'x' }), JSON.stringify({ chat: '#general', text: '\u0000\u202e' })]
  for (const body of junk) {
    for (const path of ['/connect', '/send']) {
      const a = await api.call('POST', path, { token, body, headers: { 'content-type': 'application/json' } })
      t.ok(a.status < 500, `${path} ${body.slice(0, 30)}: ${a.status} ${a.json.error?.code ?? ''}`)
    }
  }
  for (const q of ['chat=%ZZ', 'chat=%40%40', 'chat=%23general&before=', 'chat[]=x', '%00=1']) {
    const a = await api.call('GET', `/messages?${q}`, { token })
    t.ok(a.status < 500, `/messages?${q}: ${a.status}`)
  }
})
