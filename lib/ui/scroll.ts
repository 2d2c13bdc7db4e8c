// Scrolling the message pane over the lines of message-lines.ts. While
// scrolled up, the pane's last row tells what is below, so one row fewer
// shows messages.
import type { ScrollAnchor } from './chat-state.ts'
import { MARKER_LINE, type PaneLine } from './message-lines.ts'

export function anchorIndex (lines: readonly PaneLine[], anchor: ScrollAnchor | null): number {
  const last = lines.length - 1
  if (anchor === null) return last
  let best = -1
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (l.id !== anchor.id) continue
    if (l.sub === anchor.sub) return i
    if (l.sub <= anchor.sub) best = i
  }
  return best >= 0 ? best : last
}

function anchorAt (lines: readonly PaneLine[], index: number): ScrollAnchor | null {
  if (index >= lines.length - 1) return null
  const l = lines[index]!
  return { id: l.id, sub: l.sub }
}

// `delta` lines up (positive) or down (negative); `height` is the pane's.
export function scrollBy (lines: readonly PaneLine[], anchor: ScrollAnchor | null, height: number, delta: number): ScrollAnchor | null {
  if (lines.length <= height) return null
  const bottom = anchorIndex(lines, anchor)
  const top = Math.min(lines.length - 1, height - 2) // the first line at the top row
  const next = Math.max(top, Math.min(lines.length - 1, bottom - delta))
  return anchorAt(lines, next)
}

export function pageSize (height: number): number {
  return Math.max(1, height - 2)
}

// On showing a chat with a marker: if what is new does not fit, put the
// marker at the top so that reading starts where the unread part does.
export function anchorForMarker (lines: readonly PaneLine[], height: number): ScrollAnchor | null {
  const at = lines.findIndex(l => l.sub === MARKER_LINE)
  if (at < 0 || lines.length - at <= height) return null
  return anchorAt(lines, at + height - 2)
}

// The rows the pane shows: [first, last] indexes into lines.
export function visibleRange (lines: readonly PaneLine[], anchor: ScrollAnchor | null, height: number): { first: number, last: number, scrolled: boolean } {
  const scrolled = anchor !== null && lines.length > height
  const last = scrolled ? anchorIndex(lines, anchor) : lines.length - 1
  const rows = scrolled ? height - 1 : height
  return { first: Math.max(0, last - rows + 1), last, scrolled }
}
