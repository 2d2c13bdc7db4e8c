// The blessed screen, made the one way the UI needs it: full Unicode (CJK
// and emoji two cells wide, with blessed's widths aligned to the terminal's),
// no warnings printed over the UI.
import type { Readable, Writable } from 'node:stream'
import blessed from 'blessed'
import { alignBlessedWidths } from './blessed-widths.ts'

export interface ScreenOptions {
  // default: the process's stdin/stdout
  input?: Readable
  output?: Writable
  terminal?: string
}

export function createScreen (opts: ScreenOptions = {}): blessed.Widgets.Screen {
  alignBlessedWidths()
  // @types/blessed has input and output the wrong way round; the runtime
  // takes input: Readable, output: Writable.
  const streams = { ...(opts.input ? { input: opts.input } : {}), ...(opts.output ? { output: opts.output } : {}) } as Pick<blessed.Widgets.IScreenOptions, 'input' | 'output'>
  return blessed.screen({
    ...streams,
    ...(opts.terminal ? { terminal: opts.terminal } : {}),
    smartCSR: true,
    fullUnicode: true,
    autoPadding: false,
    warnings: false,
    title: 'hallway'
  })
}
