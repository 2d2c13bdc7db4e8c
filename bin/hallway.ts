// hallway entry point: parse arguments, compose the layers, own the signals.
// Nothing is decided here.
import path from 'node:path'
import envPaths from 'env-paths'
import { pino } from 'pino'
import { Messenger } from '../lib/chat/messenger.ts'
import { FILE_MODE, securePrivateFolder } from '../lib/data-folder.ts'
import { isHallwayError } from '../lib/errors.ts'
import { DEFAULT_NODE_LIMITS, StoragePolicy } from '../lib/feed/storage-policy.ts'
import type { Log } from '../lib/log.ts'
import { Headless } from '../lib/ui/headless.ts'
import { parseCli, USAGE, type CliOptions } from './cli-options.ts'

const VERSION = '0.1.0'

async function main (): Promise<number> {
  let cli: CliOptions
  try {
    cli = parseCli(process.argv.slice(2))
  } catch (err) {
    return fail(err, false)
  }
  if (cli.command === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  if (cli.command === 'version') {
    process.stdout.write(`hallway ${VERSION}\n`)
    return 0
  }
  // The console UI needs a terminal on both ends; anything else is a script.
  if (cli.command === 'node' && !cli.headless && !(process.stdin.isTTY && process.stdout.isTTY)) {
    process.stderr.write('hallway: no terminal for the console UI; use --headless for scripts and pipes (NO_TERMINAL)\n')
    return 1
  }
  const defaultData = envPaths(cli.command === 'relay' ? 'hallway-relay' : 'hallway', { suffix: '' }).data
  const dataDir = path.resolve(cli.data ?? process.env.HALLWAY_DATA ?? defaultData)
  // Everything this process creates is the user's alone (RocksDB's files,
  // the log, API members' folders): issue 10, finding 13.
  process.umask(0o077)
  let tightened: string[]
  try {
    tightened = await securePrivateFolder(dataDir)
  } catch (err) {
    return fail(err, false)
  }
  const log = createLog(dataDir, cli.verbose)
  if (tightened.length > 0) log.warn({ paths: tightened.slice(0, 20), count: tightened.length }, 'data folder was readable by others: made private')
  if (cli.command === 'relay') {
    try {
      // Loaded only here: the relay's HTTP API pulls in schema, validation
      // and docs modules a node never needs, at a cost to every start.
      const { runRelay } = await import('./run-relay.ts')
      await runRelay(cli, dataDir, log)
      return 0
    } catch (err) {
      return fail(err, false)
    }
  }
  // What peers can make this node store: bounded like a relay's, with
  // defaults no honest office reaches (docs/security.md, "Storage").
  const fetch = new StoragePolicy({ config: DEFAULT_NODE_LIMITS, dir: dataDir, log, file: 'fetch-budget.json' })
  const messenger = new Messenger({
    dataDir,
    name: cli.name,
    fetch,
    ...(cli.port !== null ? { port: cli.port, portIsExplicit: true } : {}),
    ...(cli.host !== null ? { host: cli.host } : {}),
    mdns: cli.mdns,
    peers: cli.peers,
    historyCount: cli.history,
    ...(cli.relay.length > 0 ? { swarmBootstrap: cli.relay } : {}),
    ...(cli.relayKeys.length > 0 ? { relayKeys: cli.relayKeys } : {}),
    log
  })
  let stopping: Promise<void> | null = null
  const stop = (): Promise<void> => {
    stopping ??= messenger.close().catch(err => log.error({ err: String(err) }, 'close failed'))
      .then(() => fetch.close()).catch(err => log.warn({ err: String(err) }, 'could not save the fetch budget'))
    return stopping
  }
  const headless = cli.headless ? new Headless({ messenger, input: process.stdin, output: process.stdout }) : null
  const ui = headless ? null : new (await import('../lib/ui/console-ui.ts')).ConsoleUi({ messenger, log, closeNode: stop })
  process.once('SIGINT', () => { stop().then(() => process.exit(0)) })
  process.once('SIGTERM', () => { stop().then(() => process.exit(0)) })

  try {
    await fetch.start()
    await messenger.ready()
  } catch (err) {
    await stop()
    return fail(err, cli.headless, headless ?? undefined)
  }
  if (headless) await headless.run(process.stdin)
  else await ui!.run()
  await stop()
  return 0
}

function createLog (dataDir: string, verbose: boolean): Log {
  const file = pino.destination({ dest: path.join(dataDir, 'hallway.log'), sync: true, mkdir: true, mode: FILE_MODE })
  const streams: pino.StreamEntry[] = [{ stream: file, level: 'debug' }]
  if (verbose) streams.push({ stream: process.stderr, level: 'debug' })
  return pino({ level: 'debug', base: { pid: process.pid } }, pino.multistream(streams)) as unknown as Log
}

// A person sees one line with a code, never a stack trace.
function fail (err: unknown, headless: boolean, out?: Headless): number {
  const code = isHallwayError(err) ? err.code : 'INTERNAL'
  const message = isHallwayError(err) ? err.message : String((err as Error)?.message ?? err)
  if (headless && out) out.error(code, message)
  process.stderr.write(`hallway: ${message} (${code})\n`)
  if (code === 'BAD_ARGUMENT' || code === 'BAD_PEER_ADDRESS') process.stderr.write(USAGE)
  return code === 'INTERNAL' ? 70 : 1
}

main().then(code => process.exit(code), err => {
  process.stderr.write(`hallway: unexpected error: ${String((err as Error)?.message ?? err)} (INTERNAL)\n`)
  process.exit(70)
})
