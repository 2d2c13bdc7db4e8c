// The logging surface every layer receives. bin/ creates a pino logger that
// writes JSON lines to a file in the data folder (and to stderr with
// --verbose); tests pass `silentLog`.

export interface Log {
  debug (obj: object, msg?: string): void
  info (obj: object, msg?: string): void
  warn (obj: object, msg?: string): void
  error (obj: object, msg?: string): void
  child (bindings: Record<string, unknown>): Log
}

const noop = (): void => {}

export const silentLog: Log = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLog
}
