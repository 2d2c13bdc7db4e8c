import test from 'tape'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { ConnectionSet } from '../../lib/net/connection-set.ts'

const key = (n: number): Buffer => Buffer.alloc(32, n)
function stream (isInitiator: boolean, remote: Buffer, more: { handshakeHash?: Buffer, destroying?: boolean } = {}): NoiseSecretStream {
  return { isInitiator, remotePublicKey: remote, ...more } as unknown as NoiseSecretStream
}

test('duplicate connections: both sides keep the one the lower key dialled', t => {
  const low = key(1)
  const high = key(2)
  // Seen from the low side: it dialled (initiator) and was dialled.
  const atLow = new ConnectionSet(low)
  const lowDialled = stream(true, high)
  const highDialled = stream(false, high)
  t.equal(atLow.add(highDialled), null, 'first is kept')
  t.equal(atLow.add(lowDialled), highDialled, 'the one the high key dialled loses')
  t.equal(atLow.get(high), lowDialled)
  // Seen from the high side, in the other arrival order.
  const atHigh = new ConnectionSet(high)
  const lowDialledH = stream(false, low)
  const highDialledH = stream(true, low)
  t.equal(atHigh.add(lowDialledH), null)
  t.equal(atHigh.add(highDialledH), highDialledH, 'the newcomer the high key dialled loses')
  t.equal(atHigh.get(low), lowDialledH)
  t.ok(atHigh.delete(lowDialledH) && !atHigh.has(low), 'deleted')
  t.notOk(atHigh.delete(highDialledH), 'a loser was never in the set')
  t.end()
})

test('one initiator for both: the one in place stays', t => {
  const low = key(1)
  const high = key(2)
  // Seen from both ends: a second dial from the low key, as a dial pinned
  // to a spoofed key that reached the real node would be.
  // The newcomer's handshake hash is the lower: it does not count.
  const [lower, higher] = [Buffer.alloc(64, 1), Buffer.alloc(64, 2)]
  const atLow = new ConnectionSet(low)
  const first = stream(true, high, { handshakeHash: higher })
  const second = stream(true, high, { handshakeHash: lower })
  t.equal(atLow.add(first), null)
  t.equal(atLow.add(second), second, 'at the dialling end the newcomer loses')
  t.equal(atLow.get(high), first)
  const atHigh = new ConnectionSet(high)
  const firstH = stream(false, low, { handshakeHash: higher })
  const secondH = stream(false, low, { handshakeHash: lower })
  t.equal(atHigh.add(firstH), null)
  t.equal(atHigh.add(secondH), secondH, 'and at the other end')
  t.equal(atHigh.get(low), firstH)
  t.end()
})

test('a connection already closing does not hold its place against a new one', t => {
  const low = key(1)
  const high = key(2)
  const set = new ConnectionSet(low)
  const cut = stream(true, high, { destroying: true })
  const again = stream(false, high)
  t.equal(set.add(cut), null)
  t.equal(set.add(again), null, 'the new one is kept, although the rule would prefer the old')
  t.equal(set.get(high), again)
  t.notOk(set.delete(cut), 'the old one closing later is not a disconnect')
  t.end()
})
