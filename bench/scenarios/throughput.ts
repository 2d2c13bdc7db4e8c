// Scenario 2: sustained throughput, one sender and 10 receivers (a star on
// loopback in one namespace), every message delivered to every receiver and
// in order. The sender keeps `window` sends in flight, as a busy bot or a
// bridge would; hallway's writer batches what is queued (FeedWriter), and
// the floor batches the same way. A second hallway figure drives the sender
// through headless mode's stdin, as a script would.
import { createLoopbackNs, type Host, type Proc } from '../../test/helpers/netns.ts'
import { ask, BIN, command, followAll, spawnNode, startPeer, warmUp, type Kind, type Peer } from '../lib/peers.ts'
import { withScope, type Scope } from '../lib/scope.ts'
import type { Latency } from '../lib/stats.ts'
import { benchText } from '../workers/tally.ts'

export interface ThroughputResult {
  n: number
  receivers: number
  msgPerSec: number
  seconds: number
  // fewest messages any receiver showed (= n when nothing was lost)
  delivered: number
  // sequence numbers the worst receiver never showed (ranges, at most 10)
  missing: string[]
  allInOrder: boolean
  duplicates: number
  latency: Latency
}

export interface ThroughputOptions { receivers: number, n: number, window: number, size: number, sender: 'peer' | 'headless', timeoutMs: number }

export const THROUGHPUT_DEFAULTS: ThroughputOptions = { receivers: 10, n: 20_000, window: 1000, size: 200, sender: 'peer', timeoutMs: 90_000 }

const SENDER_PORT = 7100

async function startReceivers (scope: Scope, host: Host, kind: Kind, count: number): Promise<Peer[]> {
  const dirs = await Promise.all(Array.from({ length: count }, (_, i) => scope.dir(`r${i}`)))
  return Promise.all(dirs.map((data, i) => startPeer(scope, host, kind, { data, port: SENDER_PORT + 1 + i, name: `r${i}`, peers: [`127.0.0.1:${SENDER_PORT}`] })))
}

export function throughput (kind: Kind, o: ThroughputOptions = THROUGHPUT_DEFAULTS): Promise<ThroughputResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    let sender: Proc
    let receivers: Peer[]
    let startNs: bigint
    if (o.sender === 'headless') {
      if (kind !== 'hallway') throw new Error('headless sender is hallway only')
      sender = spawnNode(scope, host, BIN, ['--headless', '--no-mdns', '--name', 'sender', '--data', await scope.dir('s'), '--port', String(SENDER_PORT)])
      await sender.waitFor(e => e.event === 'ready', { what: 'headless sender ready', timeoutMs: 30_000 })
      receivers = await startReceivers(scope, host, kind, o.receivers)
      const online = (): number => sender.events.filter(e => e.event === 'peer' && e.state === 'online').length
      await sender.waitFor(() => online() >= o.receivers, { what: 'every receiver online', timeoutMs: 30_000 })
      const warm = receivers.map(r => ask(r.proc, { cmd: 'expect', tag: 'w0', n: 1 }, e => e.event === 'got'))
      sender.write(benchText('w0', 0, o.size))
      await Promise.all(warm)
    } else {
      const s = await startPeer(scope, host, kind, { data: await scope.dir('s'), port: SENDER_PORT, name: 'sender' })
      sender = s.proc
      receivers = await startReceivers(scope, host, kind, o.receivers)
      if (kind === 'raw') await followAll([s, ...receivers])
      // Receivers are not connected to each other: only the sender's warm-up matters.
      await Promise.all(receivers.map(r => warmUp([s, r])))
    }
    // A receiver that misses messages answers at the timeout with what it got.
    const got = receivers.map(r => ask(r.proc, { cmd: 'expect', tag: 't', n: o.n, timeoutMs: o.timeoutMs }, e => e.event === 'got' && e.tag === 't', o.timeoutMs + 30_000))
    if (o.sender === 'headless') {
      // One write of every line: stdin is as full as a script can make it.
      const lines: string[] = []
      startNs = process.hrtime.bigint()
      for (let i = 0; i < o.n; i++) lines.push(benchText('t', i, o.size))
      sender.child.stdin!.write(lines.join('\n') + '\n')
    } else {
      startNs = process.hrtime.bigint()
      command(sender, { cmd: 'send', tag: 't', n: o.n, window: o.window, size: o.size })
    }
    const results = await Promise.all(got)
    const last = results.reduce((m, r) => (BigInt(String(r.lastNs)) > m ? BigInt(String(r.lastNs)) : m), 0n)
    const seconds = Number(last - startNs) / 1e9
    const worst = results.map(r => r.latency as Latency).sort((a, b) => b.p99 - a.p99)[0]!
    return {
      n: o.n,
      receivers: o.receivers,
      msgPerSec: o.n / seconds,
      seconds,
      delivered: Math.min(...results.map(r => Number(r.n))),
      missing: (results.slice().sort((a, b) => Number(a.n) - Number(b.n))[0]?.missing as string[] | undefined) ?? [],
      allInOrder: results.every(r => r.inOrder === true),
      duplicates: results.reduce((s, r) => s + Number(r.duplicates), 0),
      latency: worst
    }
  })
}
