// A relay stand-in (a plain Messenger with no network), a MemberPool on its
// data folder and the HTTP API on 127.0.0.1 port 0, all in this process;
// plus a small HTTP client (Node's fetch) and an SSE reader that waits on
// events. Teardown runs LIFO: server, pool, relay node, folder.
import type { Test } from 'tape'
import { Ajv, type ValidateFunction } from 'ajv'
import type { TSchema } from '@sinclair/typebox'
import type { Messenger } from '../../lib/chat/messenger.ts'
import { linkInMemory } from '../../lib/chat/memory-link.ts'
import { createApiServer, MemberPool, type ApiServer, type ApiServerOptions, type MemberPoolOptions, type RelayStats } from '../../lib/api/index.ts'
import { cleanup } from '../helpers/netns.ts'
import { memberNode } from '../../bin/relay-node.ts'
import { silentLog } from '../../lib/log.ts'
import { createPeer, tmpDir, type TestPeer } from '../helpers/peers.ts'

export const STATS: RelayStats = {
  chats: 3,
  feeds: 7,
  blocks: 120,
  bytes: 54321,
  connections: 2,
  uptimeMs: 61000,
  blocksServed: 42,
  refusals: { 'block-too-large': 2, 'rate-limit': 5 },
  diskFree: 9_000_000_000,
  accepting: true
}

const LOOSE = { burst: 10_000, perSecond: 10_000 }

export interface Api {
  relay: TestPeer
  pool: MemberPool
  server: ApiServer
  base: string
  dir: string
  call (method: string, path: string, opts?: CallOptions): Promise<Answer>
  connect (name: string): Promise<{ token: string, id: string, body: Record<string, unknown> }>
  events (token: string): Promise<EventReader>
  restart (opts?: Partial<ApiServerOptions>): Promise<Api>
}

export interface CallOptions {
  token?: string
  json?: unknown
  body?: string
  headers?: Record<string, string>
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  // Parsed when the answer is JSON.
  json: Record<string, unknown> & { error?: { code: string, message: string } }
}

export interface ApiOptions {
  server?: Partial<ApiServerOptions>
  pool?: Partial<MemberPoolOptions>
  dir?: string
  relay?: TestPeer
}

export async function startApi (t: Test, opts: ApiOptions = {}): Promise<Api> {
  const dir = opts.dir ?? await tmpDir(t, 'relay')
  const relay = opts.relay ?? await createPeer(t, 'relay', {}, dir)
  const pool = new MemberPool({ relay: relay.m, dataDir: dir, member: memberNode(relay.m, dir, silentLog), ...opts.pool })
  cleanup(t, () => pool.close())
  await pool.ready()
  // Limits out of the way unless a test sets them (errors.test.ts does).
  const server = createApiServer({ relayMessenger: relay.m, members: pool, stats: () => STATS, host: '127.0.0.1', port: 0, rateLimit: LOOSE, connectRateLimit: LOOSE, ...opts.server })
  cleanup(t, () => server.close())
  const { host, port } = await server.listen()
  const base = `http://${host}:${port}`

  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...o.headers }
    if (o.token) headers.authorization = `Bearer ${o.token}`
    let body: string | undefined = o.body
    if (o.json !== undefined) {
      body = JSON.stringify(o.json)
      headers['content-type'] ??= 'application/json'
    }
    const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' })
    const text = await res.text()
    let json = {}
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) json = JSON.parse(text)
    return { status: res.status, headers: res.headers, text, json }
  }

  const api: Api = {
    relay,
    pool,
    server,
    base,
    dir,
    call,
    async connect (name) {
      const a = await call('POST', '/connect', { json: { name } })
      if (a.status !== 200) throw new Error(`connect ${name}: ${a.status} ${a.text}`)
      return { token: a.json.token as string, id: a.json.id as string, body: a.json }
    },
    events: token => openEvents(t, base, token),
    async restart (serverOpts = {}) {
      await server.close()
      await pool.close()
      return startApi(t, { dir, relay, server: { ...opts.server, ...serverOpts }, ...(opts.pool ? { pool: opts.pool } : {}) })
    }
  }
  return api
}

export interface StreamEvent { event: string, data: Record<string, unknown> }

export interface EventReader {
  status: number
  headers: Headers
  events: StreamEvent[]
  comments: string[]
  wait (pred: (e: StreamEvent) => boolean, what: string): Promise<StreamEvent>
  // Resolves once cond() holds, checked after every frame (comments too).
  until (cond: () => boolean, what: string): Promise<void>
  close (): void
}

// Reads an SSE response as it comes; wait() resolves on the first event
// (already received or still to come) that matches.
export async function openEvents (t: Test, base: string, token: string): Promise<EventReader> {
  const abort = new AbortController()
  const res = await fetch(base + '/events', { headers: { authorization: `Bearer ${token}` }, signal: abort.signal })
  const events: StreamEvent[] = []
  const comments: string[] = []
  const waiters: Array<() => void> = []
  let ended = false
  const poke = (): void => { for (const w of waiters.splice(0)) w() }
  const reader: EventReader = {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    wait: async (pred, what) => {
      await reader.until(() => events.some(pred), what)
      return events.find(pred)!
    },
    until: (cond, what) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20000)
      const check = (): void => {
        if (cond()) {
          clearTimeout(timer)
          resolve()
        } else if (ended) {
          clearTimeout(timer)
          reject(new Error(`the stream ended before ${what}`))
        } else waiters.push(check)
      }
      check()
    }),
    close: () => abort.abort()
  }
  cleanup(t, () => abort.abort())
  if (res.status !== 200 || !res.body) {
    ended = true
    await res.text()
    return reader
  }
  void (async () => {
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true })
        let i: number
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i)
          buf = buf.slice(i + 2)
          let event = 'message'
          let data = ''
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim())
            else if (line.startsWith('event: ')) event = line.slice(7)
            else if (line.startsWith('data: ')) data += line.slice(6)
          }
          if (data) events.push({ event, data: JSON.parse(data) })
          poke()
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true
      poke()
    }
  })()
  return reader
}

// Two member nodes joined directly, as two nodes on a LAN would be. The
// stand-in relay (a plain Messenger) cannot carry direct messages: it has
// no key for them, and only the real relay stores them blind.
export function link (t: Test, a: Messenger, b: Messenger): void {
  const pair = linkInMemory(a, b)
  cleanup(t, () => pair.destroy())
}

// Response schemas are checked with a lenient ajv (the server's is strict
// for request schemas only).
const ajv = new Ajv({ strict: false, allErrors: true })
const compiled = new Map<TSchema, ValidateFunction>()

export function matches (t: Test, schema: TSchema, value: unknown, what: string): void {
  let v = compiled.get(schema)
  if (!v) {
    v = ajv.compile(schema)
    compiled.set(schema, v)
  }
  const ok = v(value)
  t.ok(ok, `${what} matches the ${schema.title ?? 'published'} schema${ok ? '' : ': ' + ajv.errorsText(v.errors)}`)
}
