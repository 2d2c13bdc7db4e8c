// Summarises a .cpuprofile (node --cpu-prof; the bench writes them with
// BENCH_CPU_PROF=DIR): self time by function, and inclusive time of
// hallway's own functions, optionally only between two CLOCK_MONOTONIC
// stamps (ns, as the bench workers print them: V8 profiles use that clock).
//
//   node --import tsx bench/diagnose/profile.ts FILE [FROM_NS TO_NS] [TOP]
import fs from 'node:fs'

interface Node { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: Node[], startTime: number, samples: number[], timeDeltas: number[] }

const [file, fromText, toText, topText] = process.argv.slice(2)
const p = JSON.parse(fs.readFileSync(file!, 'utf8')) as Profile
const from = fromText ? Number(BigInt(fromText) / 1000n) : -Infinity
const to = toText ? Number(BigInt(toText) / 1000n) : Infinity
const top = Number(topText ?? 25)
const byId = new Map(p.nodes.map(n => [n.id, n]))
const parent = new Map<number, number>()
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const name = (n: Node): string => {
  const url = n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '').replace(/^file:\/\//, '')
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`
}
const self = new Map<string, number>()
const incl = new Map<string, number>()
let t = p.startTime
let total = 0
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i] ?? 0
  if (t < from || t > to) continue
  const dt = p.timeDeltas[i + 1] ?? 0
  total += dt
  const leaf = byId.get(p.samples[i]!)!
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt)
  const seen = new Set<string>()
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const k = name(byId.get(id)!)
    if (seen.has(k)) continue
    seen.add(k)
    incl.set(k, (incl.get(k) ?? 0) + dt)
  }
}
const ms = (us: number): string => (us / 1000).toFixed(0).padStart(7)
console.log(`${ms(total)} ms sampled${Number.isFinite(from) ? ' in the window' : ''}`)
console.log('--- self time')
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(ms(v), k)
console.log('--- inclusive, hallway code (lib/, bin/)')
for (const [k, v] of [...incl].filter(([k]) => / (lib|bin)\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(ms(v), k)
