// One error class with a stable `code` (hypercore-errors style). Codes cross
// process boundaries (headless JSON, HTTP JSON), so they never change meaning.
// This module is a leaf: every layer may import it.

export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'BAD_COMMAND'
  | 'UNKNOWN_COMMAND'
  | 'BAD_CHANNEL_NAME'
  | 'BAD_NAME'
  | 'MESSAGE_TOO_LONG'
  | 'EMPTY_MESSAGE'
  | 'NOT_FOLLOWING'
  | 'CANNOT_LEAVE_GENERAL'
  | 'CANNOT_LEAVE_DIRECT'
  | 'UNKNOWN_PERSON'
  | 'AMBIGUOUS_NAME'
  | 'NO_CURRENT_CHAT'
  | 'DATA_LOCKED'
  | 'DATA_CORRUPT'
  | 'DATA_NOT_PRIVATE'
  | 'DISK_FULL'
  | 'PORT_IN_USE'
  | 'BAD_PEER_ADDRESS'
  | 'CLOSED'
  | 'NO_TERMINAL'

export class HallwayError extends Error {
  readonly code: ErrorCode

  constructor (code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'HallwayError'
  }
}

export function hallwayError (code: ErrorCode, message: string, cause?: unknown): HallwayError {
  return new HallwayError(code, message, cause === undefined ? undefined : { cause })
}

export function isHallwayError (err: unknown): err is HallwayError {
  return err instanceof HallwayError
}

// A background promise must end somewhere: log operational failures and
// rethrow programmer errors (the role of Holepunch's safety-catch).
export function isProgrammerError (err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError ||
    err instanceof SyntaxError || err instanceof ReferenceError
}

// The catch at the end of a fire-and-forget promise: operational failures
// go to `handle`, programmer errors are rethrown so that they surface as
// an unhandled rejection instead of being logged and forgotten.
export function safetyCatch (handle: (err: unknown) => void): (err: unknown) => void {
  return err => {
    if (isProgrammerError(err)) throw err
    handle(err)
  }
}

// The disk filled up, whichever layer noticed (RocksDB says it in words,
// Node with ENOSPC): one code for the person.
export function diskFullOr (err: unknown): unknown {
  const e = err as NodeJS.ErrnoException | null
  if (e?.code === 'ENOSPC' || /No space left on device|ENOSPC/i.test(String(e?.message ?? ''))) {
    return hallwayError('DISK_FULL', 'the disk is full: free some space and try again', err)
  }
  return err
}
