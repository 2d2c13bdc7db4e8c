// Builds scenario 3's (and 5's) history: the data folder of a node that
// holds 100,000 messages of #general written by 10 people, one message per
// block as hallway writes an awaited send.
//
// Making it through 10 live writers costs minutes (hallway writes ~1-2k
// awaited sends/s here, and downloading 100k blocks into a holder as long
// again), which a 10-minute bench cannot spend on set-up. So the folder is a
// real hallway node's (Messenger), and the 10 writer feeds are then added to
// its Corestore (DATA/store, lib/feed/feed-store.ts) directly, in hallway's exact format: a Header block (device
// certificate, feed signature) then one lib/wire-encoded Message block per
// message, encrypted with the chat key, clocks interleaved across writers
// as ten people talking. settings.json lists them, as a node that learned
// them from peers would. What differs from a grown folder: the writers have
// no directory feeds (their names come from the feed headers).
//
//   node --import tsx bench/workers/build-history.ts --out DIR --writers 10 --per-writer 10000
// Prints {"event":"built", ...manifest} (also in DIR/manifest.json).
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Corestore from 'corestore'
import { Messenger } from '../../lib/chat/messenger.ts'
import { readSettings, writeSettings } from '../../lib/chat/settings.ts'
import { signFeed } from '../../lib/identity/device-certificate.ts'
import { identityFromSeeds } from '../../lib/identity/identity.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { encodeBlock, HEADER_VERSION, type Entry } from '../../lib/wire/index.ts'
import { emit } from './control.ts'

export interface HistoryManifest {
  // the node's data folder
  holder: string
  // its Corestore (FeedStore keeps it in store/ inside the data folder)
  store: string
  chat: string
  chatKey: string
  feeds: string[]
  messages: number
  // the newest 20 in hallway's order (HLC, then device)
  last: string[]
  buildMs: number
}

// `h<writer>:<seq>:` then padding to 200 bytes (no clock stamp: history is not timed per message).
export const historyText = (writer: number, seq: number): string => {
  const head = `h${writer}:${seq}:0:`
  return head + 'x'.repeat(200 - head.length)
}

const APPEND_BATCH = 1000

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, writers: { type: 'string', default: '10' }, 'per-writer': { type: 'string', default: '10000' } } })
  const out = path.resolve(values.out!)
  const writers = Number(values.writers)
  const perWriter = Number(values['per-writer'])
  const started = Date.now()
  const dir = path.join(out, 'holder')

  // 1. A real node's folder: identity, settings, directory and #general feeds.
  const holder = new Messenger({ dataDir: dir, name: 'holder', network: false })
  await holder.ready()
  const chatKeys = holder.workspace.channel('#general')
  await holder.close()

  // 2. The writers' feeds, in the same Corestore.
  const total = writers * perWriter
  const t0 = Date.now() - total - 60_000 // all in the past: history
  const storeDir = path.join(dir, 'store')
  const store = new Corestore(storeDir)
  const feeds: string[] = []
  for (let w = 0; w < writers; w++) {
    const person = identityFromSeeds(randomBytes(32), randomBytes(32))
    const core = store.namespace(`bench-writer-${w}`).get({ name: 'writer', encryption: { key: chatKeys.key } })
    await core.ready()
    const header: Entry = {
      type: 'header',
      hlc: { wall: t0 - 1, logical: 0 },
      header: {
        version: HEADER_VERSION,
        identity: person.identity.publicKey,
        device: person.device.publicKey,
        certificate: person.certificate,
        feedSignature: signFeed(person.device, core.key!, chatKeys.id),
        chat: chatKeys.id,
        name: `w${w}`
      }
    }
    await core.append(encodeBlock([header]))
    for (let k = 0; k < perWriter; k += APPEND_BATCH) {
      const blocks: Uint8Array[] = []
      for (let j = k; j < Math.min(perWriter, k + APPEND_BATCH); j++) {
        blocks.push(encodeBlock([{ type: 'message', text: historyText(w, j), hlc: { wall: t0 + j * writers + w, logical: 0 } }]))
      }
      await core.append(blocks)
    }
    feeds.push(core.key!.toString('hex'))
    await core.close()
  }
  await store.close()

  // 3. The node knows them, as if it had learned them from peers.
  const settings = await readSettings(dir)
  settings.feeds[chatKeys.discoveryKey.toString('hex')] = [...(settings.feeds[chatKeys.discoveryKey.toString('hex')] ?? []), ...feeds]
  await writeSettings(dir, settings)

  // Interleaved clocks: the newest 20 are the last two of each writer.
  const last: string[] = []
  for (let g = total - 20; g < total; g++) last.push(historyText(g % writers, Math.floor(g / writers)).slice(0, 40))
  const manifest: HistoryManifest = { holder: dir, store: storeDir, chat: '#general', chatKey: chatKeys.key.toString('hex'), feeds, messages: total, last, buildMs: Date.now() - started }
  await fs.writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2))
  emit({ event: 'built', ...manifest })
  process.exit(0)
}

main().catch(err => { emit({ event: 'error', message: String((err as Error)?.stack ?? err) }); process.exit(70) })
