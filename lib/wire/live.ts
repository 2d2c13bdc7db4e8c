// Frames of the `hallway/v1` live channel: bounded and validated like blocks.
import { pb } from './codec.ts'
import {
  LIVE_VERSION, MAX_FOLLOWED_CHATS, MAX_LIVE_FRAME_BYTES, MAX_WRITERS_PER_FRAME, SIGNATURE_BYTES
} from './limits.ts'
import { toHlc, type Hlc } from './hlc.ts'
import { isKey, isValidName } from './validate.ts'
import type { Decoded } from './entry.ts'

export interface WriterInfo { key: Uint8Array, length: number, last: Hlc | null }

export type Live =
  // `deltas`: the sender understands Follow deltas (absent: a node of before).
  | { type: 'hello', version: number, identity: Uint8Array, certificate: Uint8Array, name: string, relay: boolean, dhtPort: number, deltas?: boolean }
  // `chats` replaces the set unless only `added`/`removed` are given
  // (proto/hallway.proto, Follow).
  | { type: 'follow', chats: Uint8Array[], added?: Uint8Array[], removed?: Uint8Array[] }
  | { type: 'writers', chat: Uint8Array, feeds: WriterInfo[] }
  | { type: 'status', away: boolean }

export function encodeLive (live: Live): Uint8Array {
  switch (live.type) {
    case 'hello': return pb.Live.encode({
      hello: { version: live.version, identity: live.identity, certificate: live.certificate, name: live.name, relay: live.relay, dhtPort: live.dhtPort, followDeltas: live.deltas === true }
    }).finish()
    case 'follow': return pb.Live.encode({ follow: { chats: live.chats, added: live.added ?? [], removed: live.removed ?? [] } }).finish()
    case 'writers': return pb.Live.encode({
      writers: {
        chat: live.chat,
        feeds: live.feeds.map(f => ({ key: f.key, length: f.length, last: f.last ? { ...f.last } : null }))
      }
    }).finish()
    case 'status': return pb.Live.encode({ status: { away: live.away } }).finish()
  }
}

export function decodeLive (bytes: Uint8Array): Decoded<Live> {
  if (bytes.byteLength > MAX_LIVE_FRAME_BYTES) return { ok: false, reason: 'too-large' }
  let live: pb.Live
  try {
    live = pb.Live.decode(bytes)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (live.hello) {
    const h = live.hello
    const name = h.name ?? ''
    const dhtPort = h.dhtPort ?? 0
    if (h.version !== LIVE_VERSION || !isKey(h.identity) || !isKey(h.certificate, SIGNATURE_BYTES) || !isValidName(name) || dhtPort > 65535) {
      return { ok: false, reason: 'bad-header' }
    }
    const hello: Live = { type: 'hello', version: h.version, identity: h.identity, certificate: h.certificate, name, relay: h.relay === true, dhtPort }
    if (h.followDeltas === true) hello.deltas = true
    return { ok: true, value: hello }
  }
  if (live.follow) {
    const chats = live.follow.chats ?? []
    const added = live.follow.added ?? []
    const removed = live.follow.removed ?? []
    const all = [...chats, ...added, ...removed]
    if (all.length > MAX_FOLLOWED_CHATS || !all.every((c: Uint8Array) => isKey(c))) return { ok: false, reason: 'malformed' }
    const follow: Live = { type: 'follow', chats }
    if (added.length > 0) follow.added = added
    if (removed.length > 0) follow.removed = removed
    return { ok: true, value: follow }
  }
  if (live.writers) {
    const w = live.writers
    const raw = w.feeds ?? []
    if (!isKey(w.chat) || raw.length > MAX_WRITERS_PER_FRAME) return { ok: false, reason: 'malformed' }
    const feeds: WriterInfo[] = []
    for (const f of raw) {
      const length = Number(f.length ?? 0)
      if (!isKey(f.key) || !Number.isSafeInteger(length) || length < 0) return { ok: false, reason: 'malformed' }
      feeds.push({ key: f.key!, length, last: toHlc(f.last) })
    }
    return { ok: true, value: { type: 'writers', chat: w.chat, feeds } }
  }
  if (live.status) return { ok: true, value: { type: 'status', away: live.status.away === true } }
  return { ok: false, reason: 'unknown-kind' }
}
