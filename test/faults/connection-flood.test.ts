// Finding 8 of issue 10 (connections): one host opened thousands of Noise
// connections to a node, each a fresh identity with a valid hello, and
// every one was shown as a person online. Here a real node in a network
// namespace takes 300 such connections from one address (127.0.0.66)
// while an honest peer (127.0.0.1) is connected, then 200 more: the node
// keeps at most its per-address budget, refuses the rest and bans the
// address, and an honest peer already connected stays, a new one still
// connects, and messages flow both ways.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLoopbackNs, netnsTest, spawnIn, type ProcEvent } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { isPeer, isReady, isText, ROOT, startNode } from '../helpers/node-proc.ts'
import { DEFAULT_LIMITS } from '../../lib/net/connection-limits.ts'
import { rssMb } from './heap.ts'

const FLOOD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/conn-flood.ts')
const ATTACKER = '127.0.0.66'

const fakeOnline = (e: ProcEvent): boolean => e.event === 'peer' && e.state === 'online' && String(e.name).startsWith('alice')

netnsTest('a flood of fresh identities from one address: bounded, refused, banned; honest peers connect and talk', async t => {
  const host = await createLoopbackNs({ t })
  const vData = await tmpDir(t, 'victim')
  const v = startNode(t, host, { name: 'victim', data: vData, port: 7501, args: ['--no-mdns'] })
  const rv = await v.waitFor(isReady, { what: 'victim ready' })
  const g = startNode(t, host, { name: 'grace', data: await tmpDir(t, 'g'), port: 7502, args: ['--no-mdns', '--peer', '127.0.0.1:7501'] })
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
  const rssBefore = rssMb(v.pid)

  const attacker = spawnIn(host, process.execPath, ['--import', 'tsx', FLOOD, '127.0.0.1', '7501', ATTACKER, '300', 'alice'], { t, cwd: ROOT })
  const flood = await attacker.waitFor(e => e.event === 'flood' || e.event === 'error', { what: 'the flood', timeoutMs: 120_000 })
  t.equal(flood.event, 'flood', 'the attacker ran')
  t.comment(`300 attempts from ${ATTACKER}: ${String(flood.hello)} said hello, ${String(flood.refused)} refused`)
  // The hellos that got through were sent before grace's next message.
  await roundTrip()
  const fakes = new Set(v.events.filter(fakeOnline).map(e => String(e.id)))
  t.ok(fakes.size <= DEFAULT_LIMITS.maxPerAddress, `fresh identities shown online: ${fakes.size} (budget per address: ${DEFAULT_LIMITS.maxPerAddress})`)
  t.ok(Number(flood.refused) >= 300 - DEFAULT_LIMITS.maxPerAddress, `refused: ${String(flood.refused)} of 300`)

  // A new honest peer connects while the attacker holds what it has.
  const h = startNode(t, host, { name: 'henry', data: await tmpDir(t, 'h'), port: 7503, args: ['--no-mdns', '--peer', '127.0.0.1:7501'] })
  const rh = await h.waitFor(isReady, { what: 'henry ready' })
  await v.waitFor(isPeer('online', rh.id), { what: 'henry online at the victim' })
  h.write('from henry')
  await v.waitFor(isText('from henry'), { what: "henry's message" })

  // The address keeps trying: it is banned, each try refused at once.
  attacker.write('more 200')
  const more = await attacker.waitFor(e => e.event === 'more', { what: 'the second wave', timeoutMs: 120_000 })
  t.equal(more.hello, 0, `second wave: ${String(more.refused)} of 200 refused, none got through`)
  await roundTrip()
  const log = fs.readFileSync(path.join(vData, 'hallway.log'), 'utf8').split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l) as { msg?: string, reason?: string })
  t.ok(log.some(l => l.msg === 'address banned'), 'the victim logged the ban')
  t.ok(log.some(l => l.msg === 'connection refused' && l.reason === 'per-address'), 'and the refusals, with their reason')

  t.notOk(v.events.some(e => e.event === 'peer' && e.state === 'offline' && (e.id === rg.id || e.id === rh.id)), 'no honest peer was dropped')
  const rssAfter = rssMb(v.pid)
  t.ok(rssAfter - rssBefore < 64, `victim RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after`)
  t.equal(v.child.exitCode, null, `the victim (${rv.id.slice(0, 8)}) still runs`)
  await attacker.stop()
})
