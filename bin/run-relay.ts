// `hallway relay`: compose the relay, its HTTP API and the signals.
import { createApiServer, MemberPool, type ApiServer } from '../lib/api/index.ts'
import type { Log } from '../lib/log.ts'
import { readRelayConfig } from '../lib/relay/relay-config.ts'
import type { CliOptions } from './cli-options.ts'
import { memberNode, openRelay, type RelayNode } from './relay-node.ts'

export async function runRelay (cli: CliOptions, dataDir: string, log: Log): Promise<void> {
  const config = await readRelayConfig(cli.config)
  let node: RelayNode | null = null
  const opening = openRelay({
    dataDir,
    config,
    log,
    ...(cli.name ? { name: cli.name } : {}),
    ...(cli.port !== null ? { port: cli.port } : {}),
    ...(cli.host ? { host: cli.host } : {}),
    ...(cli.dhtPort !== null ? { dhtPort: cli.dhtPort } : {}),
    ...(cli.dhtHost ? { dhtHost: cli.dhtHost } : {}),
    ...(cli.maxConnections !== null ? { maxConnections: cli.maxConnections } : {}),
    mdns: cli.mdns,
    peers: cli.peers
  })
  let pool: MemberPool | null = null
  let api: ApiServer | null = null
  let stopping: Promise<void> | null = null
  // Reverse order of starting: the API, its members, then the relay node.
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await api?.close()
      await pool?.close()
      await (node ?? await opening.catch(() => null))?.close()
    })().catch(err => log.error({ err: String(err) }, 'relay close failed'))
    return stopping
  }
  const stopped = new Promise<void>(resolve => {
    process.once('SIGINT', () => { stop().then(resolve) })
    process.once('SIGTERM', () => { stop().then(resolve) })
  })
  let http: { host: string, port: number } | null = null
  try {
    node = await opening
    const { relay, messenger } = node
    if (cli.http) {
      pool = new MemberPool({ relay: messenger, dataDir, log, member: memberNode(messenger, dataDir, log) })
      await pool.ready()
      api = createApiServer({ relayMessenger: messenger, members: pool, stats: () => relay.stats(), host: cli.http.host, port: cli.http.port, allowedHosts: cli.httpHosts, log })
      http = await api.listen()
    }
  } catch (err) {
    await stop()
    throw err
  }
  const s = node.relay.stats()
  // One line for whoever started it; the details are in the log.
  process.stdout.write(JSON.stringify({ event: 'ready', relay: true, id: node.messenger.id, device: node.messenger.identity.device.publicKey.toString('hex'), port: node.messenger.port, dhtPort: cli.dhtPort ?? 49737, dhtHost: node.dhtHost, http: http ? `${http.host}:${http.port}` : null, chats: s.chats, feeds: s.feeds }) + '\n')
  await stopped
}
