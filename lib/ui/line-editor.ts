// The input line as plain state: its characters (code points) and the
// cursor between them, with the editing keys of a shell (readline/emacs).
export interface EditorState {
  readonly chars: readonly string[]
  readonly cursor: number
}

// Far above a message's limit (the chat layer says how far): a paste must
// not grow the line without bound.
export const MAX_INPUT_CHARS = 10_000

export const emptyEditor: EditorState = { chars: [], cursor: 0 }

export function editorText (e: EditorState): string {
  return e.chars.join('')
}

export function fromText (text: string): EditorState {
  const chars = [...text]
  return { chars, cursor: chars.length }
}

export type EditOp =
  | 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right'
  | 'backspace' | 'delete' | 'delete-word-back' | 'kill-to-end' | 'kill-to-start'

export function insertText (e: EditorState, text: string): EditorState {
  // Line breaks in a paste become spaces: Enter is what sends.
  const add = [...text.replace(/\r\n|[\r\n]/g, ' ')].slice(0, Math.max(0, MAX_INPUT_CHARS - e.chars.length))
  if (add.length === 0) return e
  return { chars: [...e.chars.slice(0, e.cursor), ...add, ...e.chars.slice(e.cursor)], cursor: e.cursor + add.length }
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c)

function wordStart (e: EditorState): number {
  let i = e.cursor
  while (i > 0 && isSpace(e.chars[i - 1])) i--
  while (i > 0 && !isSpace(e.chars[i - 1])) i--
  return i
}

function wordEnd (e: EditorState): number {
  let i = e.cursor
  while (i < e.chars.length && isSpace(e.chars[i])) i++
  while (i < e.chars.length && !isSpace(e.chars[i])) i++
  return i
}

export function edit (e: EditorState, op: EditOp): EditorState {
  const { chars, cursor } = e
  switch (op) {
    case 'left': return { chars, cursor: Math.max(0, cursor - 1) }
    case 'right': return { chars, cursor: Math.min(chars.length, cursor + 1) }
    case 'home': return { chars, cursor: 0 }
    case 'end': return { chars, cursor: chars.length }
    case 'word-left': return { chars, cursor: wordStart(e) }
    case 'word-right': return { chars, cursor: wordEnd(e) }
    case 'backspace':
      if (cursor === 0) return e
      return { chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 }
    case 'delete':
      if (cursor === chars.length) return e
      return { chars: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor }
    case 'delete-word-back': {
      const start = wordStart(e)
      return { chars: [...chars.slice(0, start), ...chars.slice(cursor)], cursor: start }
    }
    case 'kill-to-end': return { chars: chars.slice(0, cursor), cursor }
    case 'kill-to-start': return { chars: chars.slice(cursor), cursor: 0 }
  }
}
