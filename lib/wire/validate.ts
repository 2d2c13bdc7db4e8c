// Small validators shared by the entry and live decoders and the input rules.
import { KEY_BYTES, MAX_CHANNEL_CHARS, MAX_NAME_CHARS } from './limits.ts'
import { INVISIBLE, isBlank, looksSuffixed } from './name-skeleton.ts'

export function isKey (b: Uint8Array | null | undefined, bytes = KEY_BYTES): b is Uint8Array {
  return b instanceof Uint8Array && b.byteLength === bytes
}

// Names are shown to people and typed after `@`: no control characters, no
// white space, no `@`/`#`, at most MAX_NAME_CHARS code points.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\s@#\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u

// A name as peers may send it, in a profile, a feed header or a hello. A
// name with nothing visible in it is refused; other invisible characters
// and suffix look-alikes from older nodes are let through (refusing a header
// would lose the person's messages) and fold away in the skeleton, where
// they collide with the name they imitate (lib/chat/directory.ts).
export function isValidName (name: string): boolean {
  const length = [...name].length
  return length > 0 && length <= MAX_NAME_CHARS && !BAD_NAME_CHAR.test(name) && !isBlank(name)
}

// Variation selectors pick an emoji's look (`❤️`): the one invisible kind a
// name may hold.
const VARIATION_SELECTOR = /[\ufe00-\ufe0f]/gu

// Whether a name may be taken now (typed, set by /nick, asked for by an API
// member): a valid name with no invisible or blank character, and not one
// that looks like a suffixed name (`alice.3f2a`), which is how the directory
// shows the second of two people called alice.
export function isInvisibleIn (name: string): boolean {
  return new RegExp(INVISIBLE.source, 'u').test(name.replace(VARIATION_SELECTOR, ''))
}

export function isAllowedName (name: string): boolean {
  return isValidName(name) && !isInvisibleIn(name) && !looksSuffixed(name)
}

// Channel names are lower-case, so `#General` and `#general` are one chat.
export const CHANNEL_RE = new RegExp(`^#[a-z0-9][a-z0-9_-]{0,${MAX_CHANNEL_CHARS - 1}}$`)

export function isValidChannel (name: string): boolean {
  return CHANNEL_RE.test(name)
}
