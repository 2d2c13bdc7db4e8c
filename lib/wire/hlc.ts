// The hybrid logical clock value every entry carries, and the check a
// decoded one must pass. Its own file so entry.ts and validate.ts can both
// use it without importing each other.

import { MAX_LOGICAL, MAX_WALL_MS, MIN_WALL_MS } from './limits.ts'

export interface Hlc { wall: number, logical: number }

// A stamp from the wire: refused (null) if its wall is before the epoch or
// absurdly far ahead, or its counter is past the bound (docs/protocol.md §3).

export function toHlc (h: { wall?: number | null, logical?: number | null } | null | undefined): Hlc | null {
  if (!h) return null
  const wall = Number(h.wall ?? 0)
  const logical = Number(h.logical ?? 0)
  if (!Number.isSafeInteger(wall) || wall < MIN_WALL_MS || wall > MAX_WALL_MS) return null
  if (!Number.isSafeInteger(logical) || logical < 0 || logical > MAX_LOGICAL) return null
  return { wall, logical }
}

// The one order of clocks: wall time, then the logical counter. Messages
// add the device key and the position in the feed (chat/chat-message.ts).
export function compareHlc (a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.logical - b.logical
}
