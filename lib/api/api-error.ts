// Errors as the HTTP API answers them: `{"error":{"code","message"}}` with a
// status from ONE table, for the API's own codes and the chat layer's
// HallwayError codes alike. The table is exhaustive over both unions, so a
// new code anywhere is a compile error here until it has a status.
import { isHallwayError, type ErrorCode } from '../errors.ts'

export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UNKNOWN_MESSAGE'
  | 'METHOD_NOT_ALLOWED'
  | 'NAME_TAKEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'BAD_HOST'
  | 'BAD_ORIGIN'

const STATUS: Record<ApiErrorCode | ErrorCode, number> = {
  // The API's own
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_MESSAGE: 404,
  METHOD_NOT_ALLOWED: 405,
  NAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // A request for another host name (DNS rebinding), or from another site's page
  BAD_HOST: 421,
  BAD_ORIGIN: 403,
  // The caller's input, as the chat layer judges it
  BAD_ARGUMENT: 400,
  BAD_COMMAND: 400,
  UNKNOWN_COMMAND: 400,
  BAD_CHANNEL_NAME: 400,
  BAD_NAME: 400,
  MESSAGE_TOO_LONG: 400,
  EMPTY_MESSAGE: 400,
  NO_CURRENT_CHAT: 400,
  AMBIGUOUS_NAME: 400,
  // Something the caller named that is not there (for this member)
  NOT_FOLLOWING: 404,
  UNKNOWN_PERSON: 404,
  // A request that conflicts with the state of things
  CANNOT_LEAVE_GENERAL: 409,
  CANNOT_LEAVE_DIRECT: 409,
  DATA_LOCKED: 409,
  // The relay's own trouble: never the caller's fault
  DISK_FULL: 507,
  DATA_CORRUPT: 500,
  DATA_NOT_PRIVATE: 500,
  PORT_IN_USE: 500,
  BAD_PEER_ADDRESS: 500,
  CLOSED: 503,
  NO_TERMINAL: 500
}

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly headers: Record<string, string>

  constructor (code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.code = code
    this.headers = headers
    this.name = 'ApiError'
  }
}

export function apiError (code: ApiErrorCode, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(code, message, headers)
}

export interface ErrorReply {
  status: number
  headers: Record<string, string>
  body: { error: { code: string, message: string } }
}

// A coded error -> its reply; anything else is a bug, answered 500 INTERNAL
// with no detail (the caller logs it with its stack).
export function errorReply (err: unknown): ErrorReply & { internal: boolean } {
  if (err instanceof ApiError || isHallwayError(err)) {
    const headers = err instanceof ApiError ? err.headers : {}
    return { status: STATUS[err.code], headers, body: { error: { code: err.code, message: err.message } }, internal: false }
  }
  return { status: 500, headers: {}, body: { error: { code: 'INTERNAL', message: 'internal error; the relay log has the details' } }, internal: true }
}

export function statusOf (code: ApiErrorCode | ErrorCode): number {
  return STATUS[code]
}
