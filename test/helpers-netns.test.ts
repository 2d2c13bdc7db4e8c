import type { Test } from 'tape'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLan, createLoopbackNs, createRoutedLans, netnsTest, spawnIn, type Host, type Proc, type ProcEvent } from './helpers/netns.ts'

const FIXTURE = fileURLToPath(new URL('./fixtures/udp-multicast.mjs', import.meta.url))
const namespaces = (): string[] => execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map(l => l.split(' ')[0] ?? '')
// A zombie awaiting its reaper counts as dead.
const alive = (pid: number): boolean => { try { return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')) } catch { return false } }
const ours = (): string[] => namespaces().filter(ns => ns.startsWith(`hwt${process.pid}n`))

interface Message extends ProcEvent { event: 'message', text: string, from: string }
const isMessage = (text: string) => (e: ProcEvent): e is Message => e.event === 'message' && e.text === text

function listener (t: Test, host: Host, iface = host.address): Proc {
  return spawnIn(host, process.execPath, [FIXTURE, iface], { t })
}
async function listening (p: Proc, name: string): Promise<ProcEvent> {
  return await p.waitFor(e => e.event === 'listening', { what: `${name} listening` })
}

netnsTest('a 3-host LAN carries mDNS multicast across the bridge', async (t) => {
  const started = Date.now()
  const lan = await createLan({ hosts: 3, t })
  t.comment(`3-host LAN ready in ${Date.now() - started} ms`)
  t.deepEqual(lan.hosts.map(h => h.address), [1, 2, 3].map(i => `10.77.${lan.subnet}.${i}`), 'one address per host in 10.77.X.0/24')
  t.deepEqual(ours().sort(), [...lan.hosts.map(h => h.ns), lan.hosts[0]!.ns.replace(/h0$/, 'br')].sort(), 'namespaces exist')

  const [a, b, c] = lan.hosts.map(h => listener(t, h)) as [Proc, Proc, Proc]
  const ready = await listening(a, 'a')
  await Promise.all([listening(b, 'b'), listening(c, 'c')])
  t.equal(ready.pid, a.pid, 'ip netns exec execs in place: proc.pid is the node process itself')

  a.write('send hello')
  const got = await b.waitFor(isMessage('hello'), { what: 'hello at b' })
  t.equal(got.from, lan.hosts[0]!.address, 'b got the datagram from host 0')
  await c.waitFor(isMessage('hello'), { what: 'hello at c' })
  t.pass('c got it too')

  await lan.linkDown(2)
  a.write('send while-c-is-down')
  await b.waitFor(isMessage('while-c-is-down'), { what: 'second message at b' })
  await lan.linkUp(2)
  a.write('send c-is-back')
  await c.waitFor(isMessage('c-is-back'), { what: 'message at c after linkUp' })
  t.notOk(c.events.some(isMessage('while-c-is-down')), 'c missed what was sent while its link was down')

  b.kill('SIGKILL')
  const exit = await b.exited
  t.equal(exit.signal, 'SIGKILL', 'SIGKILL ends the process')
  t.throws(() => process.kill(b.pid, 0), /ESRCH/, 'and the pid is really gone')
})

// Proves "X never arrived" without a sleep. Before the fence, each multicast
// was already received by a neighbour on its own LAN; the bridge floods a frame
// to all its ports in one pass, so by then the router port had it too. The
// fence is a unicast round trip through the router (there, back, there again).
// Packets on one path are not strictly ordered (per-CPU queues), but none
// lingers behind a full extra round trip through the same router: once the
// last fence arrives, anything the router was going to forward has arrived.
let fences = 0
async function fence (from: [Host, Proc], to: [Host, Proc]): Promise<void> {
  const n = fences++
  for (const [[, src], [dst, rcv], text] of [[from, to, 'there'], [to, from, 'back'], [from, to, 'again']] as const) {
    src.write(`sendto ${dst.address} fence${n}-${text}`)
    await rcv.waitFor(isMessage(`fence${n}-${text}`), { what: `fence${n}-${text} at ${dst.address}` })
  }
}

netnsTest('routed sub-nets: unicast crosses the router, mDNS multicast does not', async (t) => {
  const started = Date.now()
  const net = await createRoutedLans({ hostsPerLan: [2, 2], t })
  t.comment(`2 sub-nets of 2 hosts and a router ready in ${Date.now() - started} ms`)
  const x = net.subnet
  t.deepEqual(net.lans.map(l => l.map(h => h.address)), [[`10.78.${x}.1`, `10.78.${x}.2`], [`10.79.${x}.1`, `10.79.${x}.2`]], 'hosts in 10.78.X.0/24 and 10.79.X.0/24')
  t.deepEqual(net.router.addresses, [`10.78.${x}.254`, `10.79.${x}.254`], 'the router at .254 in each')
  t.equal(ours().length, 2 + 2 + 2 + 1, 'namespaces: 4 hosts, 2 bridges, 1 router')
  t.equal(execFileSync('ip', ['netns', 'exec', net.router.ns, 'sysctl', '-n', 'net.ipv4.ip_forward'], { encoding: 'utf8' }).trim(), '1', 'the router forwards')

  const [a0, a1, b0, b1] = net.lans.flat().map((h): [Host, Proc] => [h, listener(t, h)]) as [[Host, Proc], [Host, Proc], [Host, Proc], [Host, Proc]]
  await Promise.all([a0, a1, b0, b1].map(([h, p]) => listening(p, h.address)))
  t.comment(`listening after ${Date.now() - started} ms`)

  a0[1].write(`sendto ${b0[0].address} across`)
  const got = await b0[1].waitFor(isMessage('across'), { what: 'unicast from lan 0 at lan 1' })
  t.equal(got.from, a0[0].address, 'unicast crosses the router, sender address kept (routed, no NAT)')

  // Each LAN's own multicast works (so lan 1's listeners are in the group) ...
  a0[1].write('send mdns-lan0')
  b1[1].write('send mdns-lan1')
  await a1[1].waitFor(isMessage('mdns-lan0'), { what: 'lan 0 multicast at lan 0 host 1' })
  await b0[1].waitFor(isMessage('mdns-lan1'), { what: 'lan 1 multicast at lan 1 host 0' })
  t.pass('multicast to 224.0.0.251:5353 reaches the other host of its own sub-net')
  // ... and neither crossed the router, in either direction.
  await fence(a0, b0)
  t.notOk([b0, b1].some(([, p]) => p.events.some(isMessage('mdns-lan0'))), 'lan 0 multicast did not reach lan 1')
  t.notOk([a0, a1].some(([, p]) => p.events.some(isMessage('mdns-lan1'))), 'lan 1 multicast did not reach lan 0')

  // First make the router resolve host 1's MAC: a packet for an unresolved
  // neighbour waits in the router's ARP queue and arrives after linkUp.
  a0[1].write(`sendto ${b1[0].address} warm`)
  await b1[1].waitFor(isMessage('warm'), { what: 'unicast at lan 1 host 1' })
  await net.linkDown(1, 1)
  a0[1].write(`sendto ${b1[0].address} while-down`)
  await fence(a0, b0)
  await net.linkUp(1, 1)
  a0[1].write(`sendto ${b1[0].address} after-up`)
  await b1[1].waitFor(isMessage('after-up'), { what: 'unicast after linkUp' })
  t.notOk(b1[1].events.some(isMessage('while-down')), 'linkDown cut lan 1 host 1 off; linkUp plugged it back')
  t.comment(`test body done after ${Date.now() - started} ms`)
})

netnsTest('a loopback namespace carries multicast on lo', async (t) => {
  const host = await createLoopbackNs({ t })
  const [a, b] = [listener(t, host), listener(t, host)]
  await Promise.all([listening(a, 'a'), listening(b, 'b')])
  a.write('send on-loopback')
  const got = await b.waitFor(isMessage('on-loopback'), { what: 'loopback message at b' })
  t.equal(got.from, '127.0.0.1', 'delivered over 127.0.0.1')
})

netnsTest('waitFor fails with the process output when the process exits first', async (t) => {
  const host = await createLoopbackNs({ t })
  const p = spawnIn(host, process.execPath, ['-e', 'console.log("last words"); console.error("on stderr"); process.exit(3)'], { t })
  try {
    await p.waitFor(e => e.event === 'never', { what: 'an event that never comes' })
    t.fail('should have rejected')
  } catch (err) {
    const message = (err as Error).message
    t.match(message, /exited \(code 3/, 'says it exited, with the code')
    t.match(message, /an event that never comes/, 'names what was awaited')
    t.match(message, /out\| last words/, 'includes stdout')
    t.match(message, /err\| on stderr/, 'includes stderr')
  }
})

netnsTest('waitFor times out with a clear message', async (t) => {
  const host = await createLoopbackNs({ t })
  const p = spawnIn(host, process.execPath, ['-e', 'console.log(JSON.stringify({ event: "hi" })); setInterval(() => {}, 1000)'], { t })
  await p.waitFor(e => e.event === 'hi', { what: 'hi' })
  try {
    await p.waitFor(e => e.event === 'never', { timeoutMs: 200, what: 'the second event' })
    t.fail('should have rejected')
  } catch (err) {
    t.match((err as Error).message, /timed out after 200 ms before the second event/, 'names the timeout and the event')
  }
})

netnsTest('destroy kills what a test process left running in the namespace', async (t) => {
  const host = await createLoopbackNs({ t })
  // sh forks sleep, which keeps stdout open after sh dies.
  const p = spawnIn(host, 'sh', ['-c', 'sleep 1000 & echo "{\\"event\\":\\"bg\\",\\"pid\\":$!}"; wait'], { t })
  const { pid } = await p.waitFor((e): e is ProcEvent & { pid: number } => e.event === 'bg', { what: 'background pid' })
  await host.destroy()
  t.notOk(alive(pid), `grandchild ${pid} is dead`)
  t.notOk(ours().includes(host.ns), 'namespace deleted')
})

netnsTest('no namespace is left behind', (t) => {
  t.deepEqual(ours(), [], 'ip netns list shows none of ours')
})
