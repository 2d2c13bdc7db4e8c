// Command-line parsing for bin/hallway.ts: flags in, typed options out, or a
// usage error with a stable code.
import { parseArgs } from 'node:util'
import { hallwayError } from '../lib/errors.ts'

export interface CliOptions {
  command: 'node' | 'relay' | 'help' | 'version'
  headless: boolean
  name: string | null
  data: string | null
  port: number | null
  host: string | null
  peers: Array<{ host: string, port: number }>
  mdns: boolean
  verbose: boolean
  history: number
  // node: join the swarm through a relay's bootstrap (HOST[:PORT]); a peer
  // at that host that says it is a relay is trusted as one
  relay: Array<{ host: string, port: number }>
  // node: device keys (hex) of relays trusted wherever they are met
  relayKeys: string[]
  // relay: HTTP API address, DHT port and host, config file
  http: { host: string, port: number } | null
  // relay: host names the HTTP API answers besides the loopback ones
  httpHosts: string[]
  dhtPort: number | null
  dhtHost: string | null
  config: string | null
  // relay: connections from the network in all (RELAY_LIMITS.maxTotal)
  maxConnections: number | null
}

export const USAGE = `Usage: hallway [options]
       hallway relay [relay options]

  --headless          no UI: commands on stdin, JSON events on stdout
  --name NAME         your name (default: your OS user name)
  --data DIR          data folder (default: $HALLWAY_DATA, else the XDG data folder)
  --port N            replication port (default 47470; a random one if taken)
  --host ADDR         listen address (default: all interfaces)
  --peer HOST:PORT    connect to a known peer directly (repeatable)
  --no-mdns           do not use mDNS discovery
  --history N         messages shown when joining a chat (default 20)
  --relay HOST[:PORT] join the workspace's swarm through a relay (its DHT port, default 49737);
                      a peer at HOST that says it is a relay is trusted as one
  --relay-key HEX     trust the relay with this device key (64 hex digits, the "device" of
                      its ready line; repeatable):
                      only trusted relays carry your direct messages and count as a relay
  --verbose           also write logs to stderr
  --version           print the version
  -h, --help          this help

Relay options (hallway relay):
  --data DIR          data folder (as above)
  --port N            replication port (default 47470)
  --http HOST:PORT    HTTP API address (default 127.0.0.1:8000; "off" for none)
  --http-host NAME    a host name the HTTP API answers to, besides 127.0.0.1, localhost,
                      [::1] and the --http address (repeatable; others get 421 BAD_HOST)
  --dht-port N        HyperDHT bootstrap port for other sub-nets (default 49737; 0 for none)
  --dht-host ADDR     the address other sub-nets reach this machine at (default: first non-loopback IPv4)
  --max-connections N connections from the network in all (default 4096; per address 16)
  --config FILE       storage policy (JSON: retentionDays, maxBlockBytes, blocksPerWriterPerHour,
                      bytesPerWriterPerHour, blocksPerIdentityPerHour, bytesPerIdentityPerHour, minFreeDiskBytes)
  --peer HOST:PORT, --no-mdns, --verbose as above
`

export function parseCli (argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        headless: { type: 'boolean' },
        name: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        peer: { type: 'string', multiple: true },
        'no-mdns': { type: 'boolean' },
        history: { type: 'string' },
        relay: { type: 'string', multiple: true },
        'relay-key': { type: 'string', multiple: true },
        http: { type: 'string' },
        'http-host': { type: 'string', multiple: true },
        'dht-port': { type: 'string' },
        'dht-host': { type: 'string' },
        config: { type: 'string' },
        'max-connections': { type: 'string' },
        verbose: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (err) {
    throw hallwayError('BAD_ARGUMENT', (err as Error).message)
  }
  const v = parsed.values
  const [sub, ...extra] = parsed.positionals
  if ((sub !== undefined && sub !== 'relay') || extra.length > 0) throw hallwayError('BAD_ARGUMENT', `unexpected argument: ${sub === 'relay' ? extra[0] : sub}`)
  const isRelay = sub === 'relay'
  const relayOnly = (['http', 'http-host', 'dht-port', 'dht-host', 'config', 'max-connections'] as const).find(k => v[k] !== undefined)
  if (!isRelay && relayOnly) throw hallwayError('BAD_ARGUMENT', `--${relayOnly} is an option of 'hallway relay'`)
  if (isRelay && (v.headless || v.relay || v['relay-key'])) throw hallwayError('BAD_ARGUMENT', `--${v.headless ? 'headless' : v.relay ? 'relay' : 'relay-key'} is not an option of 'hallway relay'`)
  return {
    command: v.help ? 'help' : v.version ? 'version' : isRelay ? 'relay' : 'node',
    headless: v.headless === true,
    name: v.name ?? null,
    data: v.data ?? null,
    port: v.port === undefined ? null : intOption('--port', v.port, 0, 65535),
    host: v.host ?? null,
    peers: (v.peer ?? []).map(parsePeer),
    mdns: v['no-mdns'] !== true,
    verbose: v.verbose === true,
    history: v.history === undefined ? 20 : intOption('--history', v.history, 1, 1000),
    relay: (v.relay ?? []).map(r => parsePeer(/:\d+$/.test(r) ? r : `${r}:49737`)),
    relayKeys: (v['relay-key'] ?? []).map(parseKey),
    http: v.http === 'off' ? null : parsePeer(v.http ?? '127.0.0.1:8000'),
    httpHosts: (v['http-host'] ?? []).map(httpHost),
    dhtPort: v['dht-port'] === undefined ? null : intOption('--dht-port', v['dht-port'], 0, 65535),
    dhtHost: v['dht-host'] ?? null,
    config: v.config ?? null,
    maxConnections: v['max-connections'] === undefined ? null : intOption('--max-connections', v['max-connections'], 16, 65536)
  }
}

// A DNS name or an IP literal, without a port (the --http port is the one).
function httpHost (name: string): string {
  const label = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
  const ok = /^\[[0-9a-fA-F:.]+\]$/.test(name) || (name.length <= 253 && name.split('.').every(l => label.test(l)))
  if (!ok) {
    throw hallwayError('BAD_ARGUMENT', `--http-host takes a host name or address without a port, not ${JSON.stringify(name)}`)
  }
  return name.toLowerCase()
}

function intOption (flag: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) throw hallwayError('BAD_ARGUMENT', `${flag} takes a whole number from ${min} to ${max}`)
  return n
}

function parseKey (s: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(s)) throw hallwayError('BAD_ARGUMENT', `--relay-key takes a device key of 64 hex digits, not ${s}`)
  return s.toLowerCase()
}

export function parsePeer (s: string): { host: string, port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(s)
  const port = m ? Number(m[2]) : NaN
  if (!m || !(port > 0 && port < 65536)) throw hallwayError('BAD_PEER_ADDRESS', `--peer takes HOST:PORT, not ${s}`)
  return { host: m[1]!, port }
}
