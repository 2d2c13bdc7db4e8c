// The input line: a prompt naming the chat, then the text, scrolled
// sideways so that the cursor always shows. Returns the cursor's column so
// the controller can put the terminal's cursor there.
import { neutralize } from './neutralize.ts'
import { span, type StyledLine } from './styled-text.ts'
import { textWidth, toCells, truncate } from './text-width.ts'
import type { ViewState } from './view-state.ts'

export interface InputLine { line: StyledLine, cursor: number }

export function renderInput (s: ViewState, width: number): InputLine {
  const prompt = truncate(neutralize(s.focused), Math.max(1, Math.floor(width / 3))) + '> '
  const promptWidth = textWidth(prompt)
  const room = Math.max(1, width - promptWidth - 1) // one cell for the cursor at the end
  // The user's own text is shown as typed, but control characters must not
  // reach the terminal either (a paste can carry them).
  const before = toCells(neutralize(s.input.chars.slice(0, s.input.cursor).join('')))
  const after = toCells(neutralize(s.input.chars.slice(s.input.cursor).join('')))
  let used = before.reduce((w, c) => w + c.width, 0)
  let start = 0
  const cut = used > room - 1
  if (cut) {
    // Leave room for the ellipsis at the left.
    while (start < before.length && used > room - 2) used -= before[start++]!.width
  }
  let text = (cut ? '…' : '') + before.slice(start).map(c => c.text).join('')
  const cursor = promptWidth + (cut ? 1 : 0) + used
  let w = cursor - promptWidth
  for (const c of after) {
    if (w + c.width > room) break
    text += c.text
    w += c.width
  }
  return { line: [span(prompt, { fg: 'light-cyan', bold: true }), span(text)], cursor }
}
