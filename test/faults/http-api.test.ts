// The HTTP API under attack (issue 10, finding 7): a web page that reaches
// it by DNS rebinding, a local script that fills the member slots, and a
// flood of half-open connections. Each test also shows an honest client
// still served.
import http from 'node:http'
import net from 'node:net'
import test from 'tape'
import { startApi, type Api } from '../api/harness.ts'

interface RawAnswer { status: number, json: { error?: { code: string }, token?: string } }

// node:http, not fetch: fetch will not send a Host header of our choosing.
function rawCall (api: Api, method: string, path: string, headers: Record<string, string>, json?: unknown, localAddress?: string): Promise<RawAnswer> {
  const { port } = api.server.address!
  const body = json === undefined ? undefined : JSON.stringify(json)
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method,
      path,
      ...(localAddress ? { localAddress } : {}),
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: false
    }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', c => { text += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text.startsWith('{') ? JSON.parse(text) : {} }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('a request for another Host is refused (DNS rebinding); loopback names and configured names are served', async t => {
  const api = await startApi(t, { server: { allowedHosts: ['relay.office.lan'] } })
  const { port } = api.server.address!
  const evil = await rawCall(api, 'POST', '/connect', { host: `evil.example:${port}` }, { name: 'mallory' })
  t.equal(evil.status, 421, 'Host evil.example: 421')
  t.equal(evil.json.error?.code, 'BAD_HOST', 'BAD_HOST')
  t.equal(evil.json.token, undefined, 'no token')
  const wrongPort = await rawCall(api, 'GET', '/metrics', { host: `localhost:${port + 1}` })
  t.equal(wrongPort.json.error?.code, 'BAD_HOST', 'a loopback name with another port is refused')
  const origin = await rawCall(api, 'POST', '/connect', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' }, { name: 'mallory' })
  t.equal(origin.status, 403, 'Origin evil.example: 403')
  t.equal(origin.json.error?.code, 'BAD_ORIGIN', 'BAD_ORIGIN')
  const nullOrigin = await rawCall(api, 'GET', '/metrics', { host: `127.0.0.1:${port}`, origin: 'null' })
  t.equal(nullOrigin.json.error?.code, 'BAD_ORIGIN', 'Origin null is refused')
  t.equal(api.pool.size, 0, 'no member was made')

  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `relay.office.lan:${port}`]) {
    const a = await rawCall(api, 'GET', '/openapi.json', { host })
    t.equal(a.status, 200, `Host ${host}: served`)
  }
  const page = await rawCall(api, 'GET', '/openapi.json', { host: `localhost:${port}`, origin: `http://localhost:${port}` })
  t.equal(page.status, 200, 'a page of the API itself (the docs) may call it')
  const bot = await rawCall(api, 'POST', '/connect', { host: `127.0.0.1:${port}` }, { name: 'bot' })
  t.equal(bot.status, 200, 'an honest bot with no Origin connects')
  t.equal(api.pool.size, 1, 'one member: the bot')
})

test('member slots cannot be taken for good: unused members expire and a member can remove itself', async t => {
  let now = Date.now()
  const api = await startApi(t, { pool: { maxMembers: 4, unusedMs: 60_000, now: () => now } })
  const { port } = api.server.address!
  const host = { host: `127.0.0.1:${port}` }
  // The attack: every slot taken from a few loopback addresses.
  const tokens: string[] = []
  for (let i = 0; i < 4; i++) {
    const a = await rawCall(api, 'POST', '/connect', host, { name: `junk${i}` }, `127.0.0.${2 + i % 2}`)
    t.equal(a.status, 200, `junk${i} created`)
    tokens.push(a.json.token!)
  }
  const refused = await rawCall(api, 'POST', '/connect', host, { name: 'bot' })
  t.equal(refused.json.error?.code, 'FORBIDDEN', 'while they are fresh, the pool is full')

  // junk0 is used once, so it is kept; the others never were.
  t.equal((await rawCall(api, 'GET', '/status', { ...host, authorization: `Bearer ${tokens[0]}` })).status, 200, 'junk0 used')
  now += 61_000
  const bot = await rawCall(api, 'POST', '/connect', host, { name: 'bot' })
  t.equal(bot.status, 200, 'once unused members have expired, a real bot gets in')
  t.equal(api.pool.size, 4, 'one slot was taken back, the oldest unused member\'s: the pool is full again')
  t.equal((await rawCall(api, 'GET', '/status', { ...host, authorization: `Bearer ${tokens[1]}` })).json.error?.code, 'UNAUTHORIZED', 'an expired member\'s token is gone')

  const stream = await api.events(tokens[0]!)
  await stream.wait(e => e.event === 'ready', 'junk0\'s event stream')
  const del = await rawCall(api, 'DELETE', '/connect', { ...host, authorization: `Bearer ${tokens[0]}` })
  t.equal(del.status, 200, 'DELETE /connect removes the member its token names')
  t.equal(api.pool.size, 3, 'junk0 is gone')
  await stream.until(() => false, 'the end of junk0\'s stream').then(() => t.fail('it goes on'), err => t.match(String(err), /ended/, 'its event stream ended'))
  t.equal((await rawCall(api, 'GET', '/status', { ...host, authorization: `Bearer ${tokens[0]}` })).json.error?.code, 'UNAUTHORIZED', 'its token no longer works')
  // Its slot is free; its name stays with the identity that wrote it in
  // the workspace directory (finding 12: a name in use is never handed on).
  const reuse = await rawCall(api, 'POST', '/connect', host, { name: 'junk0' })
  t.equal(reuse.json.error?.code, 'NAME_TAKEN', 'its name still belongs to the identity that used it')
  const again = await rawCall(api, 'POST', '/connect', host, { name: 'junk9' })
  t.equal(again.status, 200, 'its slot is free again')
  const sent = await rawCall(api, 'POST', '/send', { ...host, authorization: `Bearer ${bot.json.token}` }, { chat: '#general', text: 'still here' })
  t.equal(sent.status, 200, 'the bot sends')
  await api.relay.waitMessage(e => e.text === 'still here', 'the bot\'s message at the relay node')

  const restarted = await api.restart()
  t.equal(restarted.pool.size, 4, 'after a restart: the same four members')
  t.equal((await restarted.call('GET', '/status', { token: tokens[1] })).status, 401, 'nothing removed comes back')
  t.equal((await restarted.call('GET', '/status', { token: bot.json.token })).status, 200, 'the bot is there')
})

// Opens a socket that sends half a request head, or nothing, and then
// nothing more.
function halfOpen (port: number, localAddress: string, silent: boolean): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port, localAddress }, () => {
      s.resume() // read, so that the server's close is seen
      if (!silent) s.write(`POST /connect HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`)
      resolve(s)
    })
    s.on('error', () => {})
    s.once('error', reject)
  })
}

test('half-open connections: capped per address and in all, and dropped when the header timeout is up', async t => {
  const api = await startApi(t, { server: { maxConnections: 12, maxConnectionsPerAddress: 4, headersTimeoutMs: 500 } })
  const { port } = api.server.address!
  const sockets: net.Socket[] = []
  t.teardown(() => { for (const s of sockets) s.destroy() })
  const closed = new Set<net.Socket>()
  for (let i = 0; i < 30; i++) {
    const s = await halfOpen(port, '127.0.0.2', i % 2 === 1)
    s.on('close', () => closed.add(s))
    sockets.push(s)
  }
  // The server closes all but 4 of them; wait until it has.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${closed.size} of 26 closed`)), 5000)
    const check = (): void => { if (closed.size >= 26) { clearTimeout(timer); resolve() } }
    for (const s of sockets) s.on('close', check)
    check()
  }).catch(err => t.fail(String(err)))
  t.equal(closed.size, 26, 'past 4 from one address, connections are closed at once')
  t.ok(api.server.connectionCount() <= 4, `the server holds ${api.server.connectionCount()} of that address`)

  const bot = await rawCall(api, 'POST', '/connect', { host: `127.0.0.1:${port}` }, { name: 'bot' })
  t.equal(bot.status, 200, 'an honest client from another address is answered')

  // The 4 held ones (2 with half a head, 2 that sent nothing) go when their
  // 500 ms for the head is up, long before Node's default 30 s check.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the held sockets were not dropped within 5 s')), 5000)
    const check = (): void => { if (closed.size === 30) { clearTimeout(timer); resolve() } }
    for (const s of sockets) s.on('close', check)
    check()
  }).catch(err => t.fail(String(err)))
  t.equal(closed.size, 30, 'the header timeout closed the rest')
  t.equal(api.server.refusedConnections, 26, 'refusals are counted')
})
