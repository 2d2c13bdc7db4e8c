// Scenario 1 once, for profiling (BENCH_CPU_PROF=DIR profiles every
// process; each bench peer writes its profile when the scenario ends):
//   BENCH_CPU_PROF=/tmp/prof node --import tsx bench/diagnose/latency-once.ts [raw|hallway] [probes] [peer flags...]
// Peer flags (hallway only, diagnosis): --no-marker-save, --no-fetch.
import { latency, LATENCY_DEFAULTS } from '../scenarios/latency.ts'

const kind = process.argv[2] === 'raw' ? 'raw' : 'hallway'
const r = await latency(kind, { ...LATENCY_DEFAULTS, probes: Number(process.argv[3] ?? 300) }, process.argv.slice(4))
console.log(JSON.stringify(r))
