// One row per figure, printed as a table and written as JSON.

export interface Row {
  scenario: string
  metric: string
  hallway: number | null
  floor: number | null
  // hallway / floor, where the two measure the same thing
  ratio: number | null
  target: string
  // null: no target for this row, or not measured
  pass: boolean | null
  n?: number
  note?: string
}

function fmt (x: number | null, digits = 1): string {
  if (x === null || Number.isNaN(x)) return '-'
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US')
  return x.toFixed(Math.abs(x) < 10 ? digits + 1 : digits)
}

export function renderTable (rows: Row[]): string {
  const head = ['scenario', 'metric', 'hallway', 'floor', 'ratio', 'target', 'result', 'N']
  const body = rows.map(r => [
    r.scenario,
    r.metric,
    fmt(r.hallway),
    fmt(r.floor),
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`,
    r.target,
    r.pass === null ? '' : r.pass ? 'ok' : 'MISSED',
    r.n === undefined ? '' : String(r.n)
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()
  const out = [line(head), widths.map(w => '-'.repeat(w)).join('  ')]
  let last = ''
  for (const [i, b] of body.entries()) {
    if (rows[i]!.scenario !== last && i > 0) out.push('')
    last = rows[i]!.scenario
    out.push(line(b))
  }
  const notes = rows.filter(r => r.note).map(r => `  * ${r.scenario} / ${r.metric}: ${r.note}`)
  return out.join('\n') + (notes.length ? '\n\nnotes:\n' + notes.join('\n') : '') + '\n'
}

export function ratio (hallway: number | null, floor: number | null): number | null {
  return hallway === null || floor === null || floor === 0 ? null : hallway / floor
}
