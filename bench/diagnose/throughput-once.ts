// Scenario 2 once, for profiling (BENCH_CPU_PROF=DIR profiles every process):
//   BENCH_CPU_PROF=/tmp/prof node --import tsx bench/diagnose/throughput-once.ts [raw|hallway] [n] [receivers]
import { throughput, THROUGHPUT_DEFAULTS } from '../scenarios/throughput.ts'

const kind = process.argv[2] === 'raw' ? 'raw' : 'hallway'
const r = await throughput(kind, { ...THROUGHPUT_DEFAULTS, n: Number(process.argv[3] ?? 20_000), receivers: Number(process.argv[4] ?? 10) })
console.log(JSON.stringify({ ...r, latency: undefined }))
