// The discovery floor: bonjour-service publish/browse (probe off, as hallway
// publishes), then TCP + Noise pinned to the key in the TXT record, and
// nothing else: no store, no live channel, no hello. Prints `peer` online
// when a handshake completes and offline when the stream closes.
//
//   node --import tsx bench/workers/raw-discovery.ts --port N
import net from 'node:net'
import { parseArgs } from 'node:util'
import { Bonjour, type Service } from 'bonjour-service'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import { emit } from './control.ts'
import { now } from './tally.ts'

const TYPE = 'hallway-floor'

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '47480' } } })
  const keyPair = NoiseSecretStream.keyPair()
  const pk = keyPair.publicKey.toString('hex')
  const open = new Set<string>()
  const dialing = new Set<string>()
  const attach = (stream: NoiseSecretStream): void => {
    stream.on('error', () => {})
    stream.opened.then(ok => {
      if (!ok) return
      const id = stream.remotePublicKey!.toString('hex')
      // Keep-alive and timeout as hallway's transport sets them.
      stream.setKeepAlive(3000)
      stream.setTimeout(10000)
      if (!open.has(id)) emit({ event: 'peer', state: 'online', id, t: String(now()) })
      open.add(id)
      stream.once('close', () => { open.delete(id); emit({ event: 'peer', state: 'offline', id, t: String(now()) }) })
    }, () => {})
  }
  const server = net.createServer(socket => { socket.setNoDelay(true); attach(new NoiseSecretStream(false, socket, { keyPair })) })
  await new Promise<void>(resolve => server.listen(Number(values.port), () => resolve()))
  const bonjour = new Bonjour({}, () => {})
  bonjour.publish({ name: `floor-${pk.slice(0, 16)}`, type: TYPE, port: Number(values.port), txt: { pk }, probe: false, disableIPv6: true }).on('error', () => {})
  const onUp = (s: Service): void => {
    const remote = (s.txt as Record<string, unknown> | undefined)?.pk
    const host = s.referer?.address
    if (typeof remote !== 'string' || remote === pk || !host || open.has(remote) || dialing.has(remote)) return
    // The lower key dials, as in hallway (one connection per pair).
    if (pk > remote) return
    dialing.add(remote)
    const socket = net.connect({ host, port: s.port })
    socket.setNoDelay(true)
    socket.on('error', () => {})
    const stream = new NoiseSecretStream(true, socket, { keyPair, remotePublicKey: Buffer.from(remote, 'hex') })
    stream.once('close', () => dialing.delete(remote))
    attach(stream)
  }
  const browser = bonjour.find({ type: TYPE })
  browser.on('up', onUp)
  emit({ event: 'ready', id: pk, pid: process.pid })
  const stop = (): void => {
    bonjour.unpublishAll(() => bonjour.destroy(() => process.exit(0)))
  }
  process.stdin.on('data', d => { if (String(d).includes('quit')) stop() })
  process.stdin.on('end', stop)
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
