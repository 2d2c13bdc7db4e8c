// npm run bench [-- --only 1,3] [--quick] [--out FILE]
//
// Runs issue 6's scenarios, each in processes of its own inside network
// namespaces this script creates (never the machine's own network), each
// beside its floor (raw Corestore/Hypercore doing the same work in the same
// kind of processes), prints one table and writes the same rows as JSON.
// docs/PERFORMANCE.md explains every scenario and the last figures.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createLoopbackNs, netnsAvailable } from '../test/helpers/netns.ts'
import { benchRoot, Scope } from './lib/scope.ts'
import { freeGb, machine } from './lib/machine.ts'
import { ROOT } from './lib/peers.ts'
import { ratio, renderTable, type Row } from './lib/table.ts'
import type { Latency } from './lib/stats.ts'
import { latency, LATENCY_DEFAULTS } from './scenarios/latency.ts'
import { throughput, THROUGHPUT_DEFAULTS } from './scenarios/throughput.ts'
import { buildHistory, join } from './scenarios/join.ts'
import { discovery, DISCOVERY_DEFAULTS } from './scenarios/discovery.ts'
import { coldStart, idleRss, MEMORY_DEFAULTS, relayRss } from './scenarios/memory.ts'
import type { HistoryManifest } from './workers/build-history.ts'

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' }
  }
})
const only = new Set((values.only ?? '1,2,3,4,5').split(',').map(s => s.trim()))
const quick = values.quick!
const rows: Row[] = []
const timings: Record<string, { seconds: number, loadavgAfter: number[] }> = {}

function latencyRows (label: string, h: Latency, f: Latency): void {
  const r50 = ratio(h.p50, f.p50)
  const r99 = ratio(h.p99, f.p99)
  rows.push({ scenario: label, metric: 'p50 ms', hallway: h.p50, floor: f.p50, ratio: r50, target: '≤ 5, ≤ 1.5x', pass: h.p50 <= 5 && r50! <= 1.5, n: h.n })
  rows.push({ scenario: label, metric: 'p99 ms', hallway: h.p99, floor: f.p99, ratio: r99, target: '≤ 25, ≤ 1.5x', pass: h.p99 <= 25 && r99! <= 1.5, n: h.n })
  rows.push({ scenario: label, metric: 'max ms', hallway: h.max, floor: f.max, ratio: ratio(h.max, f.max), target: '', pass: null, n: h.n })
}

async function timed (name: string, fn: () => Promise<void>): Promise<void> {
  const t0 = Date.now()
  process.stderr.write(`bench: ${name}...\n`)
  try {
    await fn()
  } catch (err) {
    process.stderr.write(`bench: ${name} failed: ${String((err as Error)?.stack ?? err)}\n`)
    rows.push({ scenario: name, metric: 'failed', hallway: null, floor: null, ratio: null, target: '', pass: false, note: String((err as Error)?.message ?? err).split('\n')[0]! })
  }
  timings[name] = { seconds: (Date.now() - t0) / 1000, loadavgAfter: machine().loadavg }
  process.stderr.write(`bench: ${name} done in ${timings[name].seconds.toFixed(1)} s\n`)
}

async function main (): Promise<number> {
  const avail = await netnsAvailable()
  if (!avail.ok) {
    process.stderr.write(`bench: needs network namespaces (root on Linux): ${avail.reason}\n`)
    return 1
  }
  const free = freeGb(path.dirname(benchRoot()))
  if (free < 3) {
    process.stderr.write(`bench: only ${free.toFixed(1)} GB free under ${path.dirname(benchRoot())}; every Corestore preallocates ~75 MB and scenario 2 opens 11: free 3 GB first\n`)
    return 1
  }
  const before = machine()
  const started = Date.now()

  if (only.has('1')) {
    await timed('1 latency', async () => {
      const o = quick ? { ...LATENCY_DEFAULTS, probes: 100 } : LATENCY_DEFAULTS
      const f = await latency('raw', o)
      const h = await latency('hallway', o)
      latencyRows('1 latency, idle', h.idle, f.idle)
      latencyRows(`1 latency, ${o.loadRate} msg/s load`, h.load, f.load)
    })
  }

  if (only.has('2')) {
    await timed('2 throughput', async () => {
      const o = quick ? { ...THROUGHPUT_DEFAULTS, n: 5000 } : THROUGHPUT_DEFAULTS
      // A script writing lines to headless mode sends one message at a time
      // (each line answered before the next is read): its floor is raw
      // Hypercore with one append in flight, one message per block.
      const one = { ...o, n: quick ? 500 : 2000, window: 1 }
      const f = await throughput('raw', o)
      const h = await throughput('hallway', o)
      const f1 = await throughput('raw', one)
      const hl = await throughput('hallway', { ...one, sender: 'headless' })
      const label = `2 throughput 1 -> ${o.receivers}`
      const cases = [[`msg/s (Messenger, ${o.window} in flight)`, h, f], ['msg/s (headless stdin; floor: 1 in flight)', hl, f1]] as const
      for (const [metric, r, floor] of cases) {
        const complete = r.delivered === r.n && r.allInOrder && r.duplicates === 0
        rows.push({
          scenario: label,
          metric,
          hallway: complete ? r.msgPerSec : null,
          floor: floor.msgPerSec,
          ratio: complete ? ratio(r.msgPerSec, floor.msgPerSec) : null,
          target: '≥ 5,000, all, in order',
          pass: complete && r.msgPerSec >= 5000,
          n: r.n,
          ...(complete ? {} : { note: `a receiver showed only ${r.delivered} of ${r.n} within ${o.timeoutMs / 1000} s (never shown: ${r.missing.join(', ') || 'none'}; in order: ${r.allInOrder}, duplicates: ${r.duplicates})` })
        })
      }
    })
  }

  let history: HistoryManifest | null = null
  const fixture = new Scope()
  const needHistory = async (): Promise<HistoryManifest> => {
    if (history) return history
    const host = await createLoopbackNs({ prefix: 'hwb' })
    fixture.defer(() => host.destroy())
    history = await buildHistory(fixture, host, 10, quick ? 2000 : 10_000)
    return history
  }

  try {
    if (only.has('3')) {
      await timed('3 join', async () => {
        const hist = await needHistory()
        const f = await join('raw', hist)
        const h = await join('hallway', hist)
        const label = `3 join ${hist.messages / 1000}k msgs, 10 writers (from a ${h.source})`
        rows.push({ scenario: label, metric: 'newest 20 shown, ms', hallway: h.tailMs, floor: f.tailMs, ratio: ratio(h.tailMs, f.tailMs), target: '≤ 300', pass: h.tailMs <= 300 && h.tailInOrder, ...(h.tailInOrder ? {} : { note: 'the newest 20 were not shown in order' }) })
        rows.push({ scenario: label, metric: 'whole history local, s', hallway: h.fullMs / 1000, floor: f.fullMs / 1000, ratio: ratio(h.fullMs, f.fullMs), target: '', pass: null })
        rows.push({ scenario: label, metric: 'replication, blocks/s', hallway: h.blocksPerSec, floor: f.blocksPerSec, ratio: ratio(h.blocksPerSec, f.blocksPerSec), target: '≥ 0.8x', pass: h.blocksPerSec >= 0.8 * f.blocksPerSec, n: h.blocks })
      })
    }

    if (only.has('4')) {
      await timed('4 discovery', async () => {
        const o = quick ? { starts: 4, kills: 2, hostLosses: 2 } : DISCOVERY_DEFAULTS
        const f = await discovery('raw', o)
        const h = await discovery('hallway', o)
        const label = '4 discovery (mDNS, bridged LAN)'
        rows.push({ scenario: label, metric: 'start to peer online p50, ms', hallway: h.startToOnline.p50, floor: f.startToOnline.p50, ratio: ratio(h.startToOnline.p50, f.startToOnline.p50), target: '≤ 1,200', pass: h.startToOnline.p50 <= 1200, n: h.startToOnline.n })
        rows.push({ scenario: label, metric: 'start to peer online max, ms', hallway: h.startToOnline.max, floor: f.startToOnline.max, ratio: ratio(h.startToOnline.max, f.startToOnline.max), target: '', pass: null, n: h.startToOnline.n })
        rows.push({ scenario: label, metric: '  of which start to ready p50', hallway: h.startToReady.p50, floor: f.startToReady.p50, ratio: ratio(h.startToReady.p50, f.startToReady.p50), target: '', pass: null })
        rows.push({ scenario: label, metric: '  of which ready to online p50', hallway: h.readyToOnline.p50, floor: f.readyToOnline.p50, ratio: ratio(h.readyToOnline.p50, f.readyToOnline.p50), target: '', pass: null })
        rows.push({ scenario: label, metric: 'clean quit seen, max ms', hallway: h.cleanQuitSeen.max, floor: f.cleanQuitSeen.max, ratio: null, target: '≤ 1,000', pass: h.cleanQuitSeen.max <= 1000, n: h.cleanQuitSeen.n })
        rows.push({ scenario: label, metric: 'kill -9 seen, max ms', hallway: h.killSeen.max, floor: f.killSeen.max, ratio: null, target: '≤ 15,000', pass: h.killSeen.max <= 15000, n: h.killSeen.n })
        rows.push({ scenario: label, metric: 'host lost seen, max ms', hallway: h.hostLossSeen.max, floor: f.hostLossSeen.max, ratio: null, target: '≤ 15,000', pass: h.hostLossSeen.max <= 15000, n: h.hostLossSeen.n, note: 'both sides use a 10 s stream timeout (lib/net/transport.ts TIMEOUT_MS); the floor uses the same' })
      })
    }

    if (only.has('5')) {
      await timed('5 memory and start-up', async () => {
        const o = MEMORY_DEFAULTS
        const f = await idleRss('raw', o)
        const h = await idleRss('hallway', o)
        rows.push({ scenario: '5 memory', metric: `idle RSS in ${o.chats} chats, MB`, hallway: h.rssMb, floor: f.rssMb, ratio: ratio(h.rssMb, f.rssMb), target: '≤ 120', pass: h.rssMb <= 120 })
        const peers = quick ? 200 : 1000
        const rf = await relayRss('raw', peers)
        const rh = await relayRss('hallway', peers)
        rows.push({ scenario: '5 memory', metric: `relay RSS per 1,000 peers, MB (${peers} connected)`, hallway: rh.perThousandMb, floor: rf.perThousandMb, ratio: ratio(rh.perThousandMb, rf.perThousandMb), target: '≤ 80', pass: rh.perThousandMb <= 80 && rh.dropped === 0, n: peers, note: `RSS with ${peers} peers minus RSS with none: relay ${rh.idleMb.toFixed(0)} -> ${rh.connectedMb.toFixed(0)} MB, floor ${rf.idleMb.toFixed(0)} -> ${rf.connectedMb.toFixed(0)} MB; peers dropped: ${rh.dropped}` })
        const hist = await needHistory()
        const bare = await coldStart('node', hist)
        const cf = await coldStart('raw', hist)
        const ch = await coldStart('hallway', hist)
        rows.push({ scenario: '5 start-up', metric: `cold start to ready, ${hist.messages / 1000}k msgs, p50 ms`, hallway: ch.startToReady.p50, floor: cf.startToReady.p50, ratio: ratio(ch.startToReady.p50, cf.startToReady.p50), target: '≤ 1,000', pass: ch.startToReady.p50 <= 1000, n: ch.startToReady.n, note: `node --import tsx with an empty script takes ${bare.startToReady.p50.toFixed(0)} ms (p50) of that, and ${bare.rssMbAtReady.toFixed(0)} MB` })
        rows.push({ scenario: '5 start-up', metric: 'cold start to ready, max ms', hallway: ch.startToReady.max, floor: cf.startToReady.max, ratio: ratio(ch.startToReady.max, cf.startToReady.max), target: '', pass: null, n: ch.startToReady.n })
        rows.push({ scenario: '5 start-up', metric: 'RSS at ready, MB', hallway: ch.rssMbAtReady, floor: cf.rssMbAtReady, ratio: ratio(ch.rssMbAtReady, cf.rssMbAtReady), target: '', pass: null })
      })
    }
  } finally {
    await fixture.close()
  }

  const after = machine()
  const seconds = (Date.now() - started) / 1000
  const header = `hallway bench, ${before.date}: ${before.nproc} x ${before.cpu}, ${before.memGb} GB, node ${before.node}; load average ${before.loadavg.join(' ')} before, ${after.loadavg.join(' ')} after; ${seconds.toFixed(0)} s${quick ? ' (--quick: smaller N)' : ''}\n\n`
  process.stdout.write(header + renderTable(rows))
  const out = path.resolve(values.out ?? path.join(ROOT, 'bench/results', `bench-results-${before.date.replace(/[:.]/g, '-')}.json`))
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, JSON.stringify({ machine: before, loadavgAfter: after.loadavg, seconds, quick, timings, rows }, null, 2) + '\n')
  process.stdout.write(`\nfigures written to ${path.relative(process.cwd(), out)}\n`)
  return rows.some(r => r.metric === 'failed') ? 1 : 0
}

main().then(code => process.exit(code), err => {
  process.stderr.write(`bench: ${String((err as Error)?.stack ?? err)}\n`)
  process.exit(70)
})
