// The status bar: who you are, which workspace, how connected; and the last
// error or notice, which takes the room it needs.
import { BAR } from './render-header.ts'
import { neutralize } from './neutralize.ts'
import { fitLine, span, type StyledLine } from './styled-text.ts'
import type { ViewState } from './view-state.ts'

export const ALONE_AFTER_MS = 5000
export const ALONE_HINT = 'no peers found — check multicast or use --peer'

export function isAlone (s: ViewState): boolean {
  return s.aloneSince !== null && s.clock - s.aloneSince > ALONE_AFTER_MS
}

export function renderStatusBar (s: ViewState, width: number): StyledLine {
  const sep = span(' │ ', BAR)
  const line: StyledLine = [span(' ' + neutralize(s.selfName), { ...BAR, bold: true })]
  if (s.notice) {
    const style = s.notice.level === 'error' ? { fg: 'white' as const, bg: 'red' as const, bold: true } : { fg: 'black' as const, bg: 'cyan' as const }
    line.push(sep, span(` ${neutralize(s.notice.text)} `, style))
    return fitLine(line, width, BAR)
  }
  line.push(sep, span(s.workspace, BAR), sep)
  if (isAlone(s)) line.push(span(ALONE_HINT, { ...BAR, fg: 'light-yellow', bold: true }))
  else line.push(span(`${s.peers} ${s.peers === 1 ? 'peer' : 'peers'}`, BAR))
  line.push(sep, span(s.relay ? 'relay connected' : 'no relay', BAR))
  return fitLine(line, width, BAR)
}
