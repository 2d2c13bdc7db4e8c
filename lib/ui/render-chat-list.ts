// The left pane: joined chats with their Alt+number, unread counts and a
// marker for mentions; the focused one highlighted; then the workspace's
// other channels, dimmed.
import { neutralize } from './neutralize.ts'
import { fitLine, lineWidth, span, type Style, type StyledLine } from './styled-text.ts'
import { textWidth, truncate } from './text-width.ts'
import type { ViewState } from './view-state.ts'

const FOCUSED: Style = { fg: 'black', bg: 'cyan' }

// The unread count, and an `@` when one of them mentions you.
function badge (unread: number, mentions: number): StyledLine {
  if (unread === 0 && mentions === 0) return []
  const count = unread > 999 ? '999+' : String(Math.max(unread, mentions))
  const out: StyledLine = [span(' ' + count, { fg: mentions > 0 ? 'light-red' : 'light-white', bold: true })]
  if (mentions > 0) out.push(span('@', { fg: 'light-red', bold: true }))
  return out
}

// How many chats are scrolled off the top: the focused one stays in view
// when the list is longer than the pane.
export function chatListOffset (s: ViewState, height: number): number {
  const room = height - 1
  const focusedAt = s.chats.findIndex(c => c.name === s.focused)
  return Math.max(0, Math.min(focusedAt - room + 1, s.chats.length - room))
}

export function renderChatList (s: ViewState, width: number, height: number): StyledLine[] {
  const rows: StyledLine[] = [fitLine([span(' Chats', { fg: 'gray', bold: true })], width)]
  const room = height - 1
  const offset = chatListOffset(s, height)
  s.chats.slice(offset, offset + room).forEach((chat, i) => {
    const index = offset + i
    const focused = chat.name === s.focused
    const key = index < 9 ? String(index + 1) : ' '
    const b = focused ? [] : badge(chat.unread, chat.mentions)
    const nameRoom = Math.max(1, width - 3 - lineWidth(b))
    const name = truncate(neutralize(chat.name), nameRoom)
    const base: Style | undefined = focused ? FOCUSED : undefined
    const nameStyle: Style = { ...base, bold: focused || chat.unread > 0 }
    const gap = span(' '.repeat(Math.max(0, width - 3 - textWidth(name) - lineWidth(b))), base)
    const line: StyledLine = [span(` ${key} `, focused ? FOCUSED : { fg: 'gray' }), span(name, nameStyle), gap, ...b]
    rows.push(fitLine(line, width, base))
  })
  if (s.otherChannels.length > 0 && rows.length + 2 <= height) {
    rows.push([], fitLine([span(' More (/join)', { fg: 'gray', bold: true })], width))
    for (const name of s.otherChannels) {
      if (rows.length >= height) break
      rows.push(fitLine([span('   ' + neutralize(name), { fg: 'gray' })], width))
    }
  }
  while (rows.length < height) rows.push([])
  return rows.slice(0, height)
}
