// What bin/ needs to serve the HTTP API from `hallway relay --http HOST:PORT`.
export {
  ApiServer, createApiServer, API_VERSION, DEFAULT_CONNECT_RATE_LIMIT, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT,
  type ApiServerOptions, type ListenAddress
} from './server.ts'
export { MemberPool, DEFAULT_MAX_MEMBERS, DEFAULT_OPEN_WAIT_MS, type ApiMember, type Connected, type MemberPoolOptions } from './member-pool.ts'
export { DEFAULT_BODY_LIMIT } from './json-body.ts'
export type { RelayStats } from './schemas.ts'
export type { RateLimit } from './rate-limiter.ts'
