// Scenario 5: memory and start-up.
// - RSS of an idle node in 50 chats: node A follows 50 chats with a little
//   history in each (it and its peer B wrote `perChat` messages in every
//   chat), is restarted, reconnects to B, catches up, and is left idle;
//   RSS is sampled from /proc. hallway runs as the real program; the floor
//   is a raw peer with one own core per chat plus B's core per chat.
// - Relay RSS per 1,000 connected peers (relayRss below).
// - Cold start with 100,000 messages stored: spawn to `ready` on the
//   history folder of scenario 3 (page cache warm, as on a second start).
//   The floor opens the same Corestore and reads the newest 20 blocks of
//   every feed; a bare `node --import tsx` start is shown for reference.
import path from 'node:path'
import { createLoopbackNs, type Host, type Proc } from '../../test/helpers/netns.ts'
import { ask, BIN, ROOT, rssKb, spawnNode, startPeer, WORKERS, type Kind } from '../lib/peers.ts'
import { withScope, type Scope } from '../lib/scope.ts'
import { median, summarize, type Latency } from '../lib/stats.ts'
import type { HistoryManifest } from '../workers/build-history.ts'

export interface IdleRssResult { chats: number, perChat: number, rssMb: number, samples: number[] }

export interface MemoryOptions { chats: number, perChat: number, settleMs: number }
export const MEMORY_DEFAULTS: MemoryOptions = { chats: 50, perChat: 10, settleMs: 3000 }

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

async function sampleRss (pid: number, settleMs: number): Promise<number[]> {
  await sleep(settleMs) // idle on purpose: this is what is measured
  const out: number[] = []
  for (let i = 0; i < 5; i++) { out.push(rssKb(pid) / 1024); await sleep(200) }
  return out
}

function headless (scope: Scope, host: Host, name: string, data: string, port: number, peers: string[] = []): Proc {
  return spawnNode(scope, host, BIN, ['--headless', '--no-mdns', '--name', name, '--data', data, '--port', String(port), ...peers.flatMap(p => ['--peer', p])])
}

export function idleRss (kind: Kind, o: MemoryOptions = MEMORY_DEFAULTS): Promise<IdleRssResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    const [dataA, dataB] = [await scope.dir('a'), await scope.dir('b')]
    const chats = Array.from({ length: o.chats - 1 }, (_, i) => `#c${i + 1}`)
    let samples: number[]
    if (kind === 'hallway') {
      const b = headless(scope, host, 'b', dataB, 7302)
      await b.waitFor(e => e.event === 'ready', { timeoutMs: 30_000 })
      let a = headless(scope, host, 'a', dataA, 7301, ['127.0.0.1:7302'])
      await a.waitFor(e => e.event === 'ready', { timeoutMs: 30_000 })
      // Both in every chat, both writing in it.
      for (const p of [a, b]) {
        const lines: string[] = []
        for (const chat of ['#general', ...chats]) {
          lines.push(`/join ${chat}`)
          for (let k = 0; k < o.perChat; k++) lines.push(`${chat} message ${k} `.padEnd(200, 'x'))
        }
        p.child.stdin!.write(lines.join('\n') + '\n')
      }
      for (const p of [a, b]) await p.waitFor(() => p.events.filter(e => e.event === 'sent').length >= o.chats * o.perChat, { what: 'every message sent', timeoutMs: 120_000 })
      a.write('/quit')
      await a.exited
      const bId = String(b.events.find(e => e.event === 'ready')!.id)
      a = headless(scope, host, 'a', dataA, 7301, ['127.0.0.1:7302'])
      await a.waitFor(e => e.event === 'peer' && e.state === 'online' && e.id === bId, { what: 'B online after restart', timeoutMs: 30_000 })
      samples = await sampleRss(a.pid, o.settleMs)
    } else {
      const b = await startPeer(scope, host, 'raw', { data: dataB, port: 7302 })
      let a = await startPeer(scope, host, 'raw', { data: dataA, port: 7301, peers: ['127.0.0.1:7302'] })
      const keysB = (await ask(b.proc, { cmd: 'chats', n: o.chats, blocks: o.perChat }, e => e.event === 'chats')).keys as string[]
      await ask(a.proc, { cmd: 'chats', n: o.chats, blocks: o.perChat }, e => e.event === 'chats')
      a.proc.write(JSON.stringify({ cmd: 'quit' }))
      await a.proc.exited
      a = await startPeer(scope, host, 'raw', { data: dataA, port: 7301, peers: ['127.0.0.1:7302'] })
      const keysA = (await ask(a.proc, { cmd: 'chats', n: o.chats, blocks: 0 }, e => e.event === 'chats')).keys as string[]
      await ask(b.proc, { cmd: 'follow', keys: keysA }, e => e.event === 'following')
      await ask(a.proc, { cmd: 'follow', keys: keysB }, e => e.event === 'following')
      await ask(a.proc, { cmd: 'expect', tag: `c${o.chats - 1}`, n: o.perChat }, e => e.event === 'got')
      samples = await sampleRss(a.proc.pid, o.settleMs)
    }
    return { chats: o.chats, perChat: o.perChat, rssMb: median(samples), samples }
  })
}

export interface ColdStartResult { messages: number, startToReady: Latency, rssMbAtReady: number }

export type ColdKind = Kind | 'node'

export function coldStart (kind: ColdKind, history: HistoryManifest, runs = 5): Promise<ColdStartResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    const times: number[] = []
    const rss: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint()
      const p = kind === 'hallway'
        ? spawnNode(scope, host, BIN, ['--headless', '--no-mdns', '--data', history.holder, '--port', '0'])
        : kind === 'raw'
          ? spawnNode(scope, host, path.join(WORKERS, 'raw-open.ts'), ['--data', history.store, '--manifest', path.join(path.dirname(history.holder), 'manifest.json')])
          : spawnNode(scope, host, path.join(ROOT, 'bench/workers/empty.ts'), [])
      await p.waitFor(e => e.event === 'ready', { what: `${kind} ready`, timeoutMs: 60_000 })
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
      rss.push(rssKb(p.pid) / 1024)
      p.write(kind === 'hallway' ? '/quit' : 'quit')
      await p.exited
    }
    return { messages: history.messages, startToReady: summarize(times), rssMbAtReady: median(rss) }
  })
}

export interface RelayRssResult { peers: number, idleMb: number, connectedMb: number, perThousandMb: number, dropped: number }

// The relay's RSS with no peer, then with `peers` connected (bench/workers/
// crowd.ts: identified nodes that follow #general and stay idle). The floor
// is a raw peer (Corestore + Noise) taking the same number of connections
// from a crowd that only replicates.
export function relayRss (kind: Kind, peers = 1000, settleMs = 3000): Promise<RelayRssResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    let pid: number
    if (kind === 'hallway') {
      const relay = spawnNode(scope, host, BIN, ['relay', '--data', await scope.dir('relay'), '--port', '7500', '--no-mdns', '--dht-port', '0', '--http', 'off'])
      await relay.waitFor(e => e.event === 'ready', { what: 'relay ready', timeoutMs: 60_000 })
      pid = relay.pid
    } else {
      pid = (await startPeer(scope, host, 'raw', { data: await scope.dir('floor'), port: 7500 })).proc.pid
    }
    const idle = await sampleRss(pid, settleMs)
    const crowd = spawnNode(scope, host, path.join(WORKERS, 'crowd.ts'), ['--port', '7500', '--count', String(peers), '--data', await scope.dir('crowd'), ...(kind === 'raw' ? ['--raw'] : [])])
    await crowd.waitFor(e => e.event === 'connected', { what: 'crowd connected', timeoutMs: 120_000 })
    const connected = await sampleRss(pid, settleMs)
    const dropped = Number(crowd.events.filter(e => e.event === 'closed').pop()?.count ?? 0)
    return { peers, idleMb: median(idle), connectedMb: median(connected), perThousandMb: (median(connected) - median(idle)) * 1000 / peers, dropped }
  })
}
