// The centre pane: the focused chat's lines, bottom-aligned like a terminal
// chat, scrolled as the chat's anchor says; while scrolled up the last row
// says what is below.
import { messageLines } from './message-lines.ts'
import { visibleRange } from './scroll.ts'
import { fitLine, span, type StyledLine } from './styled-text.ts'
import { textWidth } from './text-width.ts'
import { focusedChat, type ViewState } from './view-state.ts'

export function renderMessages (s: ViewState, width: number, height: number): StyledLine[] {
  const chat = focusedChat(s)
  const lines = messageLines(chat.items, { width, now: s.clock, marker: chat.marker })
  if (lines.length === 0) {
    const rows: StyledLine[] = Array.from({ length: height }, () => [])
    rows[height - 1] = fitLine([span(`Nothing in ${chat.name} yet. Type a message and press Enter.`, { fg: 'gray' })], width)
    return rows
  }
  const { first, last, scrolled } = visibleRange(lines, chat.scroll, height)
  const rows = lines.slice(first, last + 1).map(l => fitLine(l.line, width))
  if (scrolled) {
    const label = chat.newBelow > 0
      ? ` ↓ ${chat.newBelow} new ${chat.newBelow === 1 ? 'message' : 'messages'} below — PageDown `
      : ` ↓ more below — PageDown `
    rows.push(fitLine([span('──' + label + '─'.repeat(Math.max(0, width - 2 - textWidth(label))), { fg: chat.newBelow > 0 ? 'light-yellow' : 'gray' })], width))
  }
  while (rows.length < height) rows.unshift([])
  return rows.slice(-height)
}
