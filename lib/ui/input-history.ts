// Lines sent in this session, recalled with Up/Down as in a shell. What was
// being typed before the first Up comes back after the last Down.
export interface InputHistory {
  readonly entries: readonly string[]
  // entries.length while not recalling
  readonly index: number
  readonly saved: string
}

export const MAX_HISTORY = 200

export const emptyHistory: InputHistory = { entries: [], index: 0, saved: '' }

export function remember (h: InputHistory, line: string): InputHistory {
  const last = h.entries[h.entries.length - 1]
  const entries = line.trim() === '' || line === last ? [...h.entries] : [...h.entries, line].slice(-MAX_HISTORY)
  return { entries, index: entries.length, saved: '' }
}

// Returns the new history and the text to show, or null when there is
// nothing further that way.
export function recall (h: InputHistory, current: string, dir: -1 | 1): { history: InputHistory, text: string } | null {
  const index = h.index + dir
  if (index < 0 || index > h.entries.length) return null
  const saved = h.index === h.entries.length ? current : h.saved
  const text = index === h.entries.length ? saved : h.entries[index]!
  return { history: { entries: h.entries, index, saved }, text }
}

// Typing after recalling starts a fresh position (the edited line is new).
export function stopRecalling (h: InputHistory): InputHistory {
  return h.index === h.entries.length ? h : { ...h, index: h.entries.length, saved: '' }
}
