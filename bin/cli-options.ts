// Command-line parsing for bin/hallway.ts: flags in, typed options out, or a
// usage error with a stable code.
import { parseArgs } from 'node:util'
import { hallwayError } from '../lib/errors.ts'

export interface CliOptions {
  command: 'node' | 'help' | 'version'
  headless: boolean
  name: string | null
  data: string | null
  port: number | null
  host: string | null
  peers: Array<{ host: string, port: number }>
  mdns: boolean
  verbose: boolean
  history: number
}

export const USAGE = `Usage: hallway [options]

  --headless          no UI: commands on stdin, JSON events on stdout
  --name NAME         your name (default: your OS user name)
  --data DIR          data folder (default: $HALLWAY_DATA, else the XDG data folder)
  --port N            replication port (default 47470; a random one if taken)
  --host ADDR         listen address (default: all interfaces)
  --peer HOST:PORT    connect to a known peer directly (repeatable)
  --no-mdns           do not use mDNS discovery
  --history N         messages shown when joining a chat (default 20)
  --verbose           also write logs to stderr
  --version           print the version
  -h, --help          this help
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
        verbose: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (err) {
    throw hallwayError('BAD_ARGUMENT', (err as Error).message)
  }
  const v = parsed.values
  if (parsed.positionals.length > 0) throw hallwayError('BAD_ARGUMENT', `unexpected argument: ${parsed.positionals[0]}`)
  return {
    command: v.help ? 'help' : v.version ? 'version' : 'node',
    headless: v.headless === true,
    name: v.name ?? null,
    data: v.data ?? null,
    port: v.port === undefined ? null : intOption('--port', v.port, 0, 65535),
    host: v.host ?? null,
    peers: (v.peer ?? []).map(parsePeer),
    mdns: v['no-mdns'] !== true,
    verbose: v.verbose === true,
    history: v.history === undefined ? 20 : intOption('--history', v.history, 1, 1000)
  }
}

function intOption (flag: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) throw hallwayError('BAD_ARGUMENT', `${flag} takes a whole number from ${min} to ${max}`)
  return n
}

export function parsePeer (s: string): { host: string, port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(s)
  const port = m ? Number(m[2]) : NaN
  if (!m || !(port > 0 && port < 65536)) throw hallwayError('BAD_PEER_ADDRESS', `--peer takes HOST:PORT, not ${s}`)
  return { host: m[1]!, port }
}
