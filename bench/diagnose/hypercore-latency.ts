// Where the floor's append-to-remote-read latency goes, inside one process
// (two Corestores replicating over an in-memory stream pair, no sockets):
// A's append call, B's 'append' event, B's get. Run it in a namespace like
// every bench peer:  ip netns exec NS node --import tsx bench/diagnose/hypercore-latency.ts
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Corestore from 'corestore'
import { summarize } from '../lib/stats.ts'

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hallway-hclat-'))
try {
  const sa = new Corestore(path.join(root, 'a'))
  const sb = new Corestore(path.join(root, 'b'))
  const a = sa.get({ name: 'w' })
  await a.ready()
  const b = sb.get({ key: a.key! })
  await b.ready()
  const s1 = sa.replicate(true) as unknown as NodeJS.ReadWriteStream
  const s2 = sb.replicate(false) as unknown as NodeJS.ReadWriteStream
  s1.pipe(s2).pipe(s1)
  const appendMs: number[] = []
  const eventMs: number[] = []
  const getMs: number[] = []
  await a.append(Buffer.from('warm'))
  await b.get(0)
  for (let i = 1; i <= 200; i++) {
    const t0 = performance.now()
    const seen = new Promise<number>(resolve => b.once('append', () => resolve(performance.now())))
    await a.append(Buffer.alloc(200, i))
    appendMs.push(performance.now() - t0)
    const tEvent = await seen
    eventMs.push(tEvent - t0)
    await b.get(i)
    getMs.push(performance.now() - t0)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  const f = (xs: number[]): string => { const s = summarize(xs); return `p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)} ms` }
  console.log(`A append resolved:     ${f(appendMs)}`)
  console.log(`B 'append' event:      ${f(eventMs)}`)
  console.log(`B get resolved:        ${f(getMs)}`)
  await sa.close()
  await sb.close()
} finally {
  await fs.rm(root, { recursive: true, force: true })
}
