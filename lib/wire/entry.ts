// Feed blocks: encode what we append, decode (bounded, validated) what we
// read. A block that fails is a counted rejection, never an exception.
import { pb } from './codec.ts'
import {
  HEADER_VERSION, KEY_BYTES, MAX_BLOCK_BYTES, MAX_ENTRIES_PER_BLOCK, MAX_TEXT_CHARS, SIGNATURE_BYTES
} from './limits.ts'
import { toHlc, type Hlc } from './hlc.ts'
import { isKey, isValidChannel, isValidName } from './validate.ts'

export interface Header {
  version: number
  identity: Uint8Array
  device: Uint8Array
  certificate: Uint8Array
  feedSignature: Uint8Array
  chat: Uint8Array
  name: string
}

export type EntryBody =
  | { type: 'header', header: Header }
  | { type: 'message', text: string }
  | { type: 'profile', name: string }
  | { type: 'channel', name: string }

export type Entry = EntryBody & { hlc: Hlc }

export type RejectReason =
  | 'too-large' | 'malformed' | 'empty' | 'too-many-entries' | 'bad-hlc'
  | 'unknown-kind' | 'bad-header' | 'bad-text' | 'bad-name' | 'bad-channel'

export type Decoded<T> = { ok: true, value: T } | { ok: false, reason: RejectReason }

export function encodeBlock (entries: readonly Entry[]): Uint8Array {
  const block = pb.Block.create({ entries: entries.map(toPb) })
  return pb.Block.encode(block).finish()
}

export function decodeBlock (bytes: Uint8Array): Decoded<Entry[]> {
  if (bytes.byteLength > MAX_BLOCK_BYTES) return reject('too-large')
  let block: pb.Block
  try {
    block = pb.Block.decode(bytes)
  } catch {
    return reject('malformed')
  }
  const raw = block.entries
  if (raw.length === 0) return reject('empty')
  if (raw.length > MAX_ENTRIES_PER_BLOCK) return reject('too-many-entries')
  const entries: Entry[] = []
  for (const e of raw) {
    const entry = fromPb(e)
    if (!entry.ok) return entry
    entries.push(entry.value)
  }
  return { ok: true, value: entries }
}

// Exposed for the writer's batching: how many bytes an entry adds to a block.
export function entrySize (entry: Entry): number {
  return pb.Entry.encode(toPb(entry)).len + 4
}

function toPb (entry: Entry): pb.IEntry {
  const hlc = { wall: entry.hlc.wall, logical: entry.hlc.logical }
  switch (entry.type) {
    case 'header': return { hlc, header: { ...entry.header } }
    case 'message': return { hlc, message: { text: entry.text } }
    case 'profile': return { hlc, profile: { name: entry.name } }
    case 'channel': return { hlc, channel: { name: entry.name } }
  }
}

function fromPb (e: pb.IEntry): Decoded<Entry> {
  const hlc = toHlc(e.hlc)
  if (!hlc) return reject('bad-hlc')
  if (e.header) {
    const h = e.header
    if (h.version !== HEADER_VERSION || !isKey(h.identity) || !isKey(h.device) ||
      !isKey(h.certificate, SIGNATURE_BYTES) || !isKey(h.feedSignature, SIGNATURE_BYTES) ||
      !isKey(h.chat, KEY_BYTES) || !isValidName(h.name ?? '')) return reject('bad-header')
    return ok({
      hlc,
      type: 'header',
      header: {
        version: h.version,
        identity: h.identity,
        device: h.device,
        certificate: h.certificate,
        feedSignature: h.feedSignature,
        chat: h.chat,
        name: h.name!
      }
    })
  }
  if (e.message) {
    const text = e.message.text ?? ''
    if (text.length === 0 || text.length > MAX_TEXT_CHARS) return reject('bad-text')
    return ok({ hlc, type: 'message', text })
  }
  if (e.profile) {
    const name = e.profile.name ?? ''
    return isValidName(name) ? ok({ hlc, type: 'profile', name }) : reject('bad-name')
  }
  if (e.channel) {
    const name = e.channel.name ?? ''
    return isValidChannel(name) ? ok({ hlc, type: 'channel', name }) : reject('bad-channel')
  }
  return reject('unknown-kind')
}

function ok<T> (value: T): Decoded<T> {
  return { ok: true, value }
}

function reject<T> (reason: RejectReason): Decoded<T> {
  return { ok: false, reason }
}
