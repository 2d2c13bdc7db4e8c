// Text from peers (messages, names) is shown, never interpreted: a peer must
// not be able to move the cursor, repaint the screen, reorder text, inject
// blessed tags, or make two people's names look alike. Everything the UI draws
// that came from the network goes through neutralize(); tags are escaped
// where spans become blessed content (styled-text.ts).
import { isZeroWidth } from './text-width.ts'

// Bidi embeddings/overrides/isolates and marks, invisible spaces that only
// hide things, and characters whose width terminals disagree on: the soft
// hyphen, VS16 (one cell or two?) and the zero-width joiner (tmux draws an
// emoji ZWJ sequence as one glyph, others as its parts; without the joiner
// every terminal draws the parts).
const REMOVED = new Set([
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfe0f, 0xfeff
])
// More combining marks than this on one character ("zalgo" text) are dropped.
const MAX_MARKS = 3
const TAB = '    '

export interface NeutralizeOptions {
  // Keep line breaks (messages) or turn them into spaces (names).
  multiline?: boolean
}

export function neutralize (text: string, opts: NeutralizeOptions = {}): string {
  const multiline = opts.multiline ?? false
  let out = ''
  let marks = 0
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x0a || cp === 0x2028 || cp === 0x2029) {
      out += multiline ? '\n' : ' '
      marks = 0
      continue
    }
    if (cp === 0x09) {
      out += TAB
      marks = 0
      continue
    }
    if (cp < 0x20) {
      out += String.fromCodePoint(0x2400 + cp) // control pictures: ␛ ␇ ␈ ...
      marks = 0
      continue
    }
    if (cp === 0x7f) {
      out += '\u2421' // ␡
      marks = 0
      continue
    }
    if ((cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd'
      marks = 0
      continue
    }
    if (REMOVED.has(cp)) continue
    if (isZeroWidth(cp)) {
      if (out.length === 0 || out.endsWith('\n') || ++marks > MAX_MARKS) continue
      out += ch
      continue
    }
    marks = 0
    out += ch
  }
  return out
}

// blessed reads `{...}` as a tag; `{open}` and `{close}` are its literal braces.
export function escapeTags (text: string): string {
  return text.replace(/[{}]/g, c => c === '{' ? '{open}' : '{close}')
}
