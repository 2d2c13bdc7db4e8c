// A chat's timeline laid out as the lines of the message pane at a given
// width: time, name column, text with a hanging indent, plus day separators
// and the "new messages" marker. Scrolling and rendering both work on these
// lines; each one says which item it belongs to, so a scroll position
// survives new messages and resizes.
import { dayKey, dayLabel, timeOfDay } from './clock-format.ts'
import { nameColor } from './name-color.ts'
import { span, wrapLine, type StyledLine } from './styled-text.ts'
import { padStart, textWidth, truncate } from './text-width.ts'
import type { TimelineItem } from './timeline.ts'

export interface PaneLine {
  // the item the line belongs to; separators belong to the item below them
  id: string
  // line within the item; DAY_LINE and MARKER_LINE for separators
  sub: number
  line: StyledLine
}

export const DAY_LINE = -2
export const MARKER_LINE = -1
export const MARKER_TEXT = 'new messages'

export interface MessageLinesOptions {
  width: number
  now: number
  // id of the first unread item: the marker goes above it
  marker: string | null
}

const TIME_WIDTH = 5

export function nameColumnWidth (items: readonly TimelineItem[], width: number): number {
  let longest = 3
  for (const item of items) if (item.kind === 'message') longest = Math.max(longest, textWidth(item.from))
  return Math.max(3, Math.min(longest, 12, Math.floor(width / 5)))
}

function separator (label: string, width: number, style: 'day' | 'marker'): StyledLine {
  const text = ` ${label} `
  const side = Math.max(0, width - textWidth(text))
  const left = Math.floor(side / 2)
  const color = style === 'marker' ? 'light-red' : 'gray'
  return [span('─'.repeat(left) + text + '─'.repeat(side - left), { fg: color })]
}

function itemLines (item: TimelineItem, width: number, nameWidth: number): StyledLine[] {
  const indent = TIME_WIDTH + 1 + nameWidth + 1
  const head = [span(timeOfDay(item.ts), { fg: 'gray' }), span(' ')]
  if (item.kind === 'message') {
    const name = padStart(truncate(item.from, nameWidth), nameWidth)
    const line: StyledLine = [
      ...head,
      span(name, { fg: nameColor(item.fromId), bold: item.own }),
      span(' '),
      item.mention ? span(item.text, { fg: 'light-yellow', bold: true }) : span(item.text)
    ]
    return wrapLine(line, width, indent)
  }
  const style = item.kind === 'system' ? { fg: 'gray' as const } : { fg: 'light-cyan' as const }
  const line: StyledLine = [...head, span(padStart(item.arrow, nameWidth), style), span(' '), span(item.text, item.kind === 'system' ? style : undefined)]
  return wrapLine(line, width, indent)
}

const cache = new WeakMap<readonly TimelineItem[], Map<string, PaneLine[]>>()

export function messageLines (items: readonly TimelineItem[], opts: MessageLinesOptions): PaneLine[] {
  const key = `${opts.width}|${opts.marker ?? ''}|${dayKey(opts.now)}`
  let byKey = cache.get(items)
  const hit = byKey?.get(key)
  if (hit) return hit
  const width = Math.max(1, opts.width)
  const nameWidth = nameColumnWidth(items, width)
  const out: PaneLine[] = []
  let day = ''
  for (const item of items) {
    const d = dayKey(item.ts)
    if (d !== day) {
      day = d
      out.push({ id: item.id, sub: DAY_LINE, line: separator(dayLabel(item.ts, opts.now), width, 'day') })
    }
    if (item.id === opts.marker) out.push({ id: item.id, sub: MARKER_LINE, line: separator(MARKER_TEXT, width, 'marker') })
    itemLines(item, width, nameWidth).forEach((line, sub) => out.push({ id: item.id, sub, line }))
  }
  if (!byKey || byKey.size > 8) cache.set(items, byKey = new Map())
  byKey.set(key, out)
  return out
}
