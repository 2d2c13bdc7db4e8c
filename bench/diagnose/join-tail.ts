// Why is the newest screenful slow to show when joining a big chat?
// Runs scenario 3's hallway join N times as shipped, and N times with the
// joiner's background fetch of whole feeds turned off (--no-fetch), on the
// same history. Set BENCH_CPU_PROF=DIR to profile every process.
//
//   node --import tsx bench/diagnose/join-tail.ts [runs]
import { createLoopbackNs } from '../../test/helpers/netns.ts'
import { buildHistory, join } from '../scenarios/join.ts'
import { Scope } from '../lib/scope.ts'
import { median } from '../lib/stats.ts'

const runs = Number(process.argv[2] ?? 3)
const scope = new Scope()
try {
  const host = await createLoopbackNs({ prefix: 'hwb' })
  scope.defer(() => host.destroy())
  const history = await buildHistory(scope, host)
  for (const [label, args] of [['as shipped', []], ['--no-fetch', ['--no-fetch']]] as const) {
    const tails: number[] = []
    for (let i = 0; i < runs; i++) tails.push((await join('hallway', history, 'relay', [...args])).tailMs)
    console.log(`${label}: newest 20 shown after ${tails.map(x => x.toFixed(0)).join(', ')} ms (median ${median(tails).toFixed(0)})`)
  }
  for (let i = 0; i < runs; i++) console.log(`floor: ${(await join('raw', history)).tailMs.toFixed(0)} ms`)
} finally {
  await scope.close()
}
