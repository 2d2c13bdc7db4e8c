// blessed 0.1.81 measures text with a Unicode 5 table: it counts emoji as
// one cell while terminals draw two, and the rest of the line then lands one
// cell off ("garbage" on the screen). This points blessed's width functions
// at text-width.ts, so blessed, the UI's layout and the terminal agree. Once
// per process, before the first screen.
import unicode from 'blessed/lib/unicode.js'
import { codePointWidth } from './text-width.ts'
import { WIDE_RANGES, ZERO_WIDTH_RANGES } from './unicode-widths.ts'

let aligned = false

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`

export function alignBlessedWidths (): void {
  if (aligned) return
  aligned = true
  unicode.charWidth = (str, i) => {
    const cp = typeof str === 'number' ? str : str.codePointAt(i ?? 0) ?? 0
    return cp === 0x09 ? 8 : codePointWidth(cp)
  }
  // Combining characters join the cell before them.
  const combining: Record<number, boolean> = {}
  for (const [a, b] of ZERO_WIDTH_RANGES) for (let cp = a; cp <= b; cp++) combining[cp] = true
  unicode.combining = combining
  // blessed puts a filler cell after every character this matches.
  unicode.chars.all = new RegExp(`([${WIDE_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}])`, 'gu')
}
