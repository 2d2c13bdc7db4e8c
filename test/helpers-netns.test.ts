import type { Test } from 'tape'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLan, createLoopbackNs, netnsTest, spawnIn, type Host, type Proc, type ProcEvent } from './helpers/netns.ts'

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
