// What counting unread messages costs as they pile up: a node that never
// reads (a bot, or a person away) in a busy chat. Two real Messengers in
// this process (in-memory Noise pair, no network); the writer sends in
// batches, and each of the reader's recounts is timed by wrapping
// UnreadCounter.prototype.recount (diagnosis only: every counter of the
// process, and the writer's own counts are few).
//
//   node --import tsx bench/diagnose/unread-scan.ts [total]
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { linkInMemory } from '../../lib/chat/memory-link.ts'
import { Messenger } from '../../lib/chat/messenger.ts'
import { UnreadCounter } from '../../lib/chat/unread-counter.ts'

const total = Number(process.argv[2] ?? 40_000)
const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hallway-unread-'))
try {
  const a = new Messenger({ dataDir: path.join(root, 'a'), name: 'a', network: false })
  const b = new Messenger({ dataDir: path.join(root, 'b'), name: 'b', network: false })
  await a.ready()
  await b.ready()
  const recount = UnreadCounter.prototype.recount
  let spent = 0
  let calls = 0
  UnreadCounter.prototype.recount = function (this: UnreadCounter) {
    const t = performance.now()
    const p = recount.call(this)
    void p.then(() => { spent += performance.now() - t; calls++ })
    return p
  }
  const pair = linkInMemory(a, b)
  let got = 0
  b.on('message', () => { got++ })
  const step = total / 4
  for (let sent = 0; sent < total;) {
    const [spent0, calls0] = [spent, calls]
    const t0 = performance.now()
    for (let i = 0; i < step; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, k) => a.send('#general', `m ${sent + i + k}`)))
      await new Promise(resolve => setImmediate(resolve))
    }
    sent += step
    while (got < sent) await new Promise(resolve => setTimeout(resolve, 5))
    console.log(`unread ${String(sent - step).padStart(6)}-${sent}: ${calls - calls0} recounts took ${(spent - spent0).toFixed(0)} ms (${((spent - spent0) / Math.max(1, calls - calls0)).toFixed(2)} ms each) of ${(performance.now() - t0).toFixed(0)} ms`)
  }
  pair.destroy()
  await a.close()
  await b.close()
} finally {
  await fs.rm(root, { recursive: true, force: true })
}
