// The top bar: which chat this is and who is in it.
import type { ViewState } from './view-state.ts'
import { fitLine, span, type Style, type StyledLine } from './styled-text.ts'

export const BAR: Style = { fg: 'white', bg: 'blue' }

export function renderHeader (s: ViewState, width: number): StyledLine {
  const online = s.members.filter(m => m.online).length
  const count = s.members.length
  const people = count === 0 ? '' : ` │ ${count} ${count === 1 ? 'member' : 'members'}, ${online} online`
  return fitLine([span(' hallway ', { ...BAR, bold: true }), span('│ ', BAR), span(s.focused, { ...BAR, bold: true }), span(people, BAR)], width, BAR)
}
