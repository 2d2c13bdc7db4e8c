// Cold-start floor: open a Corestore folder, open the given feeds and read
// the newest `tail` blocks of each (what a node must do to show a chat),
// then print ready. No network.
//
//   node --import tsx bench/workers/raw-open.ts --data DIR --manifest FILE [--tail 20]
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import Corestore from 'corestore'
import { emit } from './control.ts'

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, manifest: { type: 'string' }, tail: { type: 'string', default: '20' } } })
  const manifest = JSON.parse(fs.readFileSync(values.manifest!, 'utf8')) as { feeds: string[], chatKey: string }
  const tail = Number(values.tail)
  const store = new Corestore(values.data!)
  await store.ready()
  let read = 0
  await Promise.all(manifest.feeds.map(async hex => {
    const core = store.get({ key: Buffer.from(hex, 'hex'), encryption: { key: Buffer.from(manifest.chatKey, 'hex') } })
    await core.ready()
    const blocks = await Promise.all(Array.from({ length: Math.min(tail, core.length) }, (_, i) => core.get(core.length - 1 - i)))
    read += blocks.length
  }))
  emit({ event: 'ready', blocks: read, pid: process.pid })
  process.stdin.on('data', () => { store.close().then(() => process.exit(0), () => process.exit(1)) })
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
