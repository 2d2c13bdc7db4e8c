// Bad input, pure part: random valid blocks and live frames of every kind
// round-trip (decode(encode(x)) is x); 100,000 mutated, truncated and
// extended encodings into lib/wire's decoders; mutated header blocks into
// the header check. Whatever the bytes, a decoder returns a value that passes
// every rule and re-encodes to itself, or a rejection with a known reason; it
// never throws, and memory stays flat. FUZZ_SEED=N repeats a run.
import { isDeepStrictEqual } from 'node:util'
import test from 'tape'
import { checkHeader } from '../../lib/feed/feed-header.ts'
import { signFeed } from '../../lib/identity/device-certificate.ts'
import { identityFromSeeds } from '../../lib/identity/identity.ts'
import {
  decodeBlock, decodeLive, encodeBlock, encodeLive, isValidChannel, isValidName,
  MAX_BLOCK_BYTES, MAX_LOGICAL, MAX_WALL_MS, MIN_WALL_MS, MAX_CHANNEL_CHARS, MAX_ENTRIES_PER_BLOCK, MAX_FOLLOWED_CHATS, MAX_NAME_CHARS, MAX_LIVE_FRAME_BYTES, MAX_TEXT_CHARS, MAX_WRITERS_PER_FRAME,
  type Entry, type Hlc, type Live
} from '../../lib/wire/index.ts'
import { ENTRY_KINDS, LIVE_KINDS, mutate, MUTATIONS, randomBlock, randomBytes, randomLive, rng } from './fuzz.ts'
import { heapMb } from './heap.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 0x6a11)
const ROUNDS = 100_000
const REASONS = new Set(['too-large', 'malformed', 'empty', 'too-many-entries', 'bad-hlc', 'unknown-kind', 'bad-header', 'bad-text', 'bad-name', 'bad-channel'])

const hlc: Hlc = { wall: 1_700_000_000_000, logical: 2 }
const key = (n: number): Uint8Array => new Uint8Array(32).fill(n)
const person = identityFromSeeds(key(1), key(2))
const feedKey = key(9)
const chatId = key(5)
const header: Entry = {
  type: 'header',
  hlc,
  header: {
    version: 1,
    identity: person.identity.publicKey,
    device: person.device.publicKey,
    certificate: person.certificate,
    feedSignature: signFeed(person.device, feedKey, chatId),
    chat: chatId,
    name: 'alice'
  }
}
const blockSeeds: Uint8Array[] = [
  encodeBlock([header]),
  encodeBlock([{ type: 'message', text: 'hello, world', hlc }]),
  encodeBlock([{ type: 'message', text: 'x'.repeat(200), hlc }, { type: 'message', text: 'привет 👋', hlc: { wall: hlc.wall + 1, logical: 0 } }]),
  encodeBlock([{ type: 'profile', name: 'bob', hlc }, { type: 'channel', name: '#dev', hlc }]),
  encodeBlock(Array.from({ length: 40 }, (_, i) => ({ type: 'message', text: `m${i}`, hlc: { wall: hlc.wall + i, logical: 0 } }) as Entry))
]
const liveSeeds: Uint8Array[] = ([
  { type: 'hello', version: 1, identity: key(1), certificate: new Uint8Array(64).fill(3), name: 'alice', relay: false },
  { type: 'follow', chats: [key(4), key(5), key(6)] },
  { type: 'writers', chat: key(5), feeds: [{ key: key(7), length: 12, last: hlc }, { key: key(8), length: 0, last: null }] },
  { type: 'status', away: true }
] as Live[]).map(encodeLive)

const isBytes = (b: unknown, n: number): boolean => b instanceof Uint8Array && b.byteLength === n
const okHlc = (h: Hlc): boolean => Number.isSafeInteger(h.wall) && h.wall >= MIN_WALL_MS && h.wall <= MAX_WALL_MS && Number.isSafeInteger(h.logical) && h.logical >= 0 && h.logical <= MAX_LOGICAL

// Every rule a decoded entry must obey, checked independently of the decoder.
function entryBroken (e: Entry): string | null {
  if (!okHlc(e.hlc)) return 'hlc'
  switch (e.type) {
    case 'message': return typeof e.text === 'string' && e.text.length > 0 && e.text.length <= MAX_TEXT_CHARS ? null : 'text'
    case 'profile': return isValidName(e.name) ? null : 'name'
    case 'channel': return isValidChannel(e.name) ? null : 'channel'
    case 'header': {
      const h = e.header
      return h.version === 1 && isBytes(h.identity, 32) && isBytes(h.device, 32) && isBytes(h.certificate, 64) &&
        isBytes(h.feedSignature, 64) && isBytes(h.chat, 32) && isValidName(h.name) ? null : 'header'
    }
    default: return 'type'
  }
}

function liveBroken (l: Live): string | null {
  switch (l.type) {
    case 'hello': return l.version === 1 && isBytes(l.identity, 32) && isBytes(l.certificate, 64) && isValidName(l.name) && typeof l.relay === 'boolean' &&
      Number.isInteger(l.dhtPort) && l.dhtPort >= 0 && l.dhtPort <= 65535 ? null : 'hello'
    case 'follow': return l.chats.length <= MAX_FOLLOWED_CHATS && l.chats.every(c => isBytes(c, 32)) ? null : 'follow'
    case 'writers': return isBytes(l.chat, 32) && l.feeds.length <= MAX_WRITERS_PER_FRAME &&
      l.feeds.every(f => isBytes(f.key, 32) && Number.isSafeInteger(f.length) && f.length >= 0 && (f.last === null || okHlc(f.last))) ? null : 'writers'
    case 'status': return typeof l.away === 'boolean' ? null : 'status'
    default: return 'type'
  }
}

const blockBroken = (entries: Entry[]): string | null =>
  entries.length < 1 || entries.length > MAX_ENTRIES_PER_BLOCK ? 'count' : entries.map(entryBroken).find(x => x !== null) ?? null

// A comparable form: bytes as hex (a decoder may hand back a Buffer or a
// Uint8Array view), keys in one order.
function canonical (v: unknown): unknown {
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') }
  if (Array.isArray(v)) return v.map(canonical)
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
  return v
}
const same = (a: unknown, b: unknown): boolean => isDeepStrictEqual(canonical(a), canonical(b))
const brief = (v: unknown): string => JSON.stringify(canonical(v)).slice(0, 160)

// Where two values first differ, for a failure message that fits a line.
function difference (got: unknown, want: unknown, at = 'value'): string {
  const [g, w] = [canonical(got), canonical(want)]
  if (isDeepStrictEqual(g, w)) return ''
  if (g !== null && w !== null && typeof g === 'object' && typeof w === 'object' && Array.isArray(g) === Array.isArray(w) && !('bytes' in w)) {
    const keys = new Set([...Object.keys(g), ...Object.keys(w)])
    for (const k of keys) {
      const d = difference((g as Record<string, unknown>)[k], (w as Record<string, unknown>)[k], `${at}.${k}`)
      if (d) return d
    }
  }
  const cut = (v: unknown): string => (JSON.stringify(v) ?? 'undefined').slice(0, 80)
  return `${at} is ${cut(g)}, not ${cut(w)}`
}

// A decoded value is a fixed point: encoding it and decoding again gives it
// back. Returns what went wrong, or null.
function reencodes (live: boolean, value: Entry[] | Live): string | null {
  const again = live ? decodeLive(encodeLive(value as Live)) : decodeBlock(encodeBlock(value as Entry[]))
  if (!again.ok) return `its encoding is rejected (${again.reason})`
  return same(again.value, value) ? null : `decoding its encoding differs: ${difference(again.value, value)}`
}

// Which limits of lib/wire/limits.ts a valid value reaches exactly.
const LIMITS = ['MAX_ENTRIES_PER_BLOCK', 'MAX_TEXT_CHARS', 'MAX_NAME_CHARS', 'MAX_CHANNEL_CHARS', 'MAX_FOLLOWED_CHATS', 'MAX_WRITERS_PER_FRAME', 'largest clock']
function atLimits (value: Entry[] | Live): string[] {
  const out: string[] = []
  const clock = (h: Hlc | null): void => { if (h && h.wall === MAX_WALL_MS && h.logical === MAX_LOGICAL) out.push('largest clock') }
  const name = (n: string): void => { if ([...n].length === MAX_NAME_CHARS) out.push('MAX_NAME_CHARS') }
  if (Array.isArray(value)) {
    if (value.length === MAX_ENTRIES_PER_BLOCK) out.push('MAX_ENTRIES_PER_BLOCK')
    for (const e of value) {
      clock(e.hlc)
      if (e.type === 'message' && e.text.length === MAX_TEXT_CHARS) out.push('MAX_TEXT_CHARS')
      if (e.type === 'profile') name(e.name)
      if (e.type === 'header') name(e.header.name)
      if (e.type === 'channel' && e.name.length === 1 + MAX_CHANNEL_CHARS) out.push('MAX_CHANNEL_CHARS')
    }
  } else if (value.type === 'hello') name(value.name)
  else if (value.type === 'follow' && value.chats.length === MAX_FOLLOWED_CHATS) out.push('MAX_FOLLOWED_CHATS')
  else if (value.type === 'writers') {
    if (value.feeds.length === MAX_WRITERS_PER_FRAME) out.push('MAX_WRITERS_PER_FRAME')
    for (const f of value.feeds) clock(f.last)
  }
  return out
}

const repeat = `FUZZ_SEED=${SEED} node --import tsx test/faults/wire.test.ts repeats this run`

test('random valid blocks and live frames of every kind: decode(encode(x)) is x', t => {
  const r = rng(SEED + 3)
  t.comment(`seed ${SEED}: ${repeat}`)
  const ROUND_TRIPS = 4000
  const failures: string[] = []
  const kinds = new Map<string, number>()
  const limits = new Set<string>()
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const live = i % 2 === 1
    const kind = live ? LIVE_KINDS[(i >> 1) % LIVE_KINDS.length]! : ENTRY_KINDS[(i >> 1) % ENTRY_KINDS.length]!
    const value = live ? randomLive(r, kind as Live['type']) : randomBlock(r, kind as Entry['type'])
    const broken = live ? liveBroken(value as Live) : blockBroken(value as Entry[])
    if (broken) { failures.push(`#${i} (${kind}): the generator made an invalid ${broken}: ${brief(value)}`); continue }
    try {
      const bytes = live ? encodeLive(value as Live) : encodeBlock(value as Entry[])
      const d = live ? decodeLive(bytes) : decodeBlock(bytes)
      if (!d.ok) failures.push(`#${i} (${kind}): a valid value was rejected (${d.reason}): ${brief(value)}`)
      else if (!same(d.value, value)) failures.push(`#${i} (${kind}): decoded differs: ${difference(d.value, value)}`)
      else {
        kinds.set(kind, (kinds.get(kind) ?? 0) + (live ? 1 : (value as Entry[]).length))
        for (const e of atLimits(value)) limits.add(e)
      }
    } catch (err) {
      failures.push(`#${i} (${kind}): threw ${String(err)}`)
    }
  }
  t.deepEqual(failures.slice(0, 5), [], `${ROUND_TRIPS} values decode to themselves (seed ${SEED}; ${failures.length} failures)`)
  t.deepEqual([...ENTRY_KINDS, ...LIVE_KINDS].filter(k => !kinds.has(k)), [], 'every kind of entry and live frame was tried')
  t.deepEqual(LIMITS.filter(l => !limits.has(l)), [], `values at every limit were tried: ${LIMITS.join(', ')}`)
  t.comment(`round-tripped: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`)
  t.end()
})

test(`${ROUNDS.toLocaleString('en-US')} mutated blocks and live frames: a valid value that re-encodes to itself, or a counted rejection, never a throw`, t => {
  const r = rng(SEED)
  t.comment(`seed ${SEED}: ${repeat}`)
  const pick = (pool: Uint8Array[]): Uint8Array => pool[Math.floor(r() * pool.length)]!
  // Small ones: the largest values are round-tripped above, and mutating
  // 100 KB frames would only make this slower.
  const pool = (make: () => Uint8Array): Uint8Array[] => {
    const out: Uint8Array[] = []
    while (out.length < 256) { const b = make(); if (b.byteLength <= 4096) out.push(b) }
    return out
  }
  const blockPool = pool(() => encodeBlock(randomBlock(r)))
  const livePool = pool(() => encodeLive(randomLive(r)))
  const heapBefore = heapMb()
  const started = performance.now()
  const reasons = new Map<string, number>()
  const count = (k: string): void => { reasons.set(k, (reasons.get(k) ?? 0) + 1) }
  let accepted = 0
  const failures: string[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const live = i % 2 === 1
    const seeds = live ? liveSeeds : blockSeeds
    const kind = MUTATIONS[i % MUTATIONS.length]!
    // Half the rounds start from a random valid encoding of any kind, half
    // from the hand-made seeds above.
    const seed = i % 4 < 2 ? pick(live ? livePool : blockPool) : seeds[i % seeds.length]!
    const bytes = mutate(r, seed, seeds[(i + 1) % seeds.length]!, kind)
    try {
      const d = live ? decodeLive(bytes) : decodeBlock(bytes)
      if (!d.ok) {
        if (!REASONS.has(d.reason)) failures.push(`#${i} (${kind}): unknown reason ${d.reason}`)
        count(d.reason)
        continue
      }
      accepted++
      const broken = live ? liveBroken(d.value as Live) : blockBroken(d.value as Entry[])
      const hex = Buffer.from(bytes).toString('hex').slice(0, 80)
      if (broken) failures.push(`#${i} (${kind}): accepted an invalid ${broken}: ${hex}`)
      const moved = reencodes(live, d.value)
      if (moved) failures.push(`#${i} (${kind}): accepted a value that is not a fixed point, ${moved}: ${hex}`)
    } catch (err) {
      failures.push(`#${i} (${kind}): threw ${String(err)}`)
    }
  }
  const ms = performance.now() - started
  const heapAfter = heapMb()
  t.deepEqual(failures.slice(0, 5), [], `no decoder threw or accepted an invalid value, and every accepted value re-encodes to itself (seed ${SEED}; ${failures.length} failures)`)
  t.ok(heapAfter - heapBefore < 5, `heap flat: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (limit +5 MB)`)
  t.comment(`${ROUNDS} inputs (${ROUNDS / 2} blocks, ${ROUNDS / 2} live frames) in ${ms.toFixed(0)} ms; ${accepted} still valid, rejected: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ')}`)
  t.end()
})

test('oversized and pathological inputs are rejected by size before any decoding', t => {
  const r = rng(SEED + 1)
  t.comment(`seed ${SEED}: ${repeat}`)
  const cases: Array<[string, Uint8Array, boolean]> = [
    ['block of MAX_BLOCK_BYTES + 1', new Uint8Array(MAX_BLOCK_BYTES + 1), false],
    ['4 MiB of random bytes as a block', randomBytes(r, 4 * 2 ** 20), false],
    ['live frame of MAX_LIVE_FRAME_BYTES + 1', new Uint8Array(MAX_LIVE_FRAME_BYTES + 1), true],
    ['4 MiB of random bytes as a live frame', randomBytes(r, 4 * 2 ** 20), true]
  ]
  for (const [what, bytes, live] of cases) {
    const started = performance.now()
    const d = live ? decodeLive(bytes) : decodeBlock(bytes)
    t.deepEqual(d, { ok: false, reason: 'too-large' }, `${what}: too-large in ${(performance.now() - started).toFixed(2)} ms`)
  }
  // Inside the size cap but built to expand: 257 entries, and 60,000 empty ones.
  const many = encodeBlock(Array.from({ length: MAX_ENTRIES_PER_BLOCK + 1 }, () => ({ type: 'message', text: 'x', hlc }) as Entry))
  t.deepEqual(decodeBlock(many), { ok: false, reason: 'too-many-entries' }, `${MAX_ENTRIES_PER_BLOCK + 1} entries: too-many-entries`)
  const empties = new Uint8Array(60_000)
  for (let i = 0; i < empties.length; i += 2) { empties[i] = 0x0a; empties[i + 1] = 0x00 }
  const d = decodeBlock(empties)
  t.notOk(d.ok, `30,000 empty entries in ${empties.length} bytes: rejected (${d.ok ? '' : d.reason})`)
  t.end()
})

test('mutated feed headers: never accepted with a forged identity, device, chat or signature', t => {
  const r = rng(SEED + 2)
  t.comment(`seed ${SEED}: ${repeat}`)
  const seed = encodeBlock([header])
  const original = header.type === 'header' ? header.header : null
  let accepted = 0
  let rejected = 0
  const failures: string[] = []
  const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b))
  for (let i = 0; i < 20_000; i++) {
    const bytes = mutate(r, seed, blockSeeds[1 + (i % 4)]!)
    try {
      const c = checkHeader(bytes, feedKey, chatId)
      if (!c.ok) { rejected++; continue }
      accepted++
      const h = c.header
      if (!same(h.identity, original!.identity) || !same(h.device, original!.device) || !same(h.certificate, original!.certificate) ||
        !same(h.feedSignature, original!.feedSignature) || !same(h.chat, chatId)) failures.push(`#${i}: accepted a header with a changed signed field`)
    } catch (err) {
      failures.push(`#${i}: threw ${String(err)}`)
    }
  }
  t.deepEqual(failures.slice(0, 5), [], 'no header with a forged signed field was accepted, none threw')
  t.comment(`20000 mutated headers: ${rejected} rejected, ${accepted} accepted with every signed field intact (name and clock are not signed)`)
  t.notOk(checkHeader(seed, key(10), chatId).ok, 'the header of another feed key is rejected')
  t.notOk(checkHeader(seed, feedKey, key(6)).ok, 'the header of another chat is rejected')
  t.end()
})
