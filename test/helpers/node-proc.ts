// Real hallway processes (bin/hallway.ts in headless mode) inside a test
// namespace, with typed waits on their JSON events.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tape'
import { spawnIn, type Host, type Proc, type ProcEvent } from './netns.ts'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = path.join(ROOT, 'bin/hallway.ts')

export interface NodeOptions { name: string, data: string, port?: number, args?: string[] }

export function startNode (t: Test, host: Host, o: NodeOptions): Proc {
  const args = ['--import', 'tsx', BIN, '--headless', '--name', o.name, '--data', o.data, ...(o.port ? ['--port', String(o.port)] : []), ...(o.args ?? [])]
  return spawnIn(host, process.execPath, args, { t, cwd: ROOT })
}

export interface Ready extends ProcEvent { event: 'ready', id: string, name: string, port: number }
export interface MessageOut extends ProcEvent { event: 'message', chat: string, id: string, text: string, ts: number, history: boolean, from: { id: string, name: string } }
export interface PeerOut extends ProcEvent { event: 'peer', state: 'online' | 'offline', id: string, name: string }

export const isReady = (e: ProcEvent): e is Ready => e.event === 'ready'
export const isText = (text: string) => (e: ProcEvent): e is MessageOut => e.event === 'message' && e.text === text
export const isPeer = (state: 'online' | 'offline', id: string) => (e: ProcEvent): e is PeerOut => e.event === 'peer' && e.state === state && e.id === id

export function messages (p: Proc): MessageOut[] {
  return p.events.filter((e): e is MessageOut => e.event === 'message')
}
