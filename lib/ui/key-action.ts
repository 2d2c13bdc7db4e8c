// What a key press means, as data: blessed's key event in, an action out.
// The controller applies actions to the view-model; this table is the one
// place that says which key does what (docs/ui.md lists the same).
import type { EditOp } from './line-editor.ts'
import type { ScrollAmount } from './view-state.ts'

export interface KeyEvent {
  name?: string
  full?: string
  ctrl?: boolean
  meta?: boolean
  shift?: boolean
  sequence?: string
}

export type KeyAction =
  | { type: 'submit' }
  | { type: 'quit' }
  | { type: 'complete', dir: 1 | -1 }
  | { type: 'recall', dir: -1 | 1 }
  | { type: 'scroll', amount: ScrollAmount, dir: 1 | -1 }
  | { type: 'focus', index: number }
  | { type: 'cycle', dir: 1 | -1 }
  | { type: 'edit', op: EditOp }
  | { type: 'insert', text: string }
  | { type: 'redraw' }
  | { type: 'dismiss' }
  | { type: 'none' }

const BY_NAME: Record<string, KeyAction> = {
  'enter': { type: 'submit' },
  'C-c': { type: 'quit' },
  'C-d': { type: 'edit', op: 'delete' },
  'tab': { type: 'complete', dir: 1 },
  'S-tab': { type: 'complete', dir: -1 },
  'up': { type: 'recall', dir: -1 },
  'down': { type: 'recall', dir: 1 },
  'C-p': { type: 'cycle', dir: -1 },
  'C-n': { type: 'cycle', dir: 1 },
  'M-left': { type: 'cycle', dir: -1 },
  'M-right': { type: 'cycle', dir: 1 },
  'pageup': { type: 'scroll', amount: 'page', dir: 1 },
  'pagedown': { type: 'scroll', amount: 'page', dir: -1 },
  'S-up': { type: 'scroll', amount: 'line', dir: 1 },
  'S-down': { type: 'scroll', amount: 'line', dir: -1 },
  'C-home': { type: 'scroll', amount: 'end', dir: 1 },
  'C-end': { type: 'scroll', amount: 'end', dir: -1 },
  'left': { type: 'edit', op: 'left' },
  'right': { type: 'edit', op: 'right' },
  'C-b': { type: 'edit', op: 'left' },
  'C-f': { type: 'edit', op: 'right' },
  'home': { type: 'edit', op: 'home' },
  'end': { type: 'edit', op: 'end' },
  'C-a': { type: 'edit', op: 'home' },
  'C-e': { type: 'edit', op: 'end' },
  'M-b': { type: 'edit', op: 'word-left' },
  'M-f': { type: 'edit', op: 'word-right' },
  'C-left': { type: 'edit', op: 'word-left' },
  'C-right': { type: 'edit', op: 'word-right' },
  'backspace': { type: 'edit', op: 'backspace' },
  'C-h': { type: 'edit', op: 'backspace' },
  'delete': { type: 'edit', op: 'delete' },
  'C-w': { type: 'edit', op: 'delete-word-back' },
  'M-backspace': { type: 'edit', op: 'delete-word-back' },
  'C-k': { type: 'edit', op: 'kill-to-end' },
  'C-u': { type: 'edit', op: 'kill-to-start' },
  'C-l': { type: 'redraw' },
  'escape': { type: 'dismiss' }
}

export function keyAction (ch: string | undefined, key: KeyEvent | undefined): KeyAction {
  const full = key?.full ?? ''
  const alt = /^M-([1-9])$/.exec(full)
  if (alt) return { type: 'focus', index: Number(alt[1]) - 1 }
  const bound = BY_NAME[full]
  if (bound) return bound
  // blessed reports a CR as both `return` and `enter`: only `enter` submits,
  // so a line is never sent twice. A bare LF (Ctrl+J, or Enter typed ahead
  // while the terminal was still in cooked mode) comes once, as `linefeed`.
  if (full === 'linefeed') return { type: 'submit' }
  if (full === 'return') return { type: 'none' }
  if (key?.ctrl || key?.meta) return { type: 'none' }
  if (ch !== undefined && ch.length > 0 && !isControl(ch)) return { type: 'insert', text: ch }
  return { type: 'none' }
}

function isControl (ch: string): boolean {
  const cp = ch.codePointAt(0)!
  return ch.length === 1 && (cp < 0x20 || cp === 0x7f)
}

// For /help and docs/ui.md.
export const KEY_HELP: ReadonlyArray<{ keys: string, summary: string }> = [
  { keys: 'Enter', summary: 'send the line (or run the /command)' },
  { keys: 'Alt+1..9', summary: 'show chat 1..9 of the list' },
  { keys: 'Ctrl+N / Ctrl+P', summary: 'next / previous chat (also Alt+Right / Alt+Left)' },
  { keys: 'Tab / Shift+Tab', summary: 'complete a name, #channel or /command; again for the next match' },
  { keys: 'Up / Down', summary: 'recall lines sent before' },
  { keys: 'PageUp / PageDown', summary: 'scroll messages (also the mouse wheel; Shift+Up/Down by 3 lines)' },
  { keys: 'Ctrl+Home / Ctrl+End', summary: 'oldest loaded / newest message' },
  { keys: 'Esc', summary: 'back to the newest message; clear the status line' },
  { keys: 'Ctrl+L', summary: 'redraw the screen' },
  { keys: 'Ctrl+C', summary: 'quit (as /quit)' }
]
