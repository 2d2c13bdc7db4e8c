// Tab completion of the word before the cursor: `/co` -> commands (first
// word only), `#ge` -> channels, `@al` -> `@alice`, `al` -> `alice`. Tab
// again cycles through the matches (Shift+Tab backwards); any other key
// ends the cycle.
import type { EditorState } from './line-editor.ts'

export interface CompletionSources {
  commands: readonly string[] // without the slash
  channels: readonly string[] // with the #
  names: readonly string[]
}

export interface CompletionState {
  // where the completed word starts, and the word as typed
  start: number
  typed: string
  matches: string[]
  index: number
}

export interface CompletionResult {
  editor: EditorState
  completion: CompletionState | null
}

function matchesFor (word: string, atLineStart: boolean, src: CompletionSources): string[] {
  const lower = word.toLowerCase()
  const pick = (list: readonly string[], prefix: string): string[] => {
    const p = prefix.toLowerCase()
    return [...new Set(list)].filter(x => x.toLowerCase().startsWith(p)).sort((a, b) => a.localeCompare(b))
  }
  if (word.startsWith('/')) return atLineStart ? pick(src.commands, word.slice(1)).map(c => `/${c}`) : []
  if (word.startsWith('#')) return pick(src.channels, lower)
  if (word.startsWith('@')) return pick(src.names, word.slice(1)).map(n => `@${n}`)
  if (word === '') return []
  return pick(src.names, word)
}

function replaceWord (e: EditorState, start: number, end: number, text: string): EditorState {
  const add = [...text]
  return { chars: [...e.chars.slice(0, start), ...add, ...e.chars.slice(end)], cursor: start + add.length }
}

export function complete (e: EditorState, prev: CompletionState | null, src: CompletionSources, dir: 1 | -1 = 1): CompletionResult {
  if (prev && prev.matches.length > 1) {
    // Cycling: swap the previous match (and its space) for the next one.
    const shown = [...prev.matches[prev.index]!].length + 1
    const index = (prev.index + dir + prev.matches.length) % prev.matches.length
    const editor = replaceWord(e, prev.start, prev.start + shown, prev.matches[index]! + ' ')
    return { editor, completion: { ...prev, index } }
  }
  let start = e.cursor
  while (start > 0 && !/\s/.test(e.chars[start - 1]!)) start--
  const word = e.chars.slice(start, e.cursor).join('')
  const atLineStart = e.chars.slice(0, start).every(c => /\s/.test(c))
  const matches = matchesFor(word, atLineStart, src)
  if (matches.length === 0) return { editor: e, completion: null }
  const first = dir === 1 ? 0 : matches.length - 1
  const editor = replaceWord(e, start, e.cursor, matches[first]! + ' ')
  return { editor, completion: matches.length > 1 ? { start, typed: word, matches, index: first } : null }
}
