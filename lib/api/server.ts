// The relay's HTTP API (DESIGN.md §7, issue 5): node:http, the route table
// of routes.ts, and the rules every route shares: bearer tokens, rate
// limits, bounded JSON bodies, and errors as JSON with a status from one
// table (api-error.ts). Bad input is never a 500 and no answer carries a
// stack trace.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Messenger } from '../chat/messenger.ts'
import type { MessageEvent } from '../chat/events.ts'
import { hallwayError } from '../errors.ts'
import { ApiMetrics } from './api-metrics.ts'
import { apiError, errorReply } from './api-error.ts'
import { ConnectionCap } from './connection-cap.ts'
import { DocsPage } from './docs-page.ts'
import { EventFanout } from './event-fanout.ts'
import type { EventStream } from './event-stream.ts'
import { HostCheck } from './host-check.ts'
import { DEFAULT_BODY_LIMIT, readJsonBody } from './json-body.ts'
import type { ApiMember, MemberPool } from './member-pool.ts'
import { buildOpenApi } from './openapi.ts'
import { RateLimiter, type RateLimit } from './rate-limiter.ts'
import type { Reply, Route } from './route.ts'
import { apiRoutes } from './routes.ts'
import type { RelayStats } from './schemas.ts'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8000
// Per member token: a burst of 30 requests, then 5 a second.
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 30, perSecond: 5 }
// POST /connect per client address: 10 at once, then one every 6 s.
export const DEFAULT_CONNECT_RATE_LIMIT: RateLimit = { burst: 10, perSecond: 1 / 6 }
// Connections held at once (issue 10, finding 7): in all, and from one
// address. Every client on this machine comes from 127.0.0.1, so the
// per-address cap leaves room for 64 members with an event stream and a
// request each.
export const DEFAULT_MAX_CONNECTIONS = 512
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 160
// A request head must arrive within 10 s and a whole request within 30 s;
// Node checks every second (its default, 30 s, let a stalled connection
// stay three times its timeout).
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
// The version of the API contract (the OpenAPI document's info.version).
export const API_VERSION = '1.0.0'

export interface ApiServerOptions {
  // The relay's own node.
  relayMessenger: Messenger
  members: MemberPool
  // The relay's figures, read for /status and /metrics.
  stats: () => RelayStats
  host?: string
  port?: number
  log?: Messenger['log']
  // Largest request body in bytes (default 64 KiB).
  bodyLimit?: number
  rateLimit?: RateLimit
  connectRateLimit?: RateLimit
  // Keep-alive comments on /events (default 15 s).
  keepAliveMs?: number
  // Host names answered besides 127.0.0.1, localhost, [::1] and the listen
  // address (--http-host): Host and Origin must name one (host-check.ts).
  allowedHosts?: string[]
  maxConnections?: number
  maxConnectionsPerAddress?: number
  headersTimeoutMs?: number
  requestTimeoutMs?: number
}

export interface ListenAddress { host: string, port: number }

export function createApiServer (opts: ApiServerOptions): ApiServer {
  return new ApiServer(opts)
}

export class ApiServer {
  readonly opts: ApiServerOptions
  readonly metrics: ApiMetrics
  private readonly log: Messenger['log']
  private readonly server: http.Server
  private readonly routes = new Map<string, Map<string, Route>>()
  private readonly limiter: RateLimiter
  private readonly connectLimiter: RateLimiter
  private readonly hosts: HostCheck
  private readonly cap: ConnectionCap
  private readonly fanouts = new WeakMap<ApiMember, EventFanout>()
  private readonly streams = new Set<EventStream>()
  // Open sockets, and those with a request being answered: at close the
  // others go at once (clients may hold spare keep-alive connections that
  // never carried a request, which Node does not count as idle).
  private readonly sockets = new Set<Socket>()
  private readonly answering = new Set<Socket>()
  private readonly onRelayMessage = (e: MessageEvent): void => { if (!e.history) this.metrics.messageSeen() }
  private openapi: object | null = null
  private closing: Promise<void> | null = null
  address: ListenAddress | null = null

  constructor (opts: ApiServerOptions) {
    this.opts = opts
    this.log = opts.log ?? opts.relayMessenger.log.child({ module: 'api' })
    this.metrics = new ApiMetrics({ stats: opts.stats, members: () => opts.members.size })
    this.limiter = new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT)
    this.connectLimiter = new RateLimiter(opts.connectRateLimit ?? DEFAULT_CONNECT_RATE_LIMIT)
    const list = apiRoutes({
      relay: opts.relayMessenger,
      members: opts.members,
      stats: opts.stats,
      metrics: this.metrics,
      docs: new DocsPage(),
      fanout: member => this.fanout(member),
      streams: this.streams,
      openapi: () => this.openapi ??= buildOpenApi(list, {
        title: 'hallway relay HTTP API',
        version: API_VERSION,
        description: 'Be a member of a hallway workspace over HTTP: connect, send, read, and follow events. See docs/api.md.'
      }),
      ...(opts.keepAliveMs ? { keepAliveMs: opts.keepAliveMs } : {})
    })
    for (const r of list) {
      const byMethod = this.routes.get(r.path) ?? new Map<string, Route>()
      byMethod.set(r.method, r)
      this.routes.set(r.path, byMethod)
    }
    this.hosts = new HostCheck(opts.allowedHosts)
    this.cap = new ConnectionCap({
      max: opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      perAddress: opts.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
      refused: (address, reason) => this.log.warn({ address, reason, refused: this.cap.refusals }, 'HTTP API connection refused: too many open')
    })
    // Slow or stalled clients cannot hold sockets for long, and are dropped
    // on time; a connection that sends nothing counts as a stalled head
    // (test/faults/http-api.test.ts). /events is a response, so it is not
    // bound by these.
    const headersTimeout = opts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS
    this.server = http.createServer({
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4)))
    }, (req, res) => { this.handle(req, res).catch(err => this.fail(res, err, 'unknown')) })
    this.server.on('connection', socket => {
      if (!this.cap.admit(socket)) return
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
    })
    opts.relayMessenger.on('message', this.onRelayMessage)
  }

  listen (): Promise<ListenAddress> {
    const host = this.opts.host ?? DEFAULT_HOST
    const port = this.opts.port ?? DEFAULT_PORT
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(err.code === 'EADDRINUSE'
          ? hallwayError('PORT_IN_USE', `the HTTP API cannot listen on ${host}:${port}: the port is in use (--http HOST:PORT)`, err)
          : err)
      }
      this.server.once('error', onError)
      this.server.listen(port, host, () => {
        this.server.off('error', onError)
        const a = this.server.address() as AddressInfo
        this.address = { host: a.address, port: a.port }
        this.hosts.listening(a.address, a.port)
        this.log.info({ host: a.address, port: a.port }, 'HTTP API listening')
        resolve(this.address)
      })
    })
  }

  // Ends the event streams and stops listening. The member pool and the
  // messengers belong to the caller, who closes them after this.
  close (): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async shutdown (): Promise<void> {
    this.opts.relayMessenger.off('message', this.onRelayMessage)
    for (const s of this.streams) s.end()
    if (!this.server.listening) return
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()))
    for (const socket of this.sockets) if (!this.answering.has(socket)) socket.destroy()
    // Requests still running get a moment to finish, then their sockets go.
    const timer = setTimeout(() => this.server.closeAllConnections(), 2000)
    await closed
    clearTimeout(timer)
  }

  // Connections held now, and those refused at a cap since the start.
  connectionCount (): number {
    return this.cap.size
  }

  get refusedConnections (): number {
    return this.cap.refusals
  }

  private fanout (member: ApiMember): EventFanout {
    let f = this.fanouts.get(member)
    if (!f) {
      f = new EventFanout(member.messenger)
      this.fanouts.set(member, f)
    }
    return f
  }

  private async handle (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    let label = 'unknown'
    const socket = req.socket
    this.answering.add(socket)
    res.once('close', () => this.answering.delete(socket))
    res.on('finish', () => {
      this.metrics.request(label, res.statusCode)
      this.log.debug({ method: req.method, route: label, status: res.statusCode, ms: Date.now() - started }, 'http')
    })
    try {
      if (this.closing) throw hallwayError('CLOSED', 'the relay is shutting down')
      this.hosts.check(req.headers.host, req.headers.origin)
      const url = parseUrl(req.url)
      const redirect = this.slashRedirect(url.pathname)
      if (redirect !== null) return send(res, { content: '', type: 'text/plain', status: 308, headers: { location: redirect } })
      const route = this.route(req.method ?? 'GET', url.pathname)
      label = route.path
      const token = route.auth || route.path === '/connect' ? bearer(req.headers.authorization) : null
      let member: ApiMember | null = null
      if (route.auth) {
        if (token === null) throw unauthorized('send Authorization: Bearer TOKEN, with the token POST /connect returned')
        member = this.opts.members.byToken(token)
        if (!member && this.opts.members.knows(token)) throw apiError('UNAVAILABLE', 'this member\'s node is not open (the relay log says why): try again later')
        if (!member) throw unauthorized('unknown token: POST /connect for one')
        this.opts.members.touch(member)
        this.limit(this.limiter, 'member:' + member.name)
      } else if (route.path === '/connect') {
        this.limit(this.connectLimiter, 'addr:' + (req.socket.remoteAddress ?? ''))
      }
      const body = route.body ? await readJsonBody(req, this.opts.bodyLimit ?? DEFAULT_BODY_LIMIT) : undefined
      const reply = await route.handle({ req, res, url, member, token, body })
      send(res, reply)
    } catch (err) {
      this.fail(res, err, label)
    }
  }

  private route (method: string, pathname: string): Route {
    const byMethod = this.routes.get(pathname)
    if (!byMethod) throw apiError('NOT_FOUND', `no route ${pathname}: see /openapi.json`)
    const route = byMethod.get(method)
    if (!route) {
      const allow = [...byMethod.keys()].join(', ')
      throw apiError('METHOD_NOT_ALLOWED', `${pathname} takes ${allow}`, { allow })
    }
    return route
  }

  // `/docs/` -> `/docs`, as a relative link so that a path prefix survives.
  private slashRedirect (pathname: string): string | null {
    if (pathname.length < 2 || !pathname.endsWith('/') || !this.routes.has(pathname.slice(0, -1))) return null
    return '../' + pathname.slice(0, -1).split('/').pop()!
  }

  private limit (limiter: RateLimiter, key: string): void {
    const wait = limiter.take(key)
    if (wait > 0) throw apiError('RATE_LIMITED', `too many requests: try again in ${wait} s`, { 'retry-after': String(wait) })
  }

  private fail (res: ServerResponse, err: unknown, label: string): void {
    const reply = errorReply(err)
    if (reply.internal) this.log.error({ route: label, err: err instanceof Error ? err.stack : String(err) }, 'HTTP API internal error')
    if (res.headersSent) {
      res.destroy()
      return
    }
    const headers: Record<string, string> = { ...reply.headers }
    if (reply.status === 401) headers['www-authenticate'] = 'Bearer'
    // The request body may be unread (too large, wrong type): do not try to
    // read on for the next request on this connection.
    if (reply.status === 413 || reply.status === 415) headers.connection = 'close'
    writeJson(res, reply.status, reply.body, headers)
  }
}

function send (res: ServerResponse, reply: Reply): void {
  if (reply === null) return
  if ('json' in reply) return writeJson(res, reply.status ?? 200, reply.json)
  const body = typeof reply.content === 'string' ? Buffer.from(reply.content) : reply.content
  res.writeHead(reply.status ?? 200, { ...reply.headers, 'content-type': reply.type, 'content-length': body.length })
  res.end(body)
}

function writeJson (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': body.length })
  res.end(body)
}

// The request target is always origin-form (`/path?query`) for this server;
// `//x` stays a path, never a host.
function parseUrl (raw: string | undefined): URL {
  if (!raw || !raw.startsWith('/')) throw apiError('BAD_REQUEST', 'the request target must be a path')
  try {
    return new URL('http://api' + raw)
  } catch {
    throw apiError('BAD_REQUEST', 'the request target is not a valid path')
  }
}

function bearer (header: string | undefined): string | null {
  if (header === undefined) return null
  const m = /^Bearer +([0-9a-f]{64})\s*$/i.exec(header)
  if (!m) throw unauthorized('the Authorization header must be `Bearer TOKEN` with the 64 hex digits POST /connect returned')
  return m[1]!.toLowerCase()
}

function unauthorized (message: string): Error {
  return apiError('UNAUTHORIZED', message)
}
