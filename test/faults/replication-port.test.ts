// Bad input on the wire: random bytes, oversized frames, stalled handshakes,
// and garbage after a real Noise handshake, thrown at a running node's
// replication port from inside its namespace (test/faults/fixtures/
// port-attack.ts). The node must not crash, must close each offending
// connection, must keep its memory flat, and must keep talking to an
// honest peer. Each attack states its figures. An offender is given 5 s
// to be closed (a stalled handshake 15 s): well under the 10 s idle timeout
// of open connections, so a pass means the node noticed the offence, not
// that the attacker fell silent.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLoopbackNs, netnsTest, spawnIn, type Proc } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, ROOT, startNode } from '../helpers/node-proc.ts'
import { rssMb } from './heap.ts'

const ATTACKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/port-attack.ts')

// [attack, connections]
const ATTACKS: Array<[string, number, string]> = [
  ['random', 50, 'random bytes (1 B-64 KiB) instead of a handshake'],
  ['oversized', 10, 'a 16 MiB frame of garbage instead of a handshake'],
  ['stall', 10, 'a 16 MiB frame header and most of the frame, never finished'],
  ['noise-garbage', 20, 'random encrypted messages after a real Noise handshake'],
  ['bad-frames', 20, '40 undecodable hallway/v1 frames after a real handshake'],
  ['huge-frames', 10, '40 hallway/v1 frames of 1 MiB (4x the cap) after a real handshake']
]

netnsTest('bad bytes on the replication port: no crash, offenders closed, memory flat, honest peers unaffected', async t => {
  const host = await createLoopbackNs({ t })
  const v = startNode(t, host, { name: 'victim', data: await tmpDir(t, 'v'), port: 7401, args: ['--no-mdns'] })
  const rv = await v.waitFor(isReady, { what: 'victim ready' })
  const g = startNode(t, host, { name: 'grace', data: await tmpDir(t, 'g'), port: 7402, args: ['--no-mdns', '--peer', '127.0.0.1:7401'] })
  const rg = await g.waitFor(isReady, { what: 'grace ready' })
  await v.waitFor(isPeer('online', rg.id), { what: 'grace online' })
  let round = 0
  const roundTrip = async (): Promise<void> => {
    round++
    g.write(`from grace ${round}`)
    await v.waitFor(isText(`from grace ${round}`), { what: `grace's message ${round}` })
    v.write(`from victim ${round}`)
    await g.waitFor(isText(`from victim ${round}`), { what: `victim's message ${round}` })
  }
  await roundTrip()
  const before = rssMb(v.pid)
  for (const [attack, count, what] of ATTACKS) {
    const base = rssMb(v.pid)
    let peak = base
    const poll = setInterval(() => { try { peak = Math.max(peak, rssMb(v.pid)) } catch { /* gone: reported below */ } }, 50)
    const attacker: Proc = spawnIn(host, process.execPath, ['--import', 'tsx', ATTACKER, '127.0.0.1', '7401', attack, String(count)], { t, cwd: ROOT })
    try {
      const r = await attacker.waitFor(e => e.event === 'attack' || e.event === 'error', { what: `${attack} attack`, timeoutMs: 60_000 })
      t.equal(v.child.exitCode, null, `${attack}: the node is still running`)
      t.equal(r.closedByNode, count, `${attack} (${what}): the node closed ${String(r.closedByNode)} of ${count} connections${Number(r.closedByNode) ? `, the last after ${Number(r.maxCloseMs).toFixed(0)} ms` : ''}`)
      await roundTrip()
      const after = rssMb(v.pid)
      t.ok(peak - base < 64, `${attack}: RSS ${base.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB during, ${after.toFixed(0)} MB after (limit: peak < before + 64 MB)`)
    } finally {
      clearInterval(poll)
      await attacker.stop()
    }
  }
  t.notOk(v.events.some(e => e.event === 'peer' && e.state === 'online' && e.id !== rg.id), 'no attacker was ever shown as a person online')
  t.equal(v.events.filter(e => e.event === 'message' && !String(e.text).startsWith('from ')).length, 0, 'nothing else was shown')
  const after = rssMb(v.pid)
  t.comment(`${ATTACKS.reduce((n, [, c]) => n + c, 0)} hostile connections in ${ATTACKS.length} attacks; victim RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after; ${rv.id.slice(0, 8)} still answers`)
})
