// Many peers in one process, for the relay's memory per connected peer:
// each has its own Noise key and identity, replicates (one Corestore shared
// by the crowd) and, unless --raw, speaks hallway/v1: a hello with a valid
// device certificate and a follow of #general, as a node that joined and
// stays idle. Prints `connected` once every handshake is done; holds the
// connections until stdin closes.
//
//   node --import tsx bench/workers/crowd.ts --host H --port P --count N --data DIR [--raw]
import net from 'node:net'
import { parseArgs } from 'node:util'
import Corestore from 'corestore'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import { identityFromSeeds } from '../../lib/identity/identity.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { Workspace } from '../../lib/identity/workspace.ts'
import { LiveChannel } from '../../lib/net/live-channel.ts'
import { LIVE_VERSION } from '../../lib/wire/index.ts'
import { emit } from './control.ts'

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string' }, count: { type: 'string', default: '1000' }, data: { type: 'string' }, raw: { type: 'boolean', default: false } } })
  const count = Number(values.count)
  const store = new Corestore(values.data!)
  await store.ready()
  const general = new Workspace().channel('#general')
  const streams: NoiseSecretStream[] = []
  let closedEarly = 0
  const one = (i: number): Promise<void> => new Promise((resolve, reject) => {
    const person = identityFromSeeds(randomBytes(32), randomBytes(32))
    // Each peer from an address of its own, as a crowd of machines would
    // be: a node takes at most 16 connections from one address
    // (docs/security.md, "Connections"). All of 127/8 is this host's.
    const localAddress = values.host!.startsWith('127.') ? `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}` : undefined
    const socket = net.connect({ host: values.host!, port: Number(values.port), ...(localAddress ? { localAddress } : {}) })
    socket.setNoDelay(true)
    socket.on('error', () => {})
    const stream = new NoiseSecretStream(true, socket, { keyPair: person.device })
    stream.on('error', () => {})
    stream.once('close', () => { closedEarly++ })
    store.replicate(stream)
    if (!values.raw) {
      const live = new LiveChannel(stream)
      live.on('open', () => {
        live.send({ type: 'hello', version: LIVE_VERSION, identity: person.identity.publicKey, certificate: person.certificate, name: `p${i}`, relay: false, dhtPort: 0 })
        live.send({ type: 'follow', chats: [general.discoveryKey] })
      })
    }
    stream.opened.then(ok => { if (ok) { streams.push(stream); resolve() } else reject(new Error('handshake failed')) }, reject)
  })
  // 50 handshakes at a time: a crowd arriving, not a SYN flood.
  let next = 0
  await Promise.all(Array.from({ length: 50 }, async () => { while (next < count) await one(next++) }))
  emit({ event: 'connected', count: streams.length, pid: process.pid })
  const report = setInterval(() => { if (closedEarly) emit({ event: 'closed', count: closedEarly }) }, 1000)
  process.stdin.resume()
  process.stdin.on('end', () => {
    clearInterval(report)
    for (const s of streams) s.destroy()
    store.close().then(() => process.exit(0), () => process.exit(1))
  })
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
