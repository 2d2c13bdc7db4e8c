// In-process peers for fast multi-peer tests: real Corestores on disk in
// temporary folders, connected by in-memory Noise streams (no sockets, no
// discovery). Names a, b, c "because it makes debugging easier" (autobase).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Test } from 'tape'
import { Messenger, type MessengerOptions } from '../../lib/chat/messenger.ts'
import type { MessageEvent, PeerEvent } from '../../lib/chat/events.ts'
import { memoryPair } from '../../lib/net/memory-pair.ts'
import { cleanup } from './netns.ts'

export interface TestPeer {
  m: Messenger
  dir: string
  messages: MessageEvent[]
  peers: PeerEvent[]
  waitMessage (pred: (e: MessageEvent) => boolean, what?: string): Promise<MessageEvent>
  waitPeer (pred: (e: PeerEvent) => boolean, what?: string): Promise<PeerEvent>
  restart (opts?: Partial<MessengerOptions>): Promise<TestPeer>
}

export async function tmpDir (t: Test, label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `hallway-${label}-`))
  cleanup(t, () => fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }))
  return dir
}

export async function createPeer (t: Test, name: string, opts: Partial<MessengerOptions> = {}, dir?: string): Promise<TestPeer> {
  const dataDir = dir ?? await tmpDir(t, name)
  const m = new Messenger({ dataDir, name, network: false, ...opts })
  const peer = record(m, dataDir, t, name)
  cleanup(t, () => m.close())
  await m.ready()
  return peer
}

function record (m: Messenger, dir: string, t: Test, name: string): TestPeer {
  const messages: MessageEvent[] = []
  const peers: PeerEvent[] = []
  const waiters: Array<() => void> = []
  const poke = (): void => { for (const w of waiters.splice(0)) w() }
  m.on('message', e => { messages.push(e); poke() })
  m.on('peer', e => { peers.push(e); poke() })
  function waitIn<T> (list: T[], pred: (e: T) => boolean, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      // A safety net only: tests wait on events.
      const timer = setTimeout(() => reject(new Error(`${name}: timed out waiting for ${what}`)), 20000)
      const check = (): void => {
        const hit = list.find(pred)
        if (hit) {
          clearTimeout(timer)
          resolve(hit)
        } else waiters.push(check)
      }
      check()
    })
  }
  return {
    m,
    dir,
    messages,
    peers,
    waitMessage: (pred, what = 'a message') => waitIn(messages, pred, what),
    waitPeer: (pred, what = 'a peer event') => waitIn(peers, pred, what),
    restart: async (opts = {}) => {
      await m.close()
      return createPeer(t, name, opts, dir)
    }
  }
}

// Connect two peers with an in-memory pair through both connection gates;
// returns a function that cuts the link (both sides see the stream close).
export function connect (a: { m: Messenger }, b: { m: Messenger }): () => void {
  const pair = memoryPair(a.m.connectionGate, b.m.connectionGate)
  return () => pair.destroy()
}

export function texts (list: MessageEvent[]): string[] {
  return list.map(e => e.text)
}
