// ConnectionCap: the API's bound on open connections, in all and per
// address, with stand-in sockets (only remoteAddress, destroy and close).
import { EventEmitter } from 'node:events'
import type { Socket } from 'node:net'
import test from 'tape'
import { ConnectionCap } from '../../lib/api/connection-cap.ts'

class FakeSocket extends EventEmitter {
  destroyed = false
  constructor (readonly remoteAddress: string) { super() }
  destroy (): void {
    this.destroyed = true
    this.emit('close')
  }
}

function sock (address: string): FakeSocket & Socket {
  return new FakeSocket(address) as unknown as FakeSocket & Socket
}

test('past the per-address cap and past the total, connections are refused, counted and told once per address', t => {
  const told: string[] = []
  const cap = new ConnectionCap({ max: 5, perAddress: 2, refused: (a, reason) => told.push(`${a} ${reason}`) })
  const a = [sock('10.0.0.1'), sock('10.0.0.1'), sock('10.0.0.1'), sock('10.0.0.1')]
  t.deepEqual(a.map(s => cap.admit(s)), [true, true, false, false], 'two from one address')
  t.ok(a[2]!.destroyed && a[3]!.destroyed && !a[0]!.destroyed, 'the excess is closed')
  const others = ['10.0.0.2', '10.0.0.2', '10.0.0.3', '10.0.0.3'].map(sock)
  t.deepEqual(others.map(s => cap.admit(s)), [true, true, true, false], 'five in all')
  t.equal(cap.size, 5, 'five held')
  t.equal(cap.refusals, 3, 'three refused')
  t.deepEqual(told, ['10.0.0.1 per-address', '10.0.0.3 total'], 'one warning per address')
  a[0]!.destroy()
  t.equal(cap.size, 4, 'a close frees a place')
  t.ok(cap.admit(sock('10.0.0.1')), 'which a client of that address can take')
  t.throws(() => new ConnectionCap({ max: 0, perAddress: 1 }), RangeError, 'a cap of 0 is a mistake')
  t.end()
})
