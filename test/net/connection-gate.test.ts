// The gate over in-memory byte streams: the same guards a TCP socket gets,
// and a Hyperswarm-made stream (handshake done elsewhere) guarded from its
// first byte.
import { createRequire } from 'node:module'
import test, { type Test } from 'tape'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Duplex } from 'streamx'
import { ConnectionGate, type ConnectionGateOptions, type KeyPair } from '../../lib/net/connection-gate.ts'
import { byteStreamPair, memoryPair } from '../../lib/net/memory-pair.ts'
import type { Log } from '../../lib/log.ts'

interface Gate {
  gate: ConnectionGate
  key: Buffer
  warnings: string[]
  connections: NoiseSecretStream[]
  disconnects: Buffer[]
}

function createGate (opts: Partial<ConnectionGateOptions> = {}): Gate {
  const warnings: string[] = []
  const log: Log = { debug: () => {}, info: () => {}, warn: (_obj, msg) => warnings.push(msg ?? ''), error: () => {}, child: () => log }
  const gate = new ConnectionGate({ keyPair: NoiseSecretStream.keyPair(), log, ...opts })
  const g: Gate = { gate, key: gate.publicKey, warnings, connections: [], disconnects: [] }
  gate.on('connection', s => g.connections.push(s))
  gate.on('disconnect', k => g.disconnects.push(k))
  return g
}

function closed (stream: NoiseSecretStream): Promise<void> {
  return stream.destroyed ? Promise.resolve() : new Promise(resolve => stream.once('close', () => resolve()))
}

// A frame's 3-byte little-endian length prefix.
function prefix (len: number): Buffer {
  const b = Buffer.alloc(3)
  b.writeUIntLE(len, 0, 3)
  return b
}

// A safety net, not a sleep: the gate's timers are unref'd (a socket holds
// a real node's loop open), so this one holds the test's open too.
function within<T> (ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms) })
  return Promise.race([p, late]).finally(() => clearTimeout(timer))
}

function drop (t: Test, ...streams: NoiseSecretStream[]): void {
  t.teardown(() => { for (const s of streams) s.destroy() })
}

test('a kept connection: one `connection` at each end, one `disconnect` each when it closes', async t => {
  const a = createGate()
  const b = createGate()
  const pair = memoryPair(a.gate, b.gate)
  t.ok(await pair.kept, 'both ends kept')
  t.ok(a.gate.connections.get(b.key) === pair.streams[0], "a holds its end under b's key")
  t.ok(b.gate.connections.get(a.key) === pair.streams[1], "b holds its end under a's key")
  t.deepEqual([a.connections.length, b.connections.length], [1, 1])
  pair.destroy()
  await Promise.all(pair.streams.map(closed))
  t.deepEqual(a.disconnects, [b.key], 'a: b disconnected, once')
  t.deepEqual(b.disconnects, [a.key], 'b: a disconnected, once')
  t.equal(a.gate.connections.size + b.gate.connections.size, 0, 'nothing left')
})

test('no handshake in time: dropped at the deadline', async t => {
  const a = createGate({ handshakeTimeoutMs: 200 })
  const [raw, silent] = byteStreamPair()
  t.teardown(() => silent.destroy())
  const started = Date.now()
  const { stream, kept } = a.gate.wrap(false, raw)
  t.notOk(await within(5000, 'the deadline', kept), 'not kept')
  t.ok(Date.now() - started >= 190, `dropped after ${Date.now() - started} ms`)
  t.ok(stream.destroyed, 'closed')
  t.ok(a.warnings.includes('no handshake in time: dropping'), 'logged')
  t.equal(a.connections.length, 0)
})

test('more than 64 KiB before the handshake: dropped before the handshake fails on its own', async t => {
  const a = createGate()
  const [raw, attacker] = byteStreamPair()
  const { kept } = a.gate.wrap(false, raw)
  // One 100 KiB frame: under the frame cap, over the handshake cap.
  attacker.write(prefix(100 * 1024))
  for (let i = 0; i < 100; i++) attacker.write(Buffer.alloc(1024, i))
  t.notOk(await kept, 'not kept')
  t.ok(a.warnings.includes('too much data before the handshake: dropping'), 'logged')
})

test('an oversized frame after the handshake: dropped from its length prefix', async t => {
  const a = createGate()
  const [raw, peerRaw] = byteStreamPair()
  const { stream, kept } = a.gate.wrap(false, raw)
  const peer = new NoiseSecretStream(true, peerRaw, { keyPair: NoiseSecretStream.keyPair() })
  peer.on('error', () => {})
  drop(t, peer)
  t.ok(await kept, 'kept after an honest handshake')
  const got = new Promise<unknown>(resolve => stream.once('data', resolve))
  peer.write(Buffer.alloc(300 * 1024, 1))
  t.equal((await got as Buffer).byteLength, 300 * 1024, 'a large honest message passes')
  peerRaw.write(prefix(1024 * 1024))
  await closed(stream)
  t.ok(a.warnings.includes('oversized frame: dropping'), 'logged')
  t.deepEqual(a.disconnects, [peer.publicKey], 'a disconnect for the dropped peer')
})

// Noise done apart from the stream, as HyperDHT does it in its own messages.
interface HandshakeResult { data: Buffer | null, tx: Buffer | null, rx: Buffer | null, hash: Buffer | null, remotePublicKey: Buffer | null }
interface Handshake { send (): HandshakeResult, recv (data: Buffer): HandshakeResult }
type HandshakeClass = new (isInitiator: boolean, keyPair: KeyPair, remotePublicKey: Buffer | null, pattern: string) => Handshake
const Handshake = createRequire(import.meta.url)('@hyperswarm/secret-stream/lib/handshake') as HandshakeClass
interface Done { tx: Buffer, rx: Buffer, hash: Buffer, publicKey: Buffer, remotePublicKey: Buffer }

function handshake (initiator: KeyPair, responder: KeyPair): [Done, Done] {
  const i = new Handshake(true, initiator, null, 'XX')
  const r = new Handshake(false, responder, null, 'XX')
  const unframe = (h: HandshakeResult): Buffer => h.data!.subarray(3)
  const m2 = r.recv(unframe(i.send()))
  const m3 = i.recv(unframe(m2))
  const last = r.recv(unframe(m3))
  const done = (h: HandshakeResult, kp: KeyPair): Done => ({ tx: h.tx!, rx: h.rx!, hash: h.hash!, publicKey: kp.publicKey, remotePublicKey: h.remotePublicKey! })
  return [done(m3, initiator), done(last, responder)]
}

// HyperDHT's options beyond what types/secret-stream.d.ts declares.
type SecretStreamOptions = ConstructorParameters<typeof NoiseSecretStream>[2]
const withHandshake = (h: Done, extra: object = {}): SecretStreamOptions => ({ handshake: h, ...extra }) as SecretStreamOptions
const start = (s: NoiseSecretStream, raw: Duplex, h: Done): void => (s as unknown as { start (raw: Duplex, opts: object): void }).start(raw, { handshake: h })

interface SwarmSide { stream: NoiseSecretStream, peer: NoiseSecretStream, peerRaw: Duplex }

// One end made by the gate's factory as HyperDHT makes it, the other a
// plain secret stream; `beforeStart` runs once the peer is there and
// before the gate's stream has its raw stream.
function swarmStreams (t: Test, gate: ConnectionGate, side: 'dial' | 'server', beforeStart: (peerRaw: Duplex) => void = () => {}): SwarmSide {
  const peerKeys = NoiseSecretStream.keyPair()
  const [raw, peerRaw] = byteStreamPair()
  let stream: NoiseSecretStream
  let peer: NoiseSecretStream
  if (side === 'dial') {
    // As hyperdht's lib/connect.js: made with no raw stream, started once connected.
    const [mine, theirs] = handshake(gate.keyPair, peerKeys)
    stream = gate.createSecretStream(true, null, { autoStart: false })
    peer = new NoiseSecretStream(false, peerRaw, withHandshake(theirs))
    beforeStart(peerRaw)
    start(stream, raw, mine)
  } else {
    // As hyperdht's lib/server.js: made with its raw stream and the handshake.
    const [theirs, mine] = handshake(peerKeys, gate.keyPair)
    peer = new NoiseSecretStream(true, peerRaw, withHandshake(theirs))
    beforeStart(peerRaw)
    stream = gate.createSecretStream(false, raw, withHandshake(mine))
  }
  peer.on('error', () => {})
  drop(t, peer, stream)
  return { stream, peer, peerRaw }
}

for (const side of ['dial', 'server'] as const) {
  test(`a Hyperswarm stream (${side}): honest frames of any size pass, an oversized one is refused`, async t => {
    const a = createGate()
    const { stream, peer, peerRaw } = swarmStreams(t, a.gate, side)
    t.ok(await a.gate.admit(stream, { address: 'swarm' }), 'kept')
    t.ok(peer.remotePublicKey!.equals(a.key) && stream.remotePublicKey!.equals(peer.publicKey!), 'each knows the other')
    const sizes = [1, 70_000, 0, 300 * 1024, 5]
    const got: number[] = []
    const all = new Promise<void>(resolve => stream.on('data', (d: unknown) => { if (got.push((d as Buffer).byteLength) === sizes.length - 1) resolve() }))
    for (const n of sizes) peer.write(Buffer.alloc(n, 2))
    await all
    t.deepEqual(got, sizes.filter(n => n > 0), 'every honest frame passed (keep-alive empties are eaten)')
    t.deepEqual(a.warnings, [], 'nothing refused')
    peerRaw.write(prefix(1024 * 1024))
    await closed(stream)
    t.ok(a.warnings.includes('oversized frame: dropping'), 'an oversized frame is refused')
  })

  // What a guard added when Hyperswarm hands the stream over would miss.
  test(`a Hyperswarm stream (${side}): an oversized frame already waiting when the stream starts is refused`, async t => {
    const a = createGate()
    const { stream } = swarmStreams(t, a.gate, side, peerRaw => peerRaw.write(prefix(1024 * 1024)))
    await within(5000, 'the stream to close', closed(stream))
    t.ok(a.warnings.includes('oversized frame: dropping'), 'refused from the first bytes the stream reads')
  })
}

test('one connection per device: both ends keep the one the lower key dialled, whichever came first', async t => {
  for (const lowFirst of [true, false]) {
    const [low, high] = [createGate(), createGate()].sort((x, y) => x.key.compare(y.key))
    const lowDialled = (): ReturnType<typeof memoryPair> => memoryPair(low!.gate, high!.gate)
    const highDialled = (): ReturnType<typeof memoryPair> => memoryPair(high!.gate, low!.gate)
    const first = lowFirst ? lowDialled() : highDialled()
    t.ok(await first.kept, 'the first is kept')
    const second = lowFirst ? highDialled() : lowDialled()
    const [kept, lost] = lowFirst ? [first, second] : [second, first]
    drop(t, ...kept.streams)
    await Promise.all(lost.streams.map(closed))
    // The low key's dial: its first stream is the low end's.
    const [keptAtLow, keptAtHigh] = kept.streams
    t.ok(low!.gate.connections.get(high!.key) === keptAtLow, `${lowFirst ? 'low first' : 'high first'}: the low key's dial kept at the low end`)
    t.ok(high!.gate.connections.get(low!.key) === keptAtHigh, '... and at the high end')
    t.notOk(keptAtLow.destroyed || keptAtHigh.destroyed, 'and open')
    // (A displaced one can close at one end before that end sees its
    // successor: that end reports a disconnect, as over TCP.)
    if (lowFirst) t.deepEqual([low!.disconnects.length, high!.disconnects.length], [0, 0], 'a dropped newcomer is no disconnect')
  }
})

test('a second dial the same way (one pinned to a spoofed key, say) does not displace the working connection', async t => {
  const [low, high] = [createGate(), createGate()].sort((x, y) => x.key.compare(y.key))
  const real = memoryPair(low!.gate, high!.gate)
  drop(t, ...real.streams)
  t.ok(await real.kept, 'connected')
  // The low key dials again: a tie at the high end. Over TCP the high end
  // completes such a handshake even when the dialler then drops it for
  // reaching another key than mDNS announced; it cannot know.
  const sl = new NoiseSecretStream(true, null, { keyPair: low!.gate.keyPair })
  const sh = new NoiseSecretStream(false, null, { keyPair: high!.gate.keyPair })
  sl.rawStream.pipe(sh.rawStream).pipe(sl.rawStream)
  sl.on('error', () => {})
  drop(t, sl, sh)
  t.notOk(await high!.gate.admit(sh), 'the newcomer is not kept')
  t.ok(high!.gate.connections.get(low!.key) === real.streams[1], 'the working connection is still the one held')
  t.notOk(real.streams.some(s => s.destroying), 'and open')
  t.deepEqual([low!.disconnects.length, high!.disconnects.length], [0, 0], 'nobody saw a disconnect')
})

test('a connection to itself is dropped', async t => {
  const a = createGate()
  const pair = memoryPair(a.gate, a.gate)
  t.notOk(await pair.kept, 'not kept')
  await Promise.all(pair.streams.map(closed))
  t.equal(a.gate.connections.size, 0, 'not held')
  t.equal(a.connections.length, 0, 'never emitted')
})

test('a dial that reaches another key than the pinned one is dropped', async t => {
  const a = createGate()
  const b = createGate()
  const announced = NoiseSecretStream.keyPair().publicKey
  const [raw, otherRaw] = byteStreamPair()
  const dial = a.gate.wrap(true, raw, { remotePublicKey: announced })
  drop(t, b.gate.wrap(false, otherRaw).stream)
  t.notOk(await dial.kept, 'not kept')
  t.ok(a.warnings.includes('remote key is not the announced one: dropping'), 'logged')
  t.equal(a.gate.connections.size, 0, 'not held')
  t.equal(a.connections.length, 0, 'never emitted')
})

test('a stream made elsewhere (Messenger.addConnection) is admitted with the same rules', async t => {
  const a = createGate()
  const b = createGate()
  const sa = new NoiseSecretStream(true, null, { keyPair: a.gate.keyPair })
  const sb = new NoiseSecretStream(false, null, { keyPair: b.gate.keyPair })
  sa.rawStream.pipe(sb.rawStream).pipe(sa.rawStream)
  drop(t, sa, sb)
  t.deepEqual(await Promise.all([a.gate.admit(sa), b.gate.admit(sb)]), [true, true], 'kept at both ends')
  const again = memoryPair(b.gate, a.gate)
  t.ok(a.key.compare(b.key) < 0 ? !(await again.kept) : await again.kept, 'a second connection is de-duplicated against it')
  drop(t, ...again.streams)
})

// A remote peer dialling the gate's accept() from `address`: its own Noise
// stream over one end of a byte pair, the gate's end accepted.
function dialFrom (t: Test, g: Gate, address: string): { gated: ReturnType<ConnectionGate['accept']>, remote: NoiseSecretStream, raw: Duplex } {
  const [mine, theirs] = byteStreamPair()
  const remote = new NoiseSecretStream(true, mine, { keyPair: NoiseSecretStream.keyPair() })
  remote.on('error', () => {})
  const gated = g.gate.accept(theirs, address)
  drop(t, remote, ...(gated ? [gated.stream] : []))
  return { gated, remote, raw: theirs }
}

test('budgets: one address past its budget is refused before Noise, counted and logged; another address still gets in', async t => {
  const a = createGate({ limits: { maxPerAddress: 4, maxPendingPerAddress: 4 } })
  const flood = Array.from({ length: 10 }, () => dialFrom(t, a, '10.0.0.66'))
  const refused = flood.filter(f => f.gated === null)
  t.equal(refused.length, 6, '6 of 10 refused')
  t.ok(refused.every(f => f.raw.destroying), 'each refused socket closed at once, no secret stream made')
  t.equal(a.gate.limits.stats().refused['per-address'], 6, 'counted by reason')
  t.equal(a.warnings.filter(w => w === 'connection refused').length, 6, 'logged')
  const kept = await within(5000, 'the admitted ones', Promise.all(flood.filter(f => f.gated).map(f => f.gated!.kept)))
  t.deepEqual(kept, [true, true, true, true], 'the four within the budget are kept')
  const honest = dialFrom(t, a, '::ffff:10.0.0.7')
  t.ok(honest.gated && await within(5000, 'the honest peer', honest.gated.kept), 'an honest peer at another address is kept')
  t.equal(a.gate.connections.size, 5, 'nobody was dropped to make room')
  const same = dialFrom(t, a, '::ffff:10.0.0.66')
  t.equal(same.gated, null, 'the same address written the dual-stack way is the same address')
})

test('budgets: a connection is pending until proven (hello); closing gives the slot back', async t => {
  const a = createGate({ limits: { maxPendingPerAddress: 2 } })
  const first = dialFrom(t, a, '10.0.0.5')
  const second = dialFrom(t, a, '10.0.0.5')
  t.equal(dialFrom(t, a, '10.0.0.5').gated, null, 'a third unproven one waits')
  t.ok(await within(5000, 'the first', first.gated!.kept))
  a.gate.proven(first.gated!.stream)
  t.ok(dialFrom(t, a, '10.0.0.5').gated, 'the first proved itself: room for another')
  t.equal(dialFrom(t, a, '10.0.0.5').gated, null, 'and no more')
  second.gated!.stream.destroy()
  await closed(second.gated!.stream)
  t.ok(dialFrom(t, a, '10.0.0.5').gated, 'a closed one gives its slot back')
  t.equal(a.gate.limits.stats().pending, 2)
})

test('budgets: an address that keeps trying is banned, logged once; memory pairs and our own dials are not limited', async t => {
  const a = createGate({ limits: { maxPerAddress: 1, banAfterRefusals: 5 } })
  dialFrom(t, a, '10.0.0.66')
  for (let i = 0; i < 20; i++) dialFrom(t, a, '10.0.0.66')
  t.ok(a.gate.limits.isBanned('10.0.0.66'), 'banned')
  t.equal(a.warnings.filter(w => w === 'address banned').length, 1, 'the ban logged once')
  t.equal(a.warnings.filter(w => w === 'connection refused').length, 4, 'the refusals before it logged; those during it only counted')
  t.equal(a.gate.limits.stats().refused.banned, 15)
  const b = createGate()
  const pairs = Array.from({ length: 3 }, () => memoryPair(a.gate, createGate().gate))
  const back = memoryPair(b.gate, a.gate)
  for (const p of [...pairs, back]) drop(t, ...p.streams)
  t.deepEqual(await within(5000, 'memory pairs', Promise.all([...pairs, back].map(p => p.kept))), [true, true, true, true], 'in-process pairs are kept')
})
