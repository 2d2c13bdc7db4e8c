// Scenario 1: live delivery latency, node to node, 200-byte messages, idle
// and under 100 msg/s of background load. Three peers on loopback in one
// namespace, all connected to each other: A sends probes, C sends the
// background load, B receives both and times A's probes (send call on A to
// message shown on B, both stamped with the shared monotonic clock).
import { createLoopbackNs } from '../../test/helpers/netns.ts'
import { ask, command, followAll, startPeer, warmUp, type Kind } from '../lib/peers.ts'
import { withScope } from '../lib/scope.ts'
import type { Latency } from '../lib/stats.ts'

export interface LatencyResult { idle: Latency, load: Latency, loadRate: number }

export interface LatencyOptions { probes: number, probeRate: number, loadRate: number, size: number }

export const LATENCY_DEFAULTS: LatencyOptions = { probes: 300, probeRate: 50, loadRate: 100, size: 200 }

// `peerArgs`: extra flags for every hallway peer (diagnosis only).
export function latency (kind: Kind, o: LatencyOptions = LATENCY_DEFAULTS, peerArgs: string[] = []): Promise<LatencyResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    const args = kind === 'hallway' ? peerArgs : []
    const b = await startPeer(scope, host, kind, { data: await scope.dir('b'), port: 7001, name: 'b', args })
    const a = await startPeer(scope, host, kind, { data: await scope.dir('a'), port: 7002, name: 'a', peers: ['127.0.0.1:7001'], args })
    const c = await startPeer(scope, host, kind, { data: await scope.dir('c'), port: 7003, name: 'c', peers: ['127.0.0.1:7001', '127.0.0.1:7002'], args })
    await followAll([a, b, c])
    await warmUp([a, b, c])

    const probe = async (tag: string): Promise<Latency> => {
      const got = ask(b.proc, { cmd: 'expect', tag, n: o.probes }, e => e.event === 'got' && e.tag === tag, 120_000)
      command(a.proc, { cmd: 'send', tag, n: o.probes, rate: o.probeRate, size: o.size })
      return (await got).latency as Latency
    }
    const idle = await probe('i')
    // The load runs from before the first probe until after the last.
    const loadN = Math.ceil((o.probes / o.probeRate + 2) * o.loadRate)
    const loadDone = ask(c.proc, { cmd: 'send', tag: 'l', n: loadN, rate: o.loadRate, size: o.size }, e => e.event === 'sent' && e.tag === 'l', 120_000)
    await ask(b.proc, { cmd: 'expect', tag: 'l', n: o.loadRate / 2 }, e => e.event === 'got' && e.tag === 'l')
    const load = await probe('q')
    await loadDone
    return { idle, load, loadRate: o.loadRate }
  })
}
