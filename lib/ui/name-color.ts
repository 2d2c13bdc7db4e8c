// A person's colour: the same on every screen and every start, from their id,
// so that people can be told apart at a glance.
import type { Color } from './styled-text.ts'

const PALETTE: readonly Color[] = [
  'cyan', 'green', 'yellow', 'magenta', 'light-blue', 'light-red',
  'light-cyan', 'light-green', 'light-yellow', 'light-magenta', 'blue', 'red'
]

export function nameColor (id: string): Color {
  let h = 2166136261
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return PALETTE[(h >>> 0) % PALETTE.length]!
}
