// How many terminal cells text takes. Layout (wrapping, padding, cutting)
// uses these functions, and blessed is patched to use them too
// (blessed-widths.ts), so what the UI lays out is what the terminal draws.
import { WIDE_RANGES, ZERO_WIDTH_RANGES, type CodePointRange } from './unicode-widths.ts'

function inRanges (cp: number, ranges: readonly CodePointRange[]): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = ranges[mid]!
    if (cp < a) hi = mid - 1
    else if (cp > b) lo = mid + 1
    else return true
  }
  return false
}

export function isZeroWidth (cp: number): boolean {
  return inRanges(cp, ZERO_WIDTH_RANGES)
}

export function isWide (cp: number): boolean {
  return cp >= 0x1100 && inRanges(cp, WIDE_RANGES)
}

// Control characters count as 0: the UI never draws them (neutralize.ts).
export function codePointWidth (cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (cp < 0x300) return 1
  if (isZeroWidth(cp)) return 0
  return isWide(cp) ? 2 : 1
}

export function textWidth (text: string): number {
  let width = 0
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!)
  return width
}

// Splits text into cells: each entry is one base character with the
// zero-width characters that follow it, and its width (1 or 2).
export function toCells (text: string): Array<{ text: string, width: number }> {
  const cells: Array<{ text: string, width: number }> = []
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0)!)
    const last = cells[cells.length - 1]
    if (w === 0) {
      if (last) last.text += ch
      continue
    }
    cells.push({ text: ch, width: w })
  }
  return cells
}

// The longest start of `text` that fits in `width` cells (a wide character
// that would straddle the edge is left out).
export function sliceToWidth (text: string, width: number): string {
  let out = ''
  let used = 0
  for (const cell of toCells(text)) {
    if (used + cell.width > width) break
    out += cell.text
    used += cell.width
  }
  return out
}

// Cut to `width` cells, with an ellipsis when something was cut.
export function truncate (text: string, width: number): string {
  if (width <= 0) return ''
  if (textWidth(text) <= width) return text
  return sliceToWidth(text, width - 1) + '…'
}

export function padEnd (text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)))
}

export function padStart (text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text
}
