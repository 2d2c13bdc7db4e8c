// Scenario 4: discovery and crash detection on a bridged LAN of three hosts
// (namespaces), real mDNS. Node A runs on host 0; B is started again and
// again on host 1 with a fresh data folder: process start (spawn) to B
// showing A online is one sample. Then crash detection: B killed with
// SIGKILL (its socket closes at once), and whole hosts lost (the switch
// port goes down: nothing closes, only the keep-alive timeout can tell).
// hallway runs as the real program (bin/hallway.ts --headless); the floor is
// bench/workers/raw-discovery.ts (bonjour + Noise, nothing else).
import path from 'node:path'
import { createLan, type Host, type Proc } from '../../test/helpers/netns.ts'
import { BIN, spawnNode, WORKERS, type Kind } from '../lib/peers.ts'
import { withScope, type Scope } from '../lib/scope.ts'
import { summarize, type Latency } from '../lib/stats.ts'

export interface DiscoveryResult {
  // spawn of B to B showing A online
  startToOnline: Latency
  // spawn of B to its ready event (how much of the above is start-up)
  startToReady: Latency
  // B's ready to B showing A online
  readyToOnline: Latency
  cleanQuitSeen: Latency
  killSeen: Latency
  hostLossSeen: Latency
}

export interface DiscoveryOptions { starts: number, kills: number, hostLosses: number }
export const DISCOVERY_DEFAULTS: DiscoveryOptions = { starts: 10, kills: 5, hostLosses: 2 }

const ms = (a: bigint, b: bigint): number => Number(b - a) / 1e6
const now = (): bigint => process.hrtime.bigint()

async function node (scope: Scope, host: Host, kind: Kind, name: string): Promise<{ proc: Proc, id: string }> {
  const proc = kind === 'hallway'
    ? spawnNode(scope, host, BIN, ['--headless', '--name', name, '--data', await scope.dir(name)])
    : spawnNode(scope, host, path.join(WORKERS, 'raw-discovery.ts'), [])
  const ready = await proc.waitFor(e => e.event === 'ready', { what: `${name} ready`, timeoutMs: 30_000 })
  return { proc, id: String(ready.id) }
}

const online = (id: string) => (e: Record<string, unknown>): boolean => e.event === 'peer' && e.state === 'online' && e.id === id
const offline = (id: string) => (e: Record<string, unknown>): boolean => e.event === 'peer' && e.state === 'offline' && e.id === id

export function discovery (kind: Kind, o: DiscoveryOptions = DISCOVERY_DEFAULTS): Promise<DiscoveryResult> {
  return withScope(async scope => {
    const lan = await createLan({ hosts: 3, prefix: 'hwb' })
    scope.defer(() => lan.destroy())
    const [h0, h1, h2] = lan.hosts as [Host, Host, Host]
    const a = await node(scope, h0, kind, 'a')
    const startToOnline: number[] = []
    const startToReady: number[] = []
    const readyToOnline: number[] = []
    const cleanQuitSeen: number[] = []
    const killSeen: number[] = []
    const hostLossSeen: number[] = []

    for (let i = 0; i < o.starts + o.kills; i++) {
      const t0 = now()
      const b = await node(scope, h1, kind, `b${i}`)
      const tReady = now()
      await b.proc.waitFor(online(a.id), { what: 'A online at B', timeoutMs: 30_000 })
      const tOnline = now()
      await a.proc.waitFor(online(b.id), { what: 'B online at A', timeoutMs: 30_000 })
      startToOnline.push(ms(t0, tOnline))
      startToReady.push(ms(t0, tReady))
      readyToOnline.push(ms(tReady, tOnline))
      const t1 = now()
      if (i < o.starts) {
        b.proc.write(kind === 'hallway' ? '/quit' : 'quit')
        await a.proc.waitFor(offline(b.id), { what: 'B offline after quit', timeoutMs: 30_000 })
        cleanQuitSeen.push(ms(t1, now()))
        await b.proc.exited
      } else {
        await b.proc.stop()
        await a.proc.waitFor(offline(b.id), { what: 'B offline after kill -9', timeoutMs: 30_000 })
        killSeen.push(ms(t1, now()))
      }
    }

    for (let round = 0; round * 2 < o.hostLosses; round++) {
      const lost = [await node(scope, h1, kind, `l${round}x`), await node(scope, h2, kind, `l${round}y`)]
      for (const l of lost) await a.proc.waitFor(online(l.id), { what: 'lost-to-be online at A', timeoutMs: 30_000 })
      const t1 = now()
      await Promise.all([lan.linkDown(1), lan.linkDown(2)])
      await Promise.all(lost.map(async l => {
        await a.proc.waitFor(offline(l.id), { what: 'host loss seen at A', timeoutMs: 60_000 })
        hostLossSeen.push(ms(t1, now()))
      }))
      for (const l of lost) await l.proc.stop()
      await Promise.all([lan.linkUp(1), lan.linkUp(2)])
    }
    return {
      startToOnline: summarize(startToOnline),
      startToReady: summarize(startToReady),
      readyToOnline: summarize(readyToOnline),
      cleanQuitSeen: summarize(cleanQuitSeen),
      killSeen: summarize(killSeen),
      hostLossSeen: summarize(hostLossSeen)
    }
  })
}
