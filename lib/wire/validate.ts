// Small validators shared by the entry and live decoders and the input rules.
import { KEY_BYTES, MAX_CHANNEL_CHARS, MAX_NAME_CHARS } from './limits.ts'

export function isKey (b: Uint8Array | null | undefined, bytes = KEY_BYTES): b is Uint8Array {
  return b instanceof Uint8Array && b.byteLength === bytes
}

// Names are shown to people and typed after `@`: no control characters, no
// white space, no `@`/`#`, at most MAX_NAME_CHARS code points.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\s@#\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u

export function isValidName (name: string): boolean {
  const length = [...name].length
  return length > 0 && length <= MAX_NAME_CHARS && !BAD_NAME_CHAR.test(name)
}

// Channel names are lower-case, so `#General` and `#general` are one chat.
export const CHANNEL_RE = new RegExp(`^#[a-z0-9][a-z0-9_-]{0,${MAX_CHANNEL_CHARS - 1}}$`)

export function isValidChannel (name: string): boolean {
  return CHANNEL_RE.test(name)
}
