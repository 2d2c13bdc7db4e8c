// The floor: a bench peer with no hallway layers. A Corestore in a data
// folder, one encrypted writer core, TCP + Noise (@hyperswarm/secret-stream,
// as hallway's transport) and corestore.replicate(stream); no protobuf, no
// HLC, no views, no live channel. Messages are written the way hallway's
// FeedWriter writes them (what is queued in one tick goes out in one append
// call, packed into blocks of up to 16 KiB / 256 entries), so hallway and the
// floor do the same block-level work and differ only by hallway's layers.
//
//   node --import tsx bench/workers/raw-peer.ts --data DIR [--port N] [--host A] [--peer H:P]...
import net from 'node:net'
import { parseArgs } from 'node:util'
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import { Control, emit, type BenchPeer, type Command } from './control.ts'
import { now } from './tally.ts'

// One key for every raw core of a run: the floor pays for encryption as hallway does.
export const RAW_ENCRYPTION_KEY = Buffer.alloc(32, 7)
const TARGET_BLOCK_BYTES = 16 * 1024 // = hallway's MAX_BLOCK_BYTES / 4
const MAX_ENTRIES_PER_BLOCK = 256
const READ_CHUNK = 256 // as hallway's ChatView

interface Pending { bytes: Buffer, resolve: () => void, reject: (e: Error) => void }

// [u16 length][bytes]... : the floor's packing of several messages in a block.
export function packBlock (msgs: Buffer[]): Buffer {
  const out = Buffer.alloc(msgs.reduce((n, m) => n + 2 + m.length, 0))
  let at = 0
  for (const m of msgs) { out.writeUInt16BE(m.length, at); m.copy(out, at + 2); at += 2 + m.length }
  return out
}

export function unpackBlock (block: Buffer): string[] {
  const out: string[] = []
  for (let at = 0; at + 2 <= block.length;) {
    const len = block.readUInt16BE(at)
    out.push(block.toString('utf8', at + 2, at + 2 + len))
    at += 2 + len
  }
  return out
}

class RawPeer implements BenchPeer {
  readonly store: Corestore
  own!: Hypercore
  readonly keyPair = NoiseSecretStream.keyPair()
  readonly server: net.Server
  readonly streams = new Set<NoiseSecretStream>()
  readonly followed = new Map<string, Hypercore>()
  private queue: Pending[] = []
  private flushing = false
  connectedAt: bigint | null = null

  constructor (dir: string, private readonly control: Control) {
    this.store = new Corestore(dir)
    this.server = net.createServer(socket => this.wrap(false, socket))
  }

  async open (port: number, host: string): Promise<number> {
    this.own = this.store.get({ name: 'writer', encryption: { key: RAW_ENCRYPTION_KEY } })
    await this.own.ready()
    await new Promise<void>((resolve, reject) => { this.server.once('error', reject); this.server.listen(port, host, () => resolve()) })
    return (this.server.address() as net.AddressInfo).port
  }

  wrap (initiator: boolean, socket: net.Socket): NoiseSecretStream {
    socket.setNoDelay(true)
    const stream = new NoiseSecretStream(initiator, socket, { keyPair: this.keyPair })
    stream.on('error', () => {})
    this.streams.add(stream)
    stream.once('close', () => this.streams.delete(stream))
    this.store.replicate(stream)
    stream.opened.then(ok => {
      if (!ok) return
      this.connectedAt ??= now()
      emit({ event: 'connected', peers: this.streams.size, t: String(now()) })
    }, () => {})
    return stream
  }

  // Dial until it answers: peers start in any order.
  dial (host: string, port: number): Promise<void> {
    return new Promise(resolve => {
      const attempt = (): void => {
        const socket = net.connect({ host, port })
        socket.once('error', () => setTimeout(attempt, 50))
        socket.once('connect', () => { this.wrap(true, socket); resolve() })
      }
      attempt()
    })
  }

  send (text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes: Buffer.from(text), resolve, reject })
      if (!this.flushing) { this.flushing = true; setImmediate(() => { this.flush().catch(() => {}) }) }
    })
  }

  private async flush (): Promise<void> {
    const batch = this.queue
    this.queue = []
    const blocks: Pending[][] = []
    let current: Pending[] = []
    let bytes = 0
    for (const p of batch) {
      if (current.length > 0 && (bytes + p.bytes.length + 2 > TARGET_BLOCK_BYTES || current.length >= MAX_ENTRIES_PER_BLOCK)) {
        blocks.push(current); current = []; bytes = 0
      }
      current.push(p); bytes += p.bytes.length + 2
    }
    if (current.length) blocks.push(current)
    try {
      await this.own.append(blocks.map(b => packBlock(b.map(p => p.bytes))))
      for (const p of batch) p.resolve()
    } catch (err) {
      for (const p of batch) p.reject(err as Error)
    } finally {
      if (this.queue.length) await this.flush()
      else this.flushing = false
    }
  }

  async follow (keys: string[], read: boolean, encryptionKey = RAW_ENCRYPTION_KEY): Promise<void> {
    await Promise.all(keys.map(async hex => {
      if (this.followed.has(hex) || hex === this.own.key!.toString('hex')) return
      const core = this.store.get({ key: Buffer.from(hex, 'hex'), encryption: { key: encryptionKey } })
      await core.ready()
      this.followed.set(hex, core)
      if (read) this.reader(core)
    }))
  }

  // Live reading as hallway's ChatView does it: on 'append', get the new
  // blocks in chunks of 256 parallel gets, in order.
  private reader (core: Hypercore): void {
    let hi = 0
    let reading: Promise<void> = Promise.resolve()
    const extend = async (): Promise<void> => {
      const length = core.length
      for (let s = hi; s < length; s += READ_CHUNK) {
        const e = Math.min(length, s + READ_CHUNK)
        const blocks = await Promise.all(Array.from({ length: e - s }, (_, i) => core.get(s + i)))
        for (const b of blocks) if (b) for (const text of unpackBlock(b)) this.control.tally.received(text)
      }
      hi = Math.max(hi, length)
    }
    const poke = (): void => { reading = reading.then(extend).catch(err => emit({ event: 'error', message: String(err) })) }
    core.on('append', poke)
    if (core.length > 0) poke()
  }

  async command (cmd: Command): Promise<object | null | undefined> {
    switch (cmd.cmd) {
      case 'follow':
        await this.follow(cmd.keys as string[], cmd.read !== false, cmd.encryptionKey ? Buffer.from(String(cmd.encryptionKey), 'hex') : undefined)
        return { event: 'following', n: this.followed.size }
      case 'dial': {
        await this.dial(String(cmd.host), Number(cmd.port))
        return { event: 'dialled' }
      }
      case 'join': return this.join(Number(cmd.tail ?? 20))
      case 'chats': return { event: 'chats', keys: await this.chats(Number(cmd.n), Number(cmd.blocks ?? 0)) }
    }
    return undefined
  }

  // Scenario 5's floor: one own core per chat (as hallway has one writer
  // feed per chat), each with `blocks` single-message blocks.
  private async chats (n: number, blocks: number): Promise<string[]> {
    const keys: string[] = []
    for (let i = 0; i < n; i++) {
      const core = this.store.namespace(`chat-${i}`).get({ name: 'writer', encryption: { key: RAW_ENCRYPTION_KEY } })
      await core.ready()
      for (let b = core.length; b < blocks; b++) await core.append(packBlock([Buffer.from(`c${i}:${b}:0:`.padEnd(200, 'x'))]))
      keys.push(core.key!.toString('hex'))
    }
    return keys
  }

  // Scenario 3's floor: the followed cores are known (keys); from the moment
  // the connection opens, fetch the newest `tail` blocks of each, then
  // download everything.
  private async join (tail: number): Promise<object> {
    while (this.connectedAt === null) await new Promise(resolve => setTimeout(resolve, 1))
    const t0 = this.connectedAt
    const cores = [...this.followed.values()]
    await Promise.all(cores.map(async core => {
      await core.update({ wait: true })
      const len = core.length
      await Promise.all(Array.from({ length: Math.min(tail, len) }, (_, i) => core.get(len - 1 - i)))
    }))
    const tTail = now()
    await Promise.all(cores.map(core => core.download({ start: 0, end: core.length }).done()))
    const tFull = now()
    const blocks = cores.reduce((n, c) => n + c.length, 0)
    return { event: 'joined', tailMs: Number(tTail - t0) / 1e6, fullMs: Number(tFull - t0) / 1e6, blocks }
  }

  async close (): Promise<void> {
    for (const s of this.streams) s.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
    await this.store.close()
  }
}

async function main (): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      peer: { type: 'string', multiple: true, default: [] }
    }
  })
  const control = new Control()
  const peer = new RawPeer(values.data!, control)
  control.attach(peer)
  const port = await peer.open(Number(values.port), values.host!)
  control.run()
  emit({ event: 'ready', kind: 'raw', port, key: peer.own.key!.toString('hex'), pid: process.pid })
  for (const p of values.peer!) {
    const [host, portText] = p.split(':')
    await peer.dial(host!, Number(portText))
  }
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
