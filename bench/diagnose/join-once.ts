// One hallway join of scenario 3 (from the relay), for profiling:
//   BENCH_CPU_PROF=DIR node --import tsx bench/diagnose/join-once.ts [--no-fetch]
// Prints the joiner's connection and tail stamps (ns) to cut its profile with profile.ts.
import { createLoopbackNs } from '../../test/helpers/netns.ts'
import { buildHistory, join } from '../scenarios/join.ts'
import { Scope } from '../lib/scope.ts'

const scope = new Scope()
try {
  const host = await createLoopbackNs({ prefix: 'hwb' })
  scope.defer(() => host.destroy())
  const history = await buildHistory(scope, host)
  const r = await join('hallway', history, 'relay', process.argv.slice(2))
  console.log(JSON.stringify(r))
} finally {
  await scope.close()
}
