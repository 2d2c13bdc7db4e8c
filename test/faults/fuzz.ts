// Deterministic mutation of byte strings and random valid wire values for
// the bad-input tests: a seeded PRNG (mulberry32), so a failure names the
// seed that reproduces it.
import {
  encodeBlock, entrySize, HEADER_VERSION, LIVE_VERSION, MAX_BLOCK_BYTES, MAX_CHANNEL_CHARS, MAX_ENTRIES_PER_BLOCK,
  MAX_FOLLOWED_CHATS, MAX_LOGICAL, MAX_WALL_MS, MIN_WALL_MS, MAX_NAME_CHARS, MAX_TEXT_CHARS, MAX_WRITERS_PER_FRAME, type Entry, type Hlc, type Live
} from '../../lib/wire/index.ts'

export type Rng = () => number

export function rng (seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (r: Rng, n: number): number => Math.floor(r() * n)

export function randomBytes (r: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i += 4) {
    const x = int(r, 2 ** 32)
    for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = x >>> (8 * j) & 0xff
  }
  return out
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}

// Bytes that mean something to a protobuf decoder: varint continuation,
// the largest lengths, wire types 0-7 on small field numbers.
const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x12, 0x1a, 0x52, 0x5a, 0x62, 0x6a, 0x0f, 0x07, 0x0b, 0x0c]

export const MUTATIONS = ['bit-flip', 'byte-set', 'interesting-byte', 'truncate', 'insert', 'duplicate-slice', 'splice', 'huge-length', 'random', 'concat', 'stacked'] as const
export type Mutation = typeof MUTATIONS[number]

export function mutate (r: Rng, seed: Uint8Array, other: Uint8Array, kind: Mutation = MUTATIONS[int(r, MUTATIONS.length)]!): Uint8Array {
  const b = Uint8Array.from(seed)
  const at = int(r, Math.max(1, b.length))
  switch (kind) {
    case 'bit-flip': {
      for (let i = 0, n = 1 + int(r, 8); i < n && b.length; i++) { const j = int(r, b.length); b[j]! ^= 1 << int(r, 8) }
      return b
    }
    case 'byte-set': if (b.length) b[at] = int(r, 256); return b
    case 'interesting-byte': if (b.length) b[at] = INTERESTING[int(r, INTERESTING.length)]!; return b
    case 'truncate': return b.slice(0, at)
    case 'insert': return concat(b.slice(0, at), randomBytes(r, 1 + int(r, 16)), b.slice(at))
    case 'duplicate-slice': {
      const end = Math.min(b.length, at + 1 + int(r, 64))
      return concat(b.slice(0, end), b.slice(at, end), b.slice(end))
    }
    case 'splice': return concat(b.slice(0, at), other.slice(int(r, Math.max(1, other.length))))
    case 'huge-length': return concat(b.slice(0, at), Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), b.slice(at))
    case 'random': return randomBytes(r, int(r, 512))
    case 'concat': return concat(b, other)
    case 'stacked': {
      let x: Uint8Array = b
      for (let i = 0, n = 2 + int(r, 4); i < n; i++) x = mutate(r, x, other, MUTATIONS[int(r, MUTATIONS.length - 1)]!)
      return x
    }
  }
}

// ------------------------------------------------- random valid values
// Every value below obeys the wire rules (lib/wire/limits.ts, validate.ts),
// edges included: the largest clock, MAX_TEXT_CHARS, the longest name,
// MAX_ENTRIES_PER_BLOCK, MAX_FOLLOWED_CHATS, MAX_WRITERS_PER_FRAME.

const pick = <T>(r: Rng, list: readonly T[]): T => list[int(r, list.length)]!
// 0..n: mostly up to 8, now and then anything up to n, once in a hundred
// exactly n (the largest values cost the most to make and to check).
function count (r: Rng, n: number): number {
  const x = r()
  return x < 0.01 ? n : x < 0.05 ? int(r, n + 1) : int(r, Math.min(n, 8) + 1)
}

// Code point ranges, none of them surrogates: a well-formed string is what
// a decoder returns, and what a person can type.
type Ranges = ReadonlyArray<readonly [number, number]>
// Text: anything, control characters, combining marks, BOM and astral
// (two UTF-16 units) included.
const TEXT: Ranges = [[0x20, 0x7e], [0x00, 0x1f], [0x7f, 0x9f], [0xa0, 0x2ff], [0x300, 0x36f], [0x400, 0x4ff], [0x200b, 0x206f], [0x4e00, 0x9fff], [0xfeff, 0xfeff], [0xfffd, 0xfffd], [0x1f300, 0x1faff], [0x10000, 0x10ffff]]
// Names: no control characters, white space, `@`, `#`, zero-width or
// direction marks.
const NAME: Ranges = [[0x21, 0x22], [0x24, 0x3f], [0x41, 0x7e], [0xa1, 0x2ff], [0x400, 0x4ff], [0x4e00, 0x9fff], [0x1f300, 0x1faff]]
const CHANNEL_FIRST = 'abcdefghijklmnopqrstuvwxyz0123456789'
const CHANNEL_REST = CHANNEL_FIRST + '_-'

function codePoint (r: Rng, ranges: Ranges): string {
  const [lo, hi] = pick(r, ranges)
  return String.fromCodePoint(lo + int(r, hi - lo + 1))
}

export function randomText (r: Rng): string {
  const x = r()
  const units = x < 0.01 ? MAX_TEXT_CHARS : x < 0.1 ? 1 + int(r, MAX_TEXT_CHARS) : 1 + int(r, 80)
  let text = ''
  while (text.length < units) {
    const c = codePoint(r, TEXT)
    if (text.length + c.length > units) break
    text += c
  }
  return text || 'x'
}

// A name shows something (wire/validate.ts refuses one with nothing visible
// in it): the first character is drawn again until it is visible.
const VISIBLE = /^(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{P}\p{S}]$/u

export function randomName (r: Rng): string {
  const n = 1 + count(r, MAX_NAME_CHARS - 1)
  let name = codePoint(r, NAME)
  while (!VISIBLE.test(name)) name = codePoint(r, NAME)
  for (let i = 1; i < n; i++) name += codePoint(r, NAME)
  return name
}

export function randomChannel (r: Rng): string {
  let name = '#' + CHANNEL_FIRST.charAt(int(r, CHANNEL_FIRST.length))
  for (let i = count(r, MAX_CHANNEL_CHARS - 1); i > 0; i--) name += CHANNEL_REST.charAt(int(r, CHANNEL_REST.length))
  return name
}

export function randomHlc (r: Rng): Hlc {
  // Valid clocks lie in [MIN_WALL_MS, MAX_WALL_MS] x [0, MAX_LOGICAL] (docs/protocol.md §3).
  const wall = r() < 0.1 ? pick(r, [MIN_WALL_MS, MAX_WALL_MS]) : MIN_WALL_MS + int(r, 2 ** 20) * 2 ** 32 + int(r, 2 ** 32)
  const logical = r() < 0.1 ? pick(r, [0, MAX_LOGICAL]) : int(r, r() < 0.5 ? 4 : MAX_LOGICAL + 1)
  return { wall: Math.min(wall, MAX_WALL_MS), logical }
}

export const ENTRY_KINDS = ['header', 'message', 'profile', 'channel'] as const

export function randomEntry (r: Rng, kind: Entry['type'] = pick(r, ENTRY_KINDS)): Entry {
  const hlc = randomHlc(r)
  switch (kind) {
    case 'header': return {
      type: 'header',
      hlc,
      header: {
        version: HEADER_VERSION,
        identity: randomBytes(r, 32),
        device: randomBytes(r, 32),
        certificate: randomBytes(r, 64),
        feedSignature: randomBytes(r, 64),
        chat: randomBytes(r, 32),
        name: randomName(r)
      }
    }
    case 'message': return { type: 'message', hlc, text: randomText(r) }
    case 'profile': return { type: 'profile', hlc, name: randomName(r) }
    case 'channel': return { type: 'channel', hlc, name: randomChannel(r) }
  }
}

// 1..MAX_ENTRIES_PER_BLOCK entries that fit in MAX_BLOCK_BYTES, the first
// of the given kind.
export function randomBlock (r: Rng, first?: Entry['type']): Entry[] {
  const n = 1 + count(r, MAX_ENTRIES_PER_BLOCK - 1)
  const entries: Entry[] = []
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const e = randomEntry(r, i === 0 ? first : undefined)
    bytes += entrySize(e)
    if (bytes > MAX_BLOCK_BYTES && entries.length > 0) break
    entries.push(e)
  }
  if (encodeBlock(entries).byteLength > MAX_BLOCK_BYTES) throw new RangeError('randomBlock: over MAX_BLOCK_BYTES')
  return entries
}

export const LIVE_KINDS = ['hello', 'follow', 'writers', 'status'] as const

export function randomLive (r: Rng, kind: Live['type'] = pick(r, LIVE_KINDS)): Live {
  switch (kind) {
    case 'hello': return {
      type: 'hello',
      version: LIVE_VERSION,
      identity: randomBytes(r, 32),
      certificate: randomBytes(r, 64),
      name: randomName(r),
      relay: r() < 0.5,
      dhtPort: r() < 0.3 ? 0 : int(r, 65536)
    }
    case 'follow': return { type: 'follow', chats: Array.from({ length: count(r, MAX_FOLLOWED_CHATS) }, () => randomBytes(r, 32)) }
    case 'writers': return {
      type: 'writers',
      chat: randomBytes(r, 32),
      feeds: Array.from({ length: count(r, MAX_WRITERS_PER_FRAME) }, () => ({
        key: randomBytes(r, 32),
        length: r() < 0.1 ? pick(r, [0, Number.MAX_SAFE_INTEGER]) : int(r, 2 ** 32),
        last: r() < 0.2 ? null : randomHlc(r)
      }))
    }
    case 'status': return { type: 'status', away: r() < 0.5 }
  }
}
