// Disk full: a node's data folder on a small tmpfs (mounted under /tmp for
// this test and unmounted after), filled up while the node runs. Sending
// must fail with DISK_FULL, reading must still work, the node must not
// crash, nothing acknowledged may be lost or corrupted, and sending must
// work again once space is freed.
//
// RocksDB writes into files it preallocated (~75 MB per store), so a full
// file system alone does not stop appends for a long while; FINDINGS.md:
// "the product must watch free space itself". The test sends up to 300
// messages into the full disk and expects DISK_FULL among the answers.
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tape'
import { cleanup, createLoopbackNs, netnsTest, type Proc, type ProcEvent } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, startNode } from '../helpers/node-proc.ts'

const run = promisify(execFile)
const TMPFS_MB = 160

async function smallDisk (t: Test): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallway-diskfull-'))
  cleanup(t, async () => { await fs.rm(dir, { recursive: true, force: true }) })
  await run('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', dir])
  cleanup(t, async () => { await run('umount', ['-l', dir]) })
  return dir
}

// Fills the file system that holds `dir` to the last byte.
async function fill (dir: string): Promise<string> {
  const file = path.join(dir, 'filler')
  const fh = await fs.open(file, 'w')
  const chunk = Buffer.alloc(1 << 20, 0x55)
  try {
    for (;;) await fh.write(chunk)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  }
  try {
    for (;;) await fh.write(Buffer.alloc(512))
  } catch { /* full to the last block */ }
  await fh.close()
  return file
}

// Sends one line and waits for its `sent` or `error` answer.
async function send (p: Proc, text: string): Promise<ProcEvent> {
  const before = p.events.length
  p.write(text)
  return p.waitFor(e => p.events.indexOf(e) >= before && (e.event === 'sent' || e.event === 'error'), { what: `answer to ${text}`, timeoutMs: 20_000 })
}

netnsTest('disk full: DISK_FULL on send, reading works, no crash, nothing lost, recovers when space is freed', async t => {
  const disk = await smallDisk(t)
  const host = await createLoopbackNs({ t })
  const dataA = path.join(disk, 'a')
  let a = startNode(t, host, { name: 'alice', data: dataA, port: 7601, args: ['--no-mdns'] })
  const ra = await a.waitFor(isReady, { what: 'alice ready', timeoutMs: 30_000 })
  const b = startNode(t, host, { name: 'bob', data: await tmpDir(t, 'b'), port: 7602, args: ['--no-mdns', '--peer', '127.0.0.1:7601'] })
  const rb = await b.waitFor(isReady, { what: 'bob ready' })
  await a.waitFor(isPeer('online', rb.id), { what: 'bob online at alice' })
  const acked: string[] = []
  for (let i = 0; i < 5; i++) {
    const r = await send(a, `before ${i}`)
    t.equal(r.event, 'sent', `before ${i} sent`)
    acked.push(`before ${i}`)
  }
  await b.waitFor(isText('before 4'), { what: 'bob has the first messages' })

  const filler = await fill(disk)
  const { size } = await fs.stat(filler)
  t.comment(`tmpfs of ${TMPFS_MB} MB filled with ${(size / 2 ** 20).toFixed(0)} MB`)
  // RocksDB may still have room in files it allocated earlier: send until it has none.
  let refused: ProcEvent | null = null
  let sentWhileFull = 0
  for (let i = 0; i < 300 && refused === null && a.child.exitCode === null; i++) {
    const r = await send(a, `while full ${i}`)
    if (r.event === 'sent') { acked.push(`while full ${i}`); sentWhileFull++ } else refused = r
  }
  t.equal(a.child.exitCode, null, 'the node is still running with a full disk')
  t.equal(refused?.code, 'DISK_FULL', `sending fails with DISK_FULL (after ${sentWhileFull} sends that still fit): ${String(refused?.message ?? 'no error at all')}`)

  a.write('/history 5')
  const hist = await a.waitFor(e => e.event === 'history', { what: '/history with a full disk', timeoutMs: 10_000 })
  t.equal(hist.count, 5, 'reading still works: /history 5 answers with 5 messages')

  b.write('from bob while alice is full')
  t.equal(a.child.exitCode, null, 'a peer writing to a full node does not crash it')

  await fs.rm(filler)
  const after = await send(a, 'after freeing space')
  t.equal(after.event, 'sent', 'sending works again once space is freed')
  acked.push('after freeing space')
  await b.waitFor(isText('after freeing space'), { what: 'bob gets the message sent after recovery' })
  await a.waitFor(isText('from bob while alice is full'), { what: "alice gets bob's message once it has room", timeoutMs: 20_000 })
  t.pass("bob's message written while alice was full reaches her after recovery")

  // Starting on a full disk: a clear refusal, not an internal error.
  a.write('/quit')
  await a.exited
  const filler2 = await fill(disk)
  const full = startNode(t, host, { name: 'alice', data: dataA, port: 7601, args: ['--no-mdns'] })
  const startErr = await full.waitFor(e => e.event === 'error' || e.event === 'ready', { what: 'start on a full disk', timeoutMs: 30_000 })
  const exit = await full.exited
  t.equal(startErr.code, 'DISK_FULL', `starting on a full disk is refused with DISK_FULL: got ${String(startErr.code ?? startErr.event)} "${String(startErr.message ?? '')}", exit code ${exit.code}`)
  await fs.rm(filler2)

  // Nothing corrupted: a restart reads every acknowledged message back, in order.
  a = startNode(t, host, { name: 'alice', data: dataA, port: 7601, args: ['--no-mdns'] })
  await a.waitFor(isReady, { what: 'alice ready again', timeoutMs: 30_000 })
  a.write('/history 1000')
  const done = await a.waitFor(e => e.event === 'history', { what: '/history after restart' })
  // The answer to /history: the `count` message events just before its end
  // (the start-up replay may land before or after the command was sent).
  const end = a.events.indexOf(done)
  const answer = a.events.slice(0, end).filter(e => e.event === 'message').slice(-Number(done.count))
  const shown = answer.filter(e => (e.from as { id: string }).id === ra.id).map(e => String(e.text))
  t.deepEqual(shown.filter(x => acked.includes(x)), acked, `all ${acked.length} acknowledged messages are there after a restart, once each, in order`)
  b.write('/history 1000')
  await b.waitFor(e => e.event === 'history', { what: "bob's /history" })
  const atBob = new Set(b.events.filter(e => e.event === 'message').map(e => String(e.text)))
  t.deepEqual(acked.filter(x => !atBob.has(x)), [], 'and bob has every one of them')
})
