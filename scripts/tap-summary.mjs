#!/usr/bin/env node
// Passes TAP from stdin through unchanged and ends with exactly one line,
// `N passed, N failed`, which CI reads. Counts come from tape's footers
// (`# pass N`, `# fail N`), summed over concatenated runs; `ok`/`not ok` lines
// are the fallback. A stream that cannot be trusted also fails, and each such
// problem is counted as one failed test so the line never says "0 failed"
// while the exit code says otherwise: no tests at all (tape exits 0 when a
// glob matches nothing), a run without its `# ok` / `# fail N` footer
// (crashed or truncated), a plan that does not match, `Bail out!`.
// scripts/test.sh may frame each run with `# file: PATH` before it and
// `# exit: PATH CODE` after it; a non-zero exit after a clean footer fails too.
import process from 'node:process'
import readline from 'node:readline'

const runs = []
const problems = []
let run
let file = null

function startRun () {
  run = { name: file ?? `run ${runs.length + 1}`, plan: null, ok: 0, notOk: 0, footer: false, pass: null, fail: null, done: false }
  runs.push(run)
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  process.stdout.write(line + '\n')
  let m
  if ((m = /^# file: (.+)$/.exec(line))) { file = m[1]; run = undefined; return }
  if ((m = /^# exit: (.+) (\d+)$/.exec(line))) return exited(m[1], Number(m[2]))
  if (/^TAP version \d+/.test(line)) return startRun()
  if (/^Bail out!/.test(line)) return problems.push(`${run?.name ?? file ?? 'the stream'} bailed out`)
  if (!run || run.done) {
    if (!/^((not )?ok\b|1\.\.\d)/.test(line)) return // noise outside a run
    startRun() // a run that printed no `TAP version` header
  }
  if ((m = /^(not )?ok\b(.*)$/.exec(line))) {
    // `not ok ... # TODO` is an expected failure, not a failure.
    if (m[1] && !/#\s*TODO\b/i.test(m[2])) run.notOk++
    else run.ok++
  } else if ((m = /^1\.\.(\d+)/.exec(line))) {
    run.plan = Number(m[1])
  } else if (/^# tests \d+/.test(line)) {
    run.footer = true // before the footer, `# pass 3` could be a test's own comment
  } else if (run.footer && (m = /^# (pass|fail)\s+(\d+)/.exec(line))) {
    run[m[1]] = Number(m[2])
    if (m[1] === 'fail') run.done = true
  } else if (run.footer && /^# ok\s*$/.test(line)) {
    run.done = true
  }
})

function exited (name, code) {
  const own = runs.filter(r => r.name === name)
  if (own.length === 0) problems.push(`${name} printed no TAP (exit code ${code})`)
  else if (code !== 0 && own.every(r => r.done && !r.fail && !r.notOk)) problems.push(`${name} exited with code ${code} after its tests passed`)
  file = null
  run = undefined
}

rl.on('close', () => {
  let passed = 0
  let failed = 0
  for (const r of runs) {
    if (!r.done) problems.push(`${r.name} has no closing "# ok" or "# fail N": it crashed or was truncated`)
    if (r.plan !== null && r.plan !== r.ok + r.notOk) problems.push(`${r.name} planned ${r.plan} assertions but reported ${r.ok + r.notOk}`)
    passed += r.pass ?? r.ok
    failed += Math.max(r.fail ?? 0, r.notOk)
  }
  if (passed + failed === 0) problems.push('no tests ran')
  for (const p of problems) process.stdout.write(`# tap-summary: ${p}\n`)
  failed += problems.length
  process.stdout.write(`${passed} passed, ${failed} failed\n`)
  process.exitCode = failed > 0 ? 1 : 0
})

process.stdout.on('error', (err) => { if (err.code !== 'EPIPE') throw err })
