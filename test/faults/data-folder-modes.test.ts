// Finding 13 of issue 10 on a real data folder: a node and a relay, each a
// real process (in a namespace), leave every folder of their data 0700 and
// every file 0600 (identity, settings.json, hallway.log, store/ with the
// Corestore seed and RocksDB's files), on a fresh start and after a start
// on a folder an earlier version left 0755/0644.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Test } from 'tape'
import { createLoopbackNs, netnsTest, spawnIn, type Proc } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { BIN, isReady, ROOT, startNode } from '../helpers/node-proc.ts'

interface Entry { rel: string, mode: number, dir: boolean }

async function walk (root: string, rel = ''): Promise<Entry[]> {
  const p = path.join(root, rel)
  const st = await fs.lstat(p)
  const out: Entry[] = [{ rel: rel || '.', mode: st.mode & 0o777, dir: st.isDirectory() }]
  if (!st.isDirectory()) return out
  for (const name of await fs.readdir(p)) out.push(...await walk(root, path.join(rel, name)))
  return out
}

async function checkPrivate (t: Test, root: string, when: string, mustHave: string[]): Promise<void> {
  const entries = await walk(root)
  const open = entries.filter(e => e.mode !== (e.dir ? 0o700 : 0o600))
  t.deepEqual(open.map(e => `${e.rel} ${e.mode.toString(8)}`), [], `${when}: all ${entries.length} entries private (folders 0700, files 0600)`)
  const names = new Set(entries.map(e => e.rel))
  t.deepEqual(mustHave.filter(m => !names.has(m)), [], `${when}: checked ${mustHave.join(', ')}`)
}

async function loosen (root: string): Promise<void> {
  for (const e of await walk(root)) await fs.chmod(path.join(root, e.rel), e.dir ? 0o755 : 0o644)
}

async function stopGently (p: Proc): Promise<void> {
  p.kill('SIGTERM')
  await p.exited
}

netnsTest('a node: its data folder is private on a fresh start and after one that found it 0755/0644', async t => {
  const host = await createLoopbackNs({ t })
  const data = path.join(await tmpDir(t, 'modes'), 'data')
  const must = ['.', 'identity.json', 'settings.json', 'hallway.log', 'store']
  const first = startNode(t, host, { name: 'dora', data, port: 7601, args: ['--no-mdns'] })
  await first.waitFor(isReady, { what: 'first start' })
  await checkPrivate(t, data, 'fresh start', must)
  await stopGently(first)
  await loosen(data)
  const second = startNode(t, host, { name: 'dora', data, port: 7601, args: ['--no-mdns'] })
  await second.waitFor(isReady, { what: 'second start' })
  await checkPrivate(t, data, 'start on a 0755/0644 folder', must)
  await stopGently(second)
})

netnsTest('a relay: its data folder is private', async t => {
  const host = await createLoopbackNs({ t })
  const data = path.join(await tmpDir(t, 'modes'), 'relay')
  const relay = spawnIn(host, process.execPath, ['--import', 'tsx', BIN, 'relay', '--data', data, '--port', '7602', '--dht-port', '0', '--http', 'off', '--no-mdns'], { t, cwd: ROOT })
  await relay.waitFor(e => e.event === 'ready', { what: 'relay ready' })
  await checkPrivate(t, data, 'relay', ['.', 'identity.json', 'hallway.log', 'store'])
  await stopGently(relay)
})
