// Starting bench peers (raw or hallway) and real hallway processes inside
// the bench's namespaces, and talking to them.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnIn, type Host, type Proc, type ProcEvent } from '../../test/helpers/netns.ts'
import type { Scope } from './scope.ts'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const WORKERS = path.join(ROOT, 'bench/workers')
// BENCH_HALLWAY_BIN=FILE.mjs runs another build of the program (diagnosis:
// bench/diagnose/start-up.ts leaves one compiled ahead of time in node_modules/.cache).
export const BIN = process.env.BENCH_HALLWAY_BIN ?? path.join(ROOT, 'bin/hallway.ts')

export type Kind = 'raw' | 'hallway'

export interface PeerOptions { data: string, port?: number, peers?: string[], name?: string, args?: string[] }

export interface Peer { proc: Proc, kind: Kind, port: number, key: string, id: string }

// BENCH_CPU_PROF=DIR profiles every process the bench starts (node --cpu-prof).
function nodeArgs (): string[] {
  const dir = process.env.BENCH_CPU_PROF
  return dir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(dir)] : []
}

export function spawnNode (scope: Scope, host: Host, script: string, args: string[]): Proc {
  // Compiled JavaScript runs without the TypeScript loader.
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx']
  const proc = spawnIn(host, process.execPath, [...nodeArgs(), ...loader, script, ...args], { cwd: ROOT })
  scope.defer(async () => {
    // A profile is written only on a clean exit: ask first (SIGINT), then kill.
    if (process.env.BENCH_CPU_PROF && proc.child.exitCode === null) {
      proc.kill('SIGINT')
      await Promise.race([proc.exited, new Promise(resolve => setTimeout(resolve, 5000))])
    }
    await proc.stop()
  })
  return proc
}

export async function startPeer (scope: Scope, host: Host, kind: Kind, o: PeerOptions): Promise<Peer> {
  const args = ['--data', o.data, ...(o.port ? ['--port', String(o.port)] : []), ...(o.peers ?? []).flatMap(p => ['--peer', p])]
  if (kind === 'hallway') args.push('--name', o.name ?? 'bench')
  const proc = spawnNode(scope, host, path.join(WORKERS, `${kind}-peer.ts`), [...args, ...(o.args ?? [])])
  const ready = await proc.waitFor(e => e.event === 'ready' || e.event === 'error', { what: `${kind} peer ready`, timeoutMs: 30_000 })
  if (ready.event === 'error') throw new Error(`${kind} peer failed: ${String(ready.message)}`)
  return { proc, kind, port: Number(ready.port), key: String(ready.key ?? ''), id: String(ready.id ?? '') }
}

export function command (p: Proc, cmd: Record<string, unknown>): void {
  p.write(JSON.stringify(cmd))
}

// Sends a command and waits for the event it answers with (or an error).
export async function ask (p: Proc, cmd: Record<string, unknown>, answer: (e: ProcEvent) => boolean, timeoutMs = 60_000): Promise<ProcEvent> {
  const before = p.events.length
  command(p, cmd)
  const e = await p.waitFor(ev => p.events.indexOf(ev) >= before && (answer(ev) || ev.event === 'error'), { what: `answer to ${cmd.cmd}`, timeoutMs })
  if (e.event === 'error') throw new Error(`${cmd.cmd} failed: ${String(e.message)}`)
  return e
}

export function rssKb (pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) : NaN
}

// Raw peers know nothing of each other's cores: tell each one every other key.
export async function followAll (peers: Peer[]): Promise<void> {
  const raw = peers.filter(p => p.kind === 'raw')
  await Promise.all(raw.map(p => ask(p.proc, { cmd: 'follow', keys: raw.map(q => q.key) }, e => e.event === 'following')))
}

// Every peer sends one message; wait until every other peer shows it: the
// connections are up and each knows the others' feeds.
export async function warmUp (peers: Peer[], timeoutMs = 30_000): Promise<void> {
  const waits: Array<Promise<ProcEvent>> = []
  peers.forEach((p, i) => {
    for (const q of peers) if (q !== p) waits.push(ask(q.proc, { cmd: 'expect', tag: `w${i}`, n: 1 }, e => e.event === 'got' && e.tag === `w${i}`, timeoutMs))
  })
  peers.forEach((p, i) => command(p.proc, { cmd: 'send', tag: `w${i}`, n: 1 }))
  await Promise.all(waits)
}
