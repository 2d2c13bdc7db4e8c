import test from 'tape'
import { decodeLive, encodeLive, MAX_LIVE_FRAME_BYTES, type Live } from '../../lib/wire/index.ts'

const key = (n: number): Uint8Array => Buffer.alloc(32, n)

test('live frames round-trip', t => {
  const frames: Live[] = [
    { type: 'hello', version: 1, identity: key(1), certificate: Buffer.alloc(64, 2), name: 'alice', relay: false, dhtPort: 49737 },
    { type: 'follow', chats: [key(3), key(4)] },
    { type: 'writers', chat: key(5), feeds: [{ key: key(6), length: 42, last: { wall: 1_700_000_000_000, logical: 1 } }, { key: key(7), length: 0, last: null }] },
    { type: 'status', away: true }
  ]
  for (const f of frames) {
    const d = decodeLive(encodeLive(f))
    t.deepEqual(d, { ok: true, value: f }, f.type)
  }
  t.end()
})

test('bad live frames are rejected', t => {
  t.deepEqual(decodeLive(new Uint8Array(MAX_LIVE_FRAME_BYTES + 1)), { ok: false, reason: 'too-large' }, 'oversized')
  t.deepEqual(decodeLive(Buffer.from([0x0a, 0xff, 0xff, 0xff])), { ok: false, reason: 'malformed' }, 'truncated')
  t.deepEqual(decodeLive(new Uint8Array(0)), { ok: false, reason: 'unknown-kind' }, 'empty')
  t.deepEqual(decodeLive(encodeLive({ type: 'follow', chats: [new Uint8Array(5)] })), { ok: false, reason: 'malformed' }, 'short chat key')
  t.deepEqual(decodeLive(encodeLive({ type: 'hello', version: 9, identity: key(1), certificate: new Uint8Array(64), name: 'a', relay: false, dhtPort: 0 })), { ok: false, reason: 'bad-header' }, 'unknown version')
  t.end()
})
