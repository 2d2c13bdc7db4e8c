// Why hallway's latency under load is further from its floor than idle:
// scenario 1 run alternately as shipped, with read.json writes off
// (--no-marker-save: every sent message rewrites and fsyncs read.json), and
// the raw floor, `rounds` times each; medians of each run's p50 and p99.
//
//   node --import tsx bench/diagnose/latency-whatif.ts [rounds] [probes]
import { latency, LATENCY_DEFAULTS } from '../scenarios/latency.ts'
import { median } from '../lib/stats.ts'

const rounds = Number(process.argv[2] ?? 3)
const o = { ...LATENCY_DEFAULTS, probes: Number(process.argv[3] ?? 200) }
const variants: Array<[string, 'raw' | 'hallway', string[]]> = [
  ['hallway as shipped', 'hallway', []],
  ['hallway --no-marker-save', 'hallway', ['--no-marker-save']],
  ['raw floor', 'raw', []]
]
const results = new Map<string, Array<{ idle: [number, number], load: [number, number] }>>()
for (let r = 0; r < rounds; r++) {
  for (const [label, kind, args] of variants) {
    const x = await latency(kind, o, args)
    const list = results.get(label) ?? []
    list.push({ idle: [x.idle.p50, x.idle.p99], load: [x.load.p50, x.load.p99] })
    results.set(label, list)
  }
}
for (const [label, list] of results) {
  const m = (f: (x: { idle: [number, number], load: [number, number] }) => number): string => median(list.map(f)).toFixed(1)
  console.log(`${label.padEnd(26)} idle p50 ${m(x => x.idle[0])} p99 ${m(x => x.idle[1])}; load p50 ${m(x => x.load[0])} p99 ${m(x => x.load[1])} ms (medians of ${list.length} runs, ${o.probes} probes each)`)
}
