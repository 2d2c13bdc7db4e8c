// blessed itself, on a fake terminal: the widths patch and the pane boxes
// put every character in the cell the layout meant.
import { PassThrough } from 'node:stream'
import test from 'tape'
import { createPaneBox } from '../../lib/ui/pane-box.ts'
import { createScreen } from '../../lib/ui/screen.ts'
import { textWidth, toCells } from '../../lib/ui/text-width.ts'

process.env.NCURSES_NO_UTF8_ACS = '1'

function fakeTerminal (columns: number, rows: number): { input: PassThrough, output: PassThrough } {
  const output = Object.assign(new PassThrough(), { columns, rows, isTTY: true })
  output.resume()
  return { input: new PassThrough(), output }
}

// Is each character of `text` in the cell its width puts it in?
function placed (cells: Array<[number, string]>, text: string): boolean {
  let col = 0
  for (const c of toCells(text)) {
    if (cells[col]?.[1] !== c.text) return false
    col += c.width
  }
  return true
}

// The characters of a screen row, as blessed will draw them: the filler
// cell after a wide character is skipped.
function row (cells: Array<[number, string]>): string {
  return cells.map(c => c[1]).join('').replace(/\x03/g, '') // eslint-disable-line no-control-regex
}

test('emoji, CJK and combining marks land where the layout put them', t => {
  const screen = createScreen({ ...fakeTerminal(30, 4), terminal: 'xterm-256color' })
  try {
    const box = createPaneBox(screen, { left: 0, top: 0, width: 20, height: 3 })
    createPaneBox(screen, { left: 20, top: 0, width: 10, height: 3 }).setContent('|\n|\n|')
    const lines = ['a😀b日c', 'e\u0301t👍🏽x', '{bold}Привет{/} 𠀀!']
    box.setContent(lines.join('\n'))
    screen.render()
    const cells = (screen as unknown as { lines: Array<Array<[number, string]>> }).lines
    for (const [i, text] of ['a😀b日c', 'e\u0301t👍🏽x', 'Привет 𠀀!'].entries()) {
      t.equal(row(cells[i]!.slice(0, 20)).trimEnd(), text, `row ${i + 1}: the text`)
      t.ok(placed(cells[i]!, text), `row ${i + 1}: each character in its cell, ${textWidth(text)} cells in all`)
      t.equal(cells[i]!.findIndex(c => c[1] === '|'), 20, `row ${i + 1}: the next pane starts at column 20`)
    }
  } finally {
    screen.destroy()
    t.end()
  }
})

test('a pane line exactly as wide as the pane is not cut (blessed counts code units)', t => {
  const screen = createScreen({ ...fakeTerminal(20, 3), terminal: 'xterm-256color' })
  try {
    const box = createPaneBox(screen, { left: 0, top: 0, width: 10, height: 2 })
    box.setContent('😀😀😀😀ab\nnext')
    screen.render()
    const cells = (screen as unknown as { lines: Array<Array<[number, string]>> }).lines
    t.equal(row(cells[0]!.slice(0, 10)), '😀😀😀😀ab')
    t.equal(row(cells[1]!.slice(0, 10)).trimEnd(), 'next', 'and the next line starts on the next row')
  } finally {
    screen.destroy()
    t.end()
  }
})
