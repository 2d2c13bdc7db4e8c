import test from 'tape'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Log } from '../../lib/log.ts'
import { ConnectionGate } from '../../lib/net/connection-gate.ts'
import { byteStreamPair, memoryPair } from '../../lib/net/memory-pair.ts'

const log: Log = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => log }

function collect (stream: { on (e: 'data', fn: (d: unknown) => void): unknown }, until: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let n = 0
  return new Promise(resolve => stream.on('data', d => {
    parts.push(d as Buffer)
    n += (d as Buffer).byteLength
    if (n >= until) resolve(Buffer.concat(parts))
  }))
}

test('byte streams: what one end writes the other reads, in order, both ways, past a slow reader', async t => {
  const [a, b] = byteStreamPair()
  const sent = Buffer.alloc(1024 * 1024)
  for (let i = 0; i < sent.length; i++) sent[i] = i % 251
  let backpressured = false
  for (let i = 0; i < sent.length; i += 64 * 1024) backpressured = !a.write(sent.subarray(i, i + 64 * 1024)) || backpressured
  t.ok(backpressured, 'the writer is held back while nobody reads')
  const [atB, atA] = await Promise.all([collect(b, sent.length), collect(a, 3), b.write(Buffer.from('hey'))])
  t.ok(atB.equals(sent), '1 MiB from a to b, intact')
  t.equal(atA.toString(), 'hey', 'and back from b to a')
  a.destroy()
  await new Promise<void>(resolve => b.once('close', () => resolve()))
  t.pass('destroying one end closes the other')
})

test('memoryPair: a secret stream at each gate, kept by both; destroy() closes both', async t => {
  const ga = new ConnectionGate({ keyPair: NoiseSecretStream.keyPair(), log })
  const gb = new ConnectionGate({ keyPair: NoiseSecretStream.keyPair(), log })
  const pair = memoryPair(ga, gb)
  t.ok(await pair.kept, 'kept')
  const [a, b] = pair.streams
  t.ok(a.isInitiator && !b.isInitiator, "a's end dials")
  t.ok(a.remotePublicKey!.equals(gb.publicKey) && b.remotePublicKey!.equals(ga.publicKey), 'each end knows the other key')
  const got = collect(b, 5)
  a.write(Buffer.from('hello'))
  t.equal((await got).toString(), 'hello', 'bytes flow')
  pair.destroy()
  await Promise.all(pair.streams.map(s => new Promise<void>(resolve => s.once('close', () => resolve()))))
  t.equal(ga.connections.size + gb.connections.size, 0, 'both closed and let go')
})
