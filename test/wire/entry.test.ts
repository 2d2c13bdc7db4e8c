import test from 'tape'
import { decodeBlock, encodeBlock, MAX_BLOCK_BYTES, MAX_TEXT_CHARS, type Entry } from '../../lib/wire/index.ts'

const hlc = { wall: 1_700_000_000_000, logical: 3 }
const header: Entry = {
  type: 'header',
  hlc,
  header: {
    version: 1,
    identity: new Uint8Array(32).fill(1),
    device: new Uint8Array(32).fill(2),
    certificate: new Uint8Array(64).fill(3),
    feedSignature: new Uint8Array(64).fill(4),
    chat: new Uint8Array(32).fill(5),
    name: 'alice'
  }
}

test('entries round-trip, several to a block', t => {
  const entries: Entry[] = [
    { type: 'message', text: 'привет 世界 👋', hlc },
    { type: 'profile', name: 'bob', hlc: { wall: hlc.wall + 1, logical: 0 } },
    { type: 'channel', name: '#random', hlc: { wall: hlc.wall + 2, logical: 0 } }
  ]
  const decoded = decodeBlock(encodeBlock(entries))
  t.ok(decoded.ok, 'decodes')
  if (decoded.ok) t.deepEqual(decoded.value, entries, 'same entries back')
  const h = decodeBlock(encodeBlock([header]))
  t.ok(h.ok && h.value[0]!.type === 'header', 'header round-trips')
  t.end()
})

test('bad blocks are rejections with a reason, never exceptions', t => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['oversized', new Uint8Array(MAX_BLOCK_BYTES + 1), 'too-large'],
    ['garbage', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), 'malformed'],
    ['empty block', encodeBlock([]), 'empty'],
    ['no hlc', encodeBlock([{ type: 'message', text: 'x', hlc: { wall: 0, logical: 0 } }]), 'bad-hlc'],
    ['empty text', encodeBlock([{ type: 'message', text: '', hlc }]), 'bad-text'],
    ['text too long', encodeBlock([{ type: 'message', text: 'x'.repeat(MAX_TEXT_CHARS + 1), hlc }]), 'bad-text'],
    ['bad name', encodeBlock([{ type: 'profile', name: 'a b', hlc }]), 'bad-name'],
    ['bad channel', encodeBlock([{ type: 'channel', name: 'general', hlc }]), 'bad-channel'],
    ['short key in header', encodeBlock([{ ...header, header: { ...header.header, identity: new Uint8Array(31) } } as Entry]), 'bad-header']
  ]
  for (const [what, bytes, reason] of cases) {
    const d = decodeBlock(bytes)
    t.deepEqual(d, { ok: false, reason }, `${what}: ${reason}`)
  }
  t.end()
})

test('10,000 mutated blocks never throw and never yield an invalid entry', t => {
  const good = encodeBlock([{ type: 'message', text: 'hello', hlc }, { type: 'channel', name: '#a', hlc }])
  let rejected = 0
  let seed = 42
  const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n }
  for (let i = 0; i < 10000; i++) {
    const b = Buffer.from(good)
    for (let k = 0; k <= rand(4); k++) b[rand(b.length)] = rand(256)
    const d = decodeBlock(b)
    if (!d.ok) rejected++
    else if (!d.value.every(e => e.hlc.wall > 0)) t.fail('accepted an entry without a clock')
  }
  t.comment(`10000 mutations: ${rejected} rejected, ${10000 - rejected} still valid`)
  t.pass('no exception')
  t.end()
})
