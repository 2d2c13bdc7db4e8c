// Scenario 3: joining a chat with 100,000 messages of history (10 writers).
// A source that holds the history (`hallway relay` on the history's folder,
// or with source 'node' a plain node) and a fresh joiner (a real node,
// bench/workers/hallway-peer.ts) that dials it, in one loopback namespace.
// Times from the moment the joiner's connection opens: until the newest 20
// are shown, and until the whole history is local (the node's background
// fetch; Messenger.storage() counts the blocks). The floor does the same
// with raw Corestores on the same folder and the same blocks: update() each
// feed and get its last 20 blocks; then download() everything.
import { createLoopbackNs } from '../../test/helpers/netns.ts'
import { ask, BIN, spawnNode, startPeer, WORKERS, type Kind } from '../lib/peers.ts'
import { withScope, type Scope } from '../lib/scope.ts'
import type { HistoryManifest } from '../workers/build-history.ts'
import path from 'node:path'
import type { Host } from '../../test/helpers/netns.ts'

export type JoinSource = 'relay' | 'node'

export interface JoinResult {
  source: 'hallway node' | 'raw corestore' | 'relay'
  messages: number
  blocks: number
  tailMs: number
  tailInOrder: boolean
  fullMs: number
  blocksPerSec: number
  // CLOCK_MONOTONIC stamps (ns) of the joiner's connection and of the 20th message shown: to cut a profile
  stamps?: { connectedNs: string, tailNs: string }
}

const SOURCE_PORT = 7200

// Builds the history once, inside a namespace like every node the bench starts.
export async function buildHistory (scope: Scope, host: Host, writers = 10, perWriter = 10_000): Promise<HistoryManifest> {
  const out = await scope.dir('history')
  const p = spawnNode(scope, host, path.join(WORKERS, 'build-history.ts'), ['--out', out, '--writers', String(writers), '--per-writer', String(perWriter)])
  const e = await p.waitFor(ev => ev.event === 'built' || ev.event === 'error', { what: 'history built', timeoutMs: 300_000 })
  if (e.event === 'error') throw new Error(`history build failed: ${String(e.message)}`)
  return e as unknown as HistoryManifest // the manifest's fields, plus `event`
}

// `joinerArgs`: extra flags for the hallway joiner (diagnosis: --no-fetch).
export function join (kind: Kind, history: HistoryManifest, from: JoinSource = 'relay', joinerArgs: string[] = []): Promise<JoinResult> {
  return withScope(async scope => {
    const host = await createLoopbackNs({ prefix: 'hwb' })
    scope.defer(() => host.destroy())
    const source = `127.0.0.1:${SOURCE_PORT}`
    if (kind === 'raw') {
      const src = await startPeer(scope, host, 'raw', { data: history.store, port: SOURCE_PORT })
      await ask(src.proc, { cmd: 'follow', keys: history.feeds, read: false, encryptionKey: history.chatKey }, e => e.event === 'following')
      const joiner = await startPeer(scope, host, 'raw', { data: await scope.dir('joiner') })
      await ask(joiner.proc, { cmd: 'follow', keys: history.feeds, read: false, encryptionKey: history.chatKey }, e => e.event === 'following')
      await ask(joiner.proc, { cmd: 'dial', host: '127.0.0.1', port: SOURCE_PORT }, e => e.event === 'dialled')
      const r = await ask(joiner.proc, { cmd: 'join', tail: 20 }, e => e.event === 'joined', 300_000)
      const blocks = Number(r.blocks)
      return { source: 'raw corestore', messages: history.messages, blocks, tailMs: Number(r.tailMs), tailInOrder: true, fullMs: Number(r.fullMs), blocksPerSec: blocks / (Number(r.fullMs) / 1000) }
    }
    if (from === 'relay') {
      const relay = spawnNode(scope, host, BIN, ['relay', '--data', history.holder, '--port', String(SOURCE_PORT), '--no-mdns', '--dht-port', '0', '--http', 'off'])
      await relay.waitFor(e => e.event === 'ready', { what: 'relay ready', timeoutMs: 60_000 })
    } else {
      await startPeer(scope, host, 'hallway', { data: history.holder, port: SOURCE_PORT, name: 'holder' })
    }
    const joiner = await startPeer(scope, host, 'hallway', { data: await scope.dir('joiner'), name: 'joiner', peers: [source], args: ['--print', ...joinerArgs] })
    const want = history.last
    const shown = (): Array<Record<string, unknown>> => joiner.proc.events.filter(e => e.event === 'message' && typeof e.text === 'string' && want.includes(e.text.slice(0, 40)))
    await joiner.proc.waitFor(() => new Set(shown().map(e => String(e.text).slice(0, 40))).size === want.length, { what: 'the newest 20 shown', timeoutMs: 60_000 })
    const conn = joiner.proc.events.find(e => e.event === 'connection')!
    const t0 = BigInt(String(conn.t))
    const tTail = shown().reduce((m, e) => (BigInt(String(e.t)) > m ? BigInt(String(e.t)) : m), 0n)
    const order = joiner.proc.events.filter(e => e.event === 'message').map(e => String(e.text).slice(0, 40)).slice(-want.length)
    const blocks = history.feeds.length * (history.messages / history.feeds.length + 1)
    const stamps = { connectedNs: String(t0), tailNs: String(tTail) }
    if (joinerArgs.includes('--no-fetch')) return { source: from === 'relay' ? 'relay' : 'hallway node', messages: history.messages, blocks, tailMs: Number(tTail - t0) / 1e6, tailInOrder: JSON.stringify(order) === JSON.stringify(want), fullMs: NaN, blocksPerSec: NaN, stamps }
    const h = await ask(joiner.proc, { cmd: 'wait-blocks', n: blocks }, e => e.event === 'blocks', 600_000)
    const fullMs = Number(BigInt(String(h.endNs)) - t0) / 1e6
    return { source: from === 'relay' ? 'relay' : 'hallway node', messages: history.messages, blocks, tailMs: Number(tTail - t0) / 1e6, tailInOrder: JSON.stringify(order) === JSON.stringify(want), fullMs, blocksPerSec: blocks / (fullMs / 1000), stamps }
  })
}
