// kill -9 of a writer mid-burst, 20 rounds. The writer (bin/hallway.ts
// --headless) gets a burst of 200 lines and is SIGKILLed after a random
// number of them were acknowledged (`sent`; headless answers lines in
// order, so the first k lines are the acknowledged ones). After each
// restart every acknowledged message must be in its history, once, in
// order, and reach both peers; at the end no log shows a block that failed
// verification or decoding, and all three nodes show the same history.
import { createLoopbackNs, netnsTest, type Proc } from '../../helpers/netns.ts'
import { tmpDir } from '../../helpers/peers.ts'
import { isPeer, isReady, isText, startNode, type Ready } from '../../helpers/node-proc.ts'
import { rng } from '../fuzz.ts'
import { historyOf, logProblems } from '../node-checks.ts'

const ROUNDS = 20
const BURST = 200

// `r<round>-<i>` in the order written.
const order = (x: string): [number, number] => x.slice(1).split('-').map(Number) as [number, number]
const notBefore = (x: string, y: string): boolean => { const [a, b] = [order(x), order(y)]; return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]) }
// The acknowledged messages missing from a history of the newest messages
// (at most 1000 can be asked for): those written at or after its oldest.
function missingFrom (hist: string[], acked: string[]): string[] {
  const first = hist[0]
  return first === undefined ? acked : acked.filter(x => notBefore(x, first) && !hist.includes(x))
}

netnsTest(`kill -9 of a writer mid-burst, ${ROUNDS} rounds: nothing acknowledged is lost, every peer gets it, no bad block`, async t => {
  const host = await createLoopbackNs({ t })
  const dirs = { w: await tmpDir(t, 'w'), p: await tmpDir(t, 'p'), q: await tmpDir(t, 'q') }
  const p = startNode(t, host, { name: 'pam', data: dirs.p, port: 7802, args: ['--no-mdns'] })
  const q = startNode(t, host, { name: 'quinn', data: dirs.q, port: 7803, args: ['--no-mdns', '--peer', '127.0.0.1:7802'] })
  const [rp, rq] = [await p.waitFor(isReady, { what: 'pam ready' }), await q.waitFor(isReady, { what: 'quinn ready' })]
  const r = rng(Number(process.env.FUZZ_SEED ?? 0xdead))
  const started = Date.now()
  const acked: string[] = []
  let stored = 0
  let w: Proc | null = null
  let wid = ''
  let roundFailures = 0
  const start = async (): Promise<Proc> => {
    const proc = startNode(t, host, { name: 'wes', data: dirs.w, port: 7801, args: ['--no-mdns', '--peer', '127.0.0.1:7802', '--peer', '127.0.0.1:7803'] })
    const ready: Ready = await proc.waitFor(isReady, { what: 'writer ready', timeoutMs: 30_000 })
    wid = ready.id
    await proc.waitFor(isPeer('online', rp.id), { what: 'pam online at the writer' })
    await proc.waitFor(isPeer('online', rq.id), { what: 'quinn online at the writer' })
    return proc
  }
  for (let round = 0; round < ROUNDS; round++) {
    w = await start()
    // Everything acknowledged before the last kill is there after the restart.
    if (round > 0) {
      const hist = (await historyOf(w, 1000)).map(e => e.text)
      const missing = missingFrom(hist, acked)
      if (missing.length) { roundFailures++; t.fail(`round ${round}: ${missing.length} acknowledged messages missing after the restart: ${missing.slice(0, 5).join(', ')}`) }
      if (new Set(hist).size !== hist.length) { roundFailures++; t.fail(`round ${round}: duplicates in the history`) }
      // The peers get what was acknowledged before the kill (one feed, in order: the last implies the rest).
      const lastAcked = acked[acked.length - 1]!
      for (const peer of [p, q]) await peer.waitFor(isText(lastAcked), { what: `${lastAcked} at a peer after the restart`, timeoutMs: 30_000 })
    }
    const killAfter = 1 + Math.floor(r() * 150)
    const lines = Array.from({ length: BURST }, (_, i) => `r${round}-${i}`)
    const mark = w.events.length
    w.child.stdin!.write(lines.join('\n') + '\n')
    await w.waitFor(() => w!.events.slice(mark).filter(e => e.event === 'sent').length >= killAfter, { what: `${killAfter} acknowledgements` })
    await w.stop()
    const sent = w.events.slice(mark).filter(e => e.event === 'sent').length
    acked.push(...lines.slice(0, sent))
    stored += w.events.slice(mark).filter(e => e.event === 'message' && e.own === true).length
  }
  w = await start()
  t.equal(roundFailures, 0, `after each of ${ROUNDS - 1} restarts every acknowledged message was back, once, and reached both peers`)
  const last = acked[acked.length - 1]!
  for (const peer of [p, q]) await peer.waitFor(isText(last), { what: 'the last acknowledged message at a peer', timeoutMs: 30_000 })
  const histories = await Promise.all([w, p, q].map(async n => (await historyOf(n, 1000)).filter(e => e.from.id === wid)))
  const [hw, hp, hq] = histories.map(h => h.map(e => e.id)) as [string[], string[], string[]]
  const textsW = histories[0]!.map(e => e.text)
  t.deepEqual(missingFrom(textsW, acked), [], 'every acknowledged message is in the writer\'s history (its newest 1000)')
  t.deepEqual(hp, hw, 'pam shows the writer\'s history, same messages, same order')
  t.deepEqual(hq, hw, 'quinn too')
  const inOrder = textsW.every((x, i) => i === 0 || (notBefore(x, textsW[i - 1]!) && x !== textsW[i - 1]))
  t.ok(inOrder, 'in the order they were written')
  for (const [name, dir] of Object.entries(dirs)) {
    const problems = await logProblems(dir)
    t.deepEqual(problems.slice(0, 3), [], `${name}'s log shows no block that failed verification or decoding`)
  }
  t.comment(`${ROUNDS} rounds, ${acked.length} messages acknowledged before a kill -9 (${stored} echoed), ${((Date.now() - started) / 1000).toFixed(0)} s`)
})
