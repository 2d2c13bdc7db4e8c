// A line on screen as styled spans, laid out in terminal cells. Render
// functions build spans from plain (neutralized) text; only toTags() turns
// them into blessed's tag syntax, escaping the text, so no text can ever
// become a tag.
import { escapeTags } from './neutralize.ts'
import { padEnd, sliceToWidth, textWidth, toCells, truncate } from './text-width.ts'

export type Color =
  | 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray'
  | 'light-red' | 'light-green' | 'light-yellow' | 'light-blue' | 'light-magenta' | 'light-cyan' | 'light-white'

export interface Style {
  fg?: Color
  bg?: Color
  bold?: boolean
  underline?: boolean
  inverse?: boolean
}

export interface Span { text: string, style?: Style }
export type StyledLine = Span[]

export function span (text: string, style?: Style): Span {
  return style ? { text, style } : { text }
}

export function plainText (line: StyledLine): string {
  return line.map(s => s.text).join('')
}

export function lineWidth (line: StyledLine): number {
  return line.reduce((w, s) => w + textWidth(s.text), 0)
}

function sameStyle (a: Style | undefined, b: Style | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.underline === b.underline && a.inverse === b.inverse
}

function styleTags (s: Style): string {
  let open = ''
  if (s.bold) open += '{bold}'
  if (s.underline) open += '{underline}'
  if (s.inverse) open += '{inverse}'
  if (s.fg) open += `{${s.fg}-fg}`
  if (s.bg) open += `{${s.bg}-bg}`
  return open
}

export function toTags (line: StyledLine): string {
  let out = ''
  for (const s of line) {
    if (s.text === '') continue
    const open = s.style ? styleTags(s.style) : ''
    out += open === '' ? escapeTags(s.text) : `${open}${escapeTags(s.text)}{/}`
  }
  return out
}

// Cut a line to `width` cells (an ellipsis shows the cut), optionally padded
// with spaces in `fill` style so that a background colour spans the width.
export function fitLine (line: StyledLine, width: number, fill?: Style): StyledLine {
  if (width <= 0) return []
  let out: StyledLine = []
  if (lineWidth(line) <= width) {
    out = [...line]
  } else {
    let used = 0
    for (const s of line) {
      const w = textWidth(s.text)
      if (used + w <= width - 1) {
        out.push(s)
        used += w
        continue
      }
      out.push({ ...s, text: sliceToWidth(s.text, width - 1 - used) + '…' })
      break
    }
  }
  const used = lineWidth(out)
  if (fill !== undefined && used < width) out.push(span(' '.repeat(width - used), fill))
  return merge(out)
}

function merge (line: StyledLine): StyledLine {
  const out: StyledLine = []
  for (const s of line) {
    if (s.text === '') continue
    const last = out[out.length - 1]
    if (last && sameStyle(last.style, s.style)) out[out.length - 1] = { ...last, text: last.text + s.text }
    else out.push(s)
  }
  return out
}

interface Cell { text: string, width: number, style: Style | undefined }

// Word-wraps spans to lines of at most `width` cells; lines after the first
// start with `indent` spaces (a hanging indent under the message text). A
// word longer than a line is broken between characters; `\n` breaks a line.
export function wrapLine (line: StyledLine, width: number, indent = 0): StyledLine[] {
  const ind = Math.min(indent, Math.max(0, width - 1))
  const lines: Cell[][] = []
  let cur: Cell[] = []
  let used = 0
  let lastSpace = -1
  let soft = false // the current line continues a wrapped one
  const newLine = (wrapped: boolean): void => {
    lines.push(cur)
    cur = []
    used = ind
    lastSpace = -1
    soft = wrapped
  }
  for (const s of line) {
    const parts = s.text.split('\n')
    parts.forEach((part, pi) => {
      if (pi > 0) newLine(false)
      for (const c of toCells(part)) {
        const cell: Cell = { text: c.text, width: c.width, style: s.style }
        const space = c.text === ' '
        if (used + cell.width > width) {
          if (space) {
            newLine(true)
            continue
          }
          const carried = lastSpace >= 0 ? cur.slice(lastSpace + 1) : []
          const carriedWidth = carried.reduce((w, k) => w + k.width, 0)
          if (lastSpace >= 0 && ind + carriedWidth + cell.width <= width) {
            // Move the word begun on this line to the next one.
            cur = cur.slice(0, lastSpace)
            newLine(true)
            for (const k of carried) {
              cur.push(k)
              used += k.width
            }
          } else if (cur.length > 0) {
            newLine(true)
          }
        }
        if (space && cur.length === 0 && soft) continue // no leading space on a wrapped line
        if (space) lastSpace = cur.length
        cur.push(cell)
        used += cell.width
      }
    })
  }
  lines.push(cur)
  return lines.map((cells, i) => {
    const out: StyledLine = i > 0 && ind > 0 ? [span(' '.repeat(ind))] : []
    for (const c of cells) out.push(c.style ? { text: c.text, style: c.style } : { text: c.text })
    return merge(out)
  })
}

// A fixed-width column: text cut or padded to exactly `width` cells.
export function column (text: string, width: number, style?: Style): Span {
  return span(padEnd(truncate(text, width), width), style)
}
