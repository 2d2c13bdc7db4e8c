import test from 'tape'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { ConnectionSet } from '../../lib/net/connection-set.ts'

const key = (n: number): Buffer => Buffer.alloc(32, n)
function stream (isInitiator: boolean, remote: Buffer): NoiseSecretStream {
  return { isInitiator, remotePublicKey: remote } as unknown as NoiseSecretStream
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
