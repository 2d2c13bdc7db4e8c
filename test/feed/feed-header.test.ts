// checkHeader: block 0 of a writer feed counts only if it is one header that
// names this chat, whose certificate binds the device to the identity, and
// whose feed signature binds this feed key to the device (DESIGN.md §6).
// Headers are built with the real identity functions.
import test from 'tape'
import { checkHeader } from '../../lib/feed/feed-header.ts'
import { certifyDevice, signFeed } from '../../lib/identity/device-certificate.ts'
import { identityFromSeeds } from '../../lib/identity/identity.ts'
import { encodeBlock, MAX_BLOCK_BYTES, type Entry, type Header } from '../../lib/wire/index.ts'

const seed = (n: number): Uint8Array => new Uint8Array(32).fill(n)
const alice = identityFromSeeds(seed(1), seed(2))
const mallory = identityFromSeeds(seed(3), seed(4))
const feedKey = seed(9)
const chatId = seed(5)
const otherChat = seed(6)
const hlc = { wall: 1_700_000_000_000, logical: 0 }

function header (over: Partial<Header> = {}): Header {
  return {
    version: 1,
    identity: alice.identity.publicKey,
    device: alice.device.publicKey,
    certificate: alice.certificate,
    feedSignature: signFeed(alice.device, feedKey, chatId),
    chat: chatId,
    name: 'alice',
    ...over
  }
}

const block0 = (h: Header, ...more: Entry[]): Uint8Array => encodeBlock([{ type: 'header', hlc, header: h }, ...more])
const reason = (c: ReturnType<typeof checkHeader>): string => c.ok ? 'accepted' : c.reason

test('a valid header passes, and is returned as written', t => {
  const c = checkHeader(block0(header()), feedKey, chatId)
  t.ok(c.ok, 'accepted')
  if (c.ok) {
    t.equal(Buffer.from(c.header.identity).toString('hex'), alice.id, 'identity')
    t.ok(Buffer.from(c.header.device).equals(alice.device.publicKey), 'device')
    t.equal(c.header.name, 'alice', 'name')
  }
  t.end()
})

test('a header of another chat: wrong-chat', t => {
  // Validly signed for the other chat, and presented to this one.
  const h = header({ chat: otherChat, feedSignature: signFeed(alice.device, feedKey, otherChat) })
  t.ok(checkHeader(block0(h), feedKey, otherChat).ok, 'valid in its own chat')
  t.equal(reason(checkHeader(block0(h), feedKey, chatId)), 'wrong-chat', 'offered to this chat')
  t.equal(reason(checkHeader(block0(header()), feedKey, otherChat)), 'wrong-chat', 'this chat\'s header offered to another chat')
  t.end()
})

test('a certificate that does not bind this device to this identity: bad-certificate', t => {
  t.equal(reason(checkHeader(block0(header({ certificate: mallory.certificate })), feedKey, chatId)), 'bad-certificate', 'another person\'s certificate')
  t.equal(reason(checkHeader(block0(header({ certificate: certifyDevice(alice.identity, mallory.device.publicKey) })), feedKey, chatId)), 'bad-certificate', 'alice certified another device')
  // Mallory claims to be alice: her own device signs the feed, but no
  // certificate from alice's identity covers that device.
  const claim = header({ device: mallory.device.publicKey, certificate: mallory.certificate, feedSignature: signFeed(mallory.device, feedKey, chatId) })
  t.equal(reason(checkHeader(block0(claim), feedKey, chatId)), 'bad-certificate', 'mallory\'s device under alice\'s identity')
  const flipped = Buffer.from(alice.certificate)
  flipped[10]! ^= 1
  t.equal(reason(checkHeader(block0(header({ certificate: flipped })), feedKey, chatId)), 'bad-certificate', 'one bit flipped')
  t.end()
})

test('a feed signature that does not bind this feed key to the device: bad-feed-signature', t => {
  t.equal(reason(checkHeader(block0(header()), seed(10), chatId)), 'bad-feed-signature', 'the header copied onto another feed')
  t.equal(reason(checkHeader(block0(header({ feedSignature: signFeed(mallory.device, feedKey, chatId) })), feedKey, chatId)), 'bad-feed-signature', 'signed by another device')
  t.equal(reason(checkHeader(block0(header({ feedSignature: signFeed(alice.device, feedKey, otherChat) })), feedKey, chatId)), 'bad-feed-signature', 'signed for another chat')
  t.end()
})

test('block 0 must hold exactly one header: no-header', t => {
  t.equal(reason(checkHeader(block0(header(), { type: 'message', text: 'smuggled', hlc }), feedKey, chatId)), 'no-header', 'a header and a message')
  t.equal(reason(checkHeader(block0(header(), { type: 'header', hlc, header: header() }), feedKey, chatId)), 'no-header', 'two headers')
  t.equal(reason(checkHeader(encodeBlock([{ type: 'message', text: 'hello', hlc }]), feedKey, chatId)), 'no-header', 'a message block')
  t.equal(reason(checkHeader(encodeBlock([{ type: 'message', text: 'first', hlc }, { type: 'header', hlc, header: header() }]), feedKey, chatId)), 'no-header', 'the header not first')
  t.end()
})

test('bytes that do not decode: the decoder\'s reason', t => {
  t.equal(reason(checkHeader(Uint8Array.from([0x0a, 0xff, 0xff]), feedKey, chatId)), 'malformed', 'truncated protobuf')
  t.equal(reason(checkHeader(new Uint8Array(0), feedKey, chatId)), 'empty', 'no entries')
  t.equal(reason(checkHeader(new Uint8Array(MAX_BLOCK_BYTES + 1), feedKey, chatId)), 'too-large', 'over the block size cap')
  t.equal(reason(checkHeader(block0(header({ name: 'two words' })), feedKey, chatId)), 'bad-header', 'a header the wire rules refuse (a name with a space)')
  t.equal(reason(checkHeader(block0(header({ version: 2 })), feedKey, chatId)), 'bad-header', 'an unknown header version')
  t.end()
})
