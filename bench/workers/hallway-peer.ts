// A bench peer that is a real hallway node: lib/chat's Messenger with its
// real transport, store and views, configured as bin/hallway.ts configures
// it (a pino log file in the data folder), in a process of its own. Used
// where a scenario needs thousands of messages or in-process timestamps; the
// control protocol is the raw peer's, so both are timed by the same code.
//
//   node --import tsx bench/workers/hallway-peer.ts --data DIR --name N [--port P] [--peer H:P]... [--mdns] [--print]
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pino } from 'pino'
import { Messenger } from '../../lib/chat/messenger.ts'
import type { Log } from '../../lib/log.ts'
import { Control, emit, type BenchPeer, type Command } from './control.ts'
import { now } from './tally.ts'

class HallwayPeer implements BenchPeer {
  chat = '#general'
  connectedAt: bigint | null = null
  baseBlocks = 0

  constructor (readonly m: Messenger) {}

  send (text: string): Promise<unknown> {
    return this.m.send(this.chat, text)
  }

  async command (cmd: Command): Promise<object | null | undefined> {
    switch (cmd.cmd) {
      case 'join': {
        for (const chat of cmd.chats as string[]) await this.m.join(chat)
        return { event: 'joined', chats: this.m.joined().length }
      }
      case 'use':
        this.chat = String(cmd.chat)
        return { event: 'using', chat: this.chat }
      // Resolves once this node holds `n` more blocks than when its first
      // connection opened (Messenger.storage(): contiguous blocks of every
      // feed it follows), polled every 10 ms: the background fetch has no event.
      case 'wait-blocks': {
        const target = this.baseBlocks + Number(cmd.n)
        while (this.m.storage().blocks < target) await new Promise(resolve => setTimeout(resolve, 10))
        const t = now()
        return { event: 'blocks', blocks: this.m.storage().blocks - this.baseBlocks, endNs: String(t), connectedNs: String(this.connectedAt ?? 0n) }
      }
      case 'history': {
        const t0 = now()
        const list = await this.m.history(String(cmd.chat ?? this.chat), Number(cmd.n))
        const t1 = now()
        return { event: 'history', n: list.length, ms: Number(t1 - t0) / 1e6, endNs: String(t1), connectedNs: String(this.connectedAt ?? 0n) }
      }
    }
    return undefined
  }

  close (): Promise<void> {
    return this.m.close()
  }
}

// As bin/hallway.ts: JSON lines at debug level, synchronous, in the data folder.
function createLog (dataDir: string): Log {
  return pino({ level: 'debug', base: { pid: process.pid } }, pino.destination({ dest: path.join(dataDir, 'hallway.log'), sync: true, mkdir: true })) as unknown as Log
}

async function main (): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      name: { type: 'string', default: 'bench' },
      port: { type: 'string' },
      host: { type: 'string' },
      peer: { type: 'string', multiple: true, default: [] },
      mdns: { type: 'boolean', default: false },
      print: { type: 'boolean', default: false },
      // Diagnosis only (docs/PERFORMANCE.md): no background fetch of whole
      // feeds; read markers kept in memory, never written to read.json.
      'no-fetch': { type: 'boolean', default: false },
      'no-marker-save': { type: 'boolean', default: false },
      history: { type: 'string', default: '20' }
    }
  })
  const dataDir = path.resolve(values.data!)
  const m = new Messenger({
    dataDir,
    name: values.name!,
    ...(values.port ? { port: Number(values.port), portIsExplicit: true } : {}),
    ...(values.host ? { host: values.host } : {}),
    mdns: values.mdns!,
    peers: values.peer!.map(p => { const [host, port] = p.split(':'); return { host: host!, port: Number(port) } }),
    historyCount: Number(values.history),
    ...(values['no-fetch'] ? { fetch: { attach: () => {}, accepted: () => Infinity, mayFetch: () => true } } : {}),
    log: createLog(dataDir)
  })
  if (values['no-marker-save']) {
    // Reaches into a private field on purpose: a what-if, never the figures of record.
    (m as unknown as { markers: { save: () => Promise<void> } }).markers.save = async () => {}
  }
  const control = new Control()
  const peer = new HallwayPeer(m)
  control.attach(peer)
  // Instrumentation only: stamp the moment the gate hands a handshaken
  // connection to the node (the gate exists once the identity is loaded,
  // well before a first handshake can finish).
  m.once('ready', () => m.connectionGate.prependListener('connection', () => {
    const t = now()
    if (peer.connectedAt === null) {
      peer.connectedAt = t
      peer.baseBlocks = m.storage().blocks
    }
    emit({ event: 'connection', t: String(t) })
  }))
  m.on('message', e => {
    const t = now()
    if (!e.own) control.tally.received(e.text, t)
    if (values.print) emit({ event: 'message', text: e.text.slice(0, 48), history: e.history, own: e.own, t: String(t) })
  })
  m.on('peer', e => emit({ event: 'peer', state: e.state, id: e.id, t: String(now()) }))
  await m.ready()
  control.run()
  emit({ event: 'ready', kind: 'hallway', port: m.port, id: m.id, pid: process.pid })
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
