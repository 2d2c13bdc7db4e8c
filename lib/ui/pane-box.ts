// A blessed box that shows lines exactly as the render functions laid them
// out. blessed's own wrapping counts UTF-16 code units, not cells, and would
// cut lines with emoji or combining marks short; these lines already fit.
import blessed from 'blessed'
import type { Rect } from './layout.ts'

interface PreformattedLines extends Array<string> {
  rtof: number[]
  ftor: number[][]
  fake: string[]
  real: string[]
  mwidth: number
}

interface Wrappable {
  _wrapContent: (content: string, width: number) => PreformattedLines
}

function asIs (content: string, width: number): PreformattedLines {
  const lines = content.split('\n') as PreformattedLines
  lines.rtof = lines.map((_, i) => i)
  lines.ftor = lines.map((_, i) => [i])
  lines.fake = lines
  lines.real = lines
  lines.mwidth = width
  return lines
}

export function createPaneBox (screen: blessed.Widgets.Screen, rect: Rect, opts: { clickable?: boolean } = {}): blessed.Widgets.BoxElement {
  const box = blessed.box({
    parent: screen,
    ...rect,
    tags: true,
    wrap: false,
    scrollable: false,
    clickable: opts.clickable ?? false
  })
  ;(box as unknown as Wrappable)._wrapContent = asIs
  return box
}

export function placeBox (box: blessed.Widgets.BoxElement, rect: Rect | null): void {
  if (rect === null || rect.width <= 0 || rect.height <= 0) {
    box.hide()
    return
  }
  box.show()
  box.left = rect.left
  box.top = rect.top
  box.width = rect.width
  box.height = rect.height
}
