// The right pane: the focused chat's members with presence, online first
// (the chat layer's order), then away, then offline.
import type { Member } from '../chat/events.ts'
import { neutralize } from './neutralize.ts'
import { fitLine, span, type StyledLine } from './styled-text.ts'
import type { ViewState } from './view-state.ts'

export function presenceOf (m: Member): 'online' | 'away' | 'offline' {
  if (!m.online) return 'offline'
  return m.away ? 'away' : 'online'
}

const MARK = { online: '●', away: '◐', offline: '○' } as const
const COLOR = { online: 'light-green', away: 'yellow', offline: 'gray' } as const

export function renderMembers (s: ViewState, width: number, height: number): StyledLine[] {
  const online = s.members.filter(m => m.online).length
  const rows: StyledLine[] = [fitLine([span(` Members ${online}/${s.members.length}`, { fg: 'gray', bold: true })], width)]
  const room = height - 1
  const shown = s.members.length > room ? s.members.slice(0, Math.max(0, room - 1)) : s.members
  for (const m of shown) {
    const p = presenceOf(m)
    const line: StyledLine = [span(` ${MARK[p]} `, { fg: COLOR[p] }), span(neutralize(m.display), p === 'offline' ? { fg: 'gray' } : undefined)]
    if (m.self) line.push(span(' (you)', { fg: 'gray' }))
    else if (p === 'away') line.push(span(' away', { fg: 'gray' }))
    rows.push(fitLine(line, width))
  }
  if (shown.length < s.members.length) rows.push(fitLine([span(` +${s.members.length - shown.length} more`, { fg: 'gray' })], width))
  while (rows.length < height) rows.push([])
  return rows.slice(0, height)
}
