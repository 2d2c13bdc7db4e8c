// Hermetic multi-host tests: every "host" is a Linux network namespace, and a
// LAN is a bridge in a namespace of its own, so nothing (multicast included)
// ever touches the machine's own namespace. Recipe: /work/shared/FINDINGS.md.
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import tape, { type Test } from 'tape'

export interface Host { ns: string, address: string }
export interface LoopbackHost extends Host { destroy(): Promise<void> }
export interface Lan {
  hosts: Host[]
  /** the X in 10.77.X.0/24 */
  subnet: number
  /** Cable pulled / plugged back for host i (see linkDown below). */
  linkDown(i: number): Promise<void>
  linkUp(i: number): Promise<void>
  /** Kills processes spawned in the LAN, deletes its namespaces; idempotent. */
  destroy(): Promise<void>
}
export interface LanOptions { hosts: number, prefix?: string, subnet?: number, t?: Test }
export type ProcEvent = Record<string, unknown>
export interface Exit { code: number | null, signal: NodeJS.Signals | null }
export interface WaitOptions { timeoutMs?: number, what?: string }
export interface SpawnOptions { env?: NodeJS.ProcessEnv, cwd?: string, t?: Test }
export type Availability = { ok: true } | { ok: false, reason: string }
type Cleanup = () => void | Promise<void>

const execFileP = promisify(execFile)
async function ip (...args: string[]): Promise<string> {
  return (await execFileP('ip', args)).stdout
}

// Names are <base><pid>n<counter>-<role>: unique per call and per run, short,
// and a run killed with SIGKILL can be recognised (and swept) by its dead pid.
const DEFAULT_BASE = 'hwt'
let counter = 0
function nextTag (base = DEFAULT_BASE): string {
  if (!/^[a-z][a-z0-9]{0,7}$/.test(base)) throw new TypeError(`bad prefix ${base}: 1-8 of [a-z0-9]`)
  return `${base}${process.pid}n${counter++}`
}

// Process-wide registry, for the synchronous last-chance cleanup on exit.
const liveNs = new Set<string>()
const liveProcs = new Map<number, ProcHandle>()
let exitHooked = false
function killAll (pids: Iterable<number | string>): void {
  for (const pid of pids) { try { process.kill(Number(pid), 'SIGKILL') } catch { /* already gone */ } }
}
// Synchronous, so that the 'exit' handler can use it too. Whatever still runs
// in the namespace (a grandchild, say) was started by a test: kill it as well.
function delNsSync (ns: string): void {
  try { killAll(execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split('\n').filter(Boolean)) } catch { /* no such ns */ }
  try { execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' }) } catch { /* never made or already deleted */ }
  liveNs.delete(ns)
}
function cleanupSync (): void {
  killAll(liveProcs.keys())
  liveNs.forEach(delNsSync)
}
function hookExit (): void {
  if (exitHooked) return
  exitHooked = true
  process.once('exit', cleanupSync)
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    // once: the re-raised signal then meets the default handler and ends us.
    process.once(sig, () => { cleanupSync(); process.kill(process.pid, sig) })
  }
  sweepStale()
}

/** Deletes namespaces (and kills their processes) left by runs of this helper that were SIGKILLed. */
function sweepStale (): void {
  let names: string[]
  try { names = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map(l => l.split(' ')[0] ?? '') } catch { return }
  for (const ns of names) {
    const m = new RegExp(`^${DEFAULT_BASE}(\\d+)n\\d+-`).exec(ns)
    if (!m || Number(m[1]) === process.pid || pidAlive(Number(m[1]))) continue
    delNsSync(ns)
  }
}
const pidAlive = (pid: number): boolean => { try { process.kill(pid, 0); return true } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM' } }

async function addNs (ns: string): Promise<void> {
  hookExit()
  liveNs.add(ns)
  await ip('netns', 'add', ns)
}
async function delNs (ns: string): Promise<void> {
  await Promise.all([...liveProcs.values()].filter(p => p.ns === ns).map(p => p.stop()))
  delNsSync(ns)
}

/** LIFO cleanup per tape test: processes die before the namespaces they run in. */
const stacks = new WeakMap<Test, Cleanup[]>()
export function cleanup (t: Test, fn: Cleanup): void {
  let stack = stacks.get(t)
  if (!stack) {
    const s: Cleanup[] = stack = []
    stacks.set(t, s)
    t.teardown(async () => {
      const errors: unknown[] = []
      for (let f = s.pop(); f; f = s.pop()) { try { await f() } catch (e) { errors.push(e) } }
      // Not a throw: tape never ends a test whose teardown rejects (the
      // run would hang, then report every later test as unfinished).
      if (errors.length) {
        process.stdout.write(`# cleanup failed: ${errors.map(e => String((e as Error)?.message ?? e)).join('; ')}\n`)
        process.exitCode = 1
      }
    })
  }
  stack.push(fn)
}

/**
 * A tape test that needs namespaces: skipped, with the reason, where they are
 * unavailable. Checks inside the test, so test files need no top-level await
 * (tape's bin require()s .ts files, and tsx then compiles them to CommonJS).
 */
export function netnsTest (name: string, fn: (t: Test) => void | Promise<void>): void {
  tape(name, async (t) => {
    const available = await netnsAvailable()
    if (!available.ok) { t.skip(`network namespaces unavailable: ${available.reason}`); return }
    await fn(t)
  })
}

let availability: Promise<Availability> | undefined
export function netnsAvailable (): Promise<Availability> {
  availability ??= (async (): Promise<Availability> => {
    if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces need Linux' }
    if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' }
    const probe = `${nextTag()}-probe`
    try { await addNs(probe) } catch (e) {
      return { ok: false, reason: `ip netns add failed: ${(e as Error).message.trim()}` }
    } finally { await delNs(probe) }
    return { ok: true }
  })()
  return availability
}

async function waitUntil (what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}
interface IpLink { operstate: string, linkinfo?: { info_slave_data?: { state?: string } } }
async function linkReady (brNs: string, port: string, hostNs: string, dev = 'eth0'): Promise<boolean> {
  const [br, host] = await Promise.all([ip('-d', '-j', '-n', brNs, 'link', 'show', 'dev', port), ip('-j', '-n', hostNs, 'link', 'show', 'dev', dev)])
  const [b] = JSON.parse(br) as IpLink[]
  const [h] = JSON.parse(host) as IpLink[]
  return b?.operstate === 'UP' && b.linkinfo?.info_slave_data?.state === 'forwarding' && h?.operstate === 'UP'
}

// The pieces of a LAN, shared by createLan and createRoutedLans.
async function addBridge (brNs: string): Promise<void> {
  // Snooping off: with no querier on the LAN the bridge must flood multicast.
  await ip('-n', brNs, 'link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0', 'stp_state', '0')
  await ip('-n', brNs, 'link', 'set', 'br0', 'up')
}
/** A cable from bridge port `port` to `dev` in ns, which gets `cidr`. */
async function plug (brNs: string, port: string, ns: string, cidr: string, dev = 'eth0'): Promise<void> {
  // The veth is made inside the bridge namespace and its peer moved straight into the host: nothing is ever created in ours.
  await ip('-n', brNs, 'link', 'add', port, 'type', 'veth', 'peer', 'name', dev, 'netns', ns)
  await ip('-n', brNs, 'link', 'set', port, 'master', 'br0', 'up')
  await ip('-n', ns, 'link', 'set', 'lo', 'up')
  await ip('-n', ns, 'addr', 'add', cidr, 'dev', dev)
  await ip('-n', ns, 'link', 'set', dev, 'up', 'multicast', 'on')
  await waitUntil(`${ns} ${dev} up`, () => linkReady(brNs, port, ns, dev))
}
async function plugHost (brNs: string, i: number, { ns, address }: Host): Promise<void> {
  await plug(brNs, `v${i}`, ns, `${address}/24`)
  // Without this route, sends to 224.0.0.251 fail with ENETUNREACH and mDNS is silent.
  await ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', 'eth0')
}
// The switch-side end goes down, as if the cable were pulled: the host keeps
// its address and routes (marked linkdown) and its packets are dropped.
// Setting the host's own eth0 down would instead flush its routes.
async function portDown (brNs: string, i: number): Promise<void> { await ip('-n', brNs, 'link', 'set', `v${i}`, 'down') }
async function portUp (brNs: string, i: number, { ns }: Host): Promise<void> {
  await ip('-n', brNs, 'link', 'set', `v${i}`, 'up')
  await waitUntil(`${ns} link up`, () => linkReady(brNs, `v${i}`, ns))
}
const pick = (hosts: Host[], i: number): Host => { const h = hosts[i]; if (!h) throw new RangeError(`no host ${i}`); return h }
const checkHosts = (n: number, what = 'hosts'): void => {
  if (!Number.isInteger(n) || n < 1 || n > 253) throw new RangeError(`${what}: 1..253`)
}

export async function createLan (opts: LanOptions): Promise<Lan> {
  checkHosts(opts.hosts)
  const subnet = opts.subnet ?? 1 + Math.floor(Math.random() * 254)
  const tag = nextTag(opts.prefix)
  const brNs = `${tag}-br`
  const hosts: Host[] = Array.from({ length: opts.hosts }, (_, i) => ({ ns: `${tag}-h${i}`, address: `10.77.${subnet}.${i + 1}` }))
  let destroyed: Promise<void> | undefined
  const destroy = (): Promise<void> => (destroyed ??= (async () => {
    for (const ns of [...hosts.map(h => h.ns), brNs]) await delNs(ns)
  })())
  if (opts.t) cleanup(opts.t, destroy)
  try {
    await Promise.all([brNs, ...hosts.map(h => h.ns)].map(addNs))
    await addBridge(brNs)
    await Promise.all(hosts.map((h, i) => plugHost(brNs, i, h)))
  } catch (e) { await destroy(); throw e }
  return {
    hosts,
    subnet,
    destroy,
    async linkDown (i) { pick(hosts, i); await portDown(brNs, i) },
    async linkUp (i) { await portUp(brNs, i, pick(hosts, i)) }
  }
}

/** One namespace with only lo, where processes talk over 127.0.0.1 and mDNS works on loopback. */
export async function createLoopbackNs (opts: { prefix?: string, t?: Test } = {}): Promise<LoopbackHost> {
  const ns = `${nextTag(opts.prefix)}-lo`
  let destroyed: Promise<void> | undefined
  const destroy = (): Promise<void> => (destroyed ??= delNs(ns))
  if (opts.t) cleanup(opts.t, destroy)
  try {
    await addNs(ns)
    await ip('-n', ns, 'link', 'set', 'lo', 'up', 'multicast', 'on')
    // Without `src`, datagrams leave from 0.0.0.0 (127.0.0.1 is host-scoped, the
    // route link-scoped) and receivers see a useless sender address.
    await ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', 'lo', 'src', '127.0.0.1')
  } catch (e) { await destroy(); throw e }
  return { ns, address: '127.0.0.1', destroy }
}

interface Waiter { pred: (e: ProcEvent) => boolean, resolve: (e: ProcEvent) => void, reject: (e: Error) => void, what: string }

class ProcHandle {
  readonly events: ProcEvent[] = []
  readonly exited: Promise<Exit>
  readonly pid: number
  private readonly lines: string[] = []
  private readonly waiters = new Set<Waiter>()
  private exit: Exit | undefined
  private readonly died: Promise<void>

  constructor (readonly ns: string, readonly child: ChildProcess, private readonly label: string) {
    child.on('error', (err) => this.remember('spawn', err.message))
    child.stdin?.on('error', () => { /* EPIPE once the process is gone; exit is reported via `exited` */ })
    if (child.pid === undefined) throw new Error(`cannot spawn ${label}`)
    this.pid = child.pid
    this.died = new Promise((resolve) => child.once('exit', () => { liveProcs.delete(this.pid); resolve() }))
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => { this.remember('out', line); this.parse(line) })
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => this.remember('err', line))
    // 'close' (not 'exit') fires after stdout is drained, so every event is parsed before waiters are failed.
    this.exited = new Promise((resolve) => child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      this.exit = { code, signal }
      for (const w of this.waiters) w.reject(this.failure(w.what, `exited (code ${code}, signal ${signal})`))
      this.waiters.clear()
      resolve(this.exit)
    }))
  }

  private remember (stream: string, line: string): void {
    this.lines.push(`${stream}| ${line}`)
    if (this.lines.length > 20) this.lines.shift()
  }

  private parse (line: string): void {
    if (!line.startsWith('{')) return
    let value: unknown
    try { value = JSON.parse(line) } catch { return }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return
    const event = value as ProcEvent
    this.events.push(event)
    for (const w of this.waiters) if (w.pred(event)) { this.waiters.delete(w); w.resolve(event) }
  }

  private failure (what: string, why: string): Error {
    return new Error(`${this.label} (pid ${this.pid}, ${this.ns}) ${why} before ${what}; last output:\n${this.tail()}`)
  }

  tail (): string { return this.lines.join('\n') || '(no output)' }

  waitFor<T extends ProcEvent>(pred: (e: ProcEvent) => e is T, opts?: WaitOptions): Promise<T>
  waitFor (pred: (e: ProcEvent) => boolean, opts?: WaitOptions): Promise<ProcEvent>
  waitFor (pred: (e: ProcEvent) => boolean, { timeoutMs = 20_000, what = 'the awaited event' }: WaitOptions = {}): Promise<ProcEvent> {
    const seen = this.events.find(pred)
    if (seen) return Promise.resolve(seen)
    if (this.exit) return Promise.reject(this.failure(what, `exited (code ${this.exit.code}, signal ${this.exit.signal})`))
    return new Promise((resolve, reject) => {
      // A safety net only: tests wait on events, this just bounds a hang.
      const timer = setTimeout(() => { this.waiters.delete(w); reject(this.failure(what, `timed out after ${timeoutMs} ms`)) }, timeoutMs)
      const w: Waiter = {
        pred,
        what,
        resolve: (e) => { clearTimeout(timer); resolve(e) },
        reject: (e) => { clearTimeout(timer); reject(e) }
      }
      this.waiters.add(w)
    })
  }

  write (line: string): void { this.child.stdin?.write(line.endsWith('\n') ? line : `${line}\n`) }

  kill (signal: NodeJS.Signals = 'SIGTERM'): void { if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal) }

  /** SIGKILL, resolved once the process is dead ('exit', not 'close': a grandchild may hold stdout open). */
  async stop (): Promise<void> { this.kill('SIGKILL'); await this.died }
}
export type Proc = Pick<ProcHandle, 'ns' | 'child' | 'pid' | 'events' | 'exited' | 'waitFor' | 'write' | 'kill' | 'stop' | 'tail'>

/**
 * Runs `cmd args` inside host.ns, stdio piped, stdout read as JSON lines.
 * `ip netns exec` setns()es and then execs cmd in the same process (no fork),
 * so proc.pid is the pid of cmd itself and SIGKILL really kills it (checked in
 * test/helpers-netns.test.ts). Use `node --import tsx`, never the tsx launcher,
 * which forks a child that survives a kill of the launcher.
 */
export function spawnIn (host: Host, cmd: string, args: readonly string[] = [], opts: SpawnOptions = {}): Proc {
  hookExit()
  const child = spawn('ip', ['netns', 'exec', host.ns, cmd, ...args], { stdio: 'pipe', env: opts.env ?? process.env, cwd: opts.cwd })
  const proc = new ProcHandle(host.ns, child, [cmd, ...args].join(' ').slice(0, 80))
  liveProcs.set(proc.pid, proc)
  if (opts.t) cleanup(opts.t, async () => { await proc.stop() })
  return proc
}

export interface Router extends Host {
  /** [its address in lan 0, in lan 1]; `address` is the first. */
  addresses: [string, string]
}
export interface RoutedLans {
  /** Hosts of 10.78.X.0/24 and of 10.79.X.0/24, host i at .i+1. */
  lans: [Host[], Host[]]
  /** the X */
  subnet: number
  /** At .254 in both sub-nets: the default gateway of every host. */
  router: Router
  /**
   * As Lan.linkDown/linkUp, for host i of sub-net `lan`. Unicast the router has
   * to forward to a host whose MAC it has not resolved yet waits (~3 s) in its
   * ARP queue, and so may still arrive after a short linkDown/linkUp.
   */
  linkDown(lan: 0 | 1, i: number): Promise<void>
  linkUp(lan: 0 | 1, i: number): Promise<void>
  /** Kills processes spawned in any of its namespaces, deletes them; idempotent. */
  destroy(): Promise<void>
}
export interface RoutedLansOptions { hostsPerLan: [number, number], prefix?: string, subnet?: number, t?: Test }

/**
 * Two LANs (each a bridge, hosts as in createLan) joined by a router that
 * forwards unicast only: nothing in it routes multicast (no mroute daemon, no
 * MRT socket), so mDNS stays inside its sub-net, as in an office with one
 * sub-net per floor. Peers must then find each other some other way.
 */
export async function createRoutedLans (opts: RoutedLansOptions): Promise<RoutedLans> {
  opts.hostsPerLan.forEach((n, l) => checkHosts(n, `hostsPerLan[${l}]`))
  const subnet = opts.subnet ?? 1 + Math.floor(Math.random() * 254)
  const tag = nextTag(opts.prefix)
  const nets = [78, 79].map(n => `10.${n}.${subnet}`)
  const brNs = [`${tag}-l0br`, `${tag}-l1br`] as const
  const lans = opts.hostsPerLan.map((n, l) => Array.from({ length: n }, (_, i): Host =>
    ({ ns: `${tag}-l${l}h${i}`, address: `${nets[l]}.${i + 1}` }))) as [Host[], Host[]]
  const addresses: [string, string] = [`${nets[0]}.254`, `${nets[1]}.254`]
  const router: Router = { ns: `${tag}-rt`, address: addresses[0], addresses }
  let destroyed: Promise<void> | undefined
  const destroy = (): Promise<void> => (destroyed ??= (async () => {
    for (const ns of [...lans.flat().map(h => h.ns), ...brNs, router.ns]) await delNs(ns)
  })())
  if (opts.t) cleanup(opts.t, destroy)
  try {
    await Promise.all([router.ns, ...brNs, ...lans.flat().map(h => h.ns)].map(addNs))
    // ip_forward is per namespace: set in the router's only. (New namespaces copy
    // the machine's value; harmless in hosts with one interface.)
    await ip('netns', 'exec', router.ns, 'sysctl', '-qw', 'net.ipv4.ip_forward=1')
    await Promise.all(lans.map(async (hosts, l) => {
      const br = brNs[l as 0 | 1]
      await addBridge(br)
      await plug(br, 'vr', router.ns, `${addresses[l]}/24`, `eth${l}`)
      await Promise.all(hosts.map(async (h, i) => {
        await plugHost(br, i, h)
        await ip('-n', h.ns, 'route', 'add', 'default', 'via', addresses[l] ?? '', 'dev', 'eth0')
      }))
    }))
  } catch (e) { await destroy(); throw e }
  return {
    lans,
    subnet,
    router,
    destroy,
    async linkDown (lan, i) { pick(lans[lan], i); await portDown(brNs[lan], i) },
    async linkUp (lan, i) { await portUp(brNs[lan], i, pick(lans[lan], i)) }
  }
}
