// The hybrid logical clock value every entry carries, and the check a
// decoded one must pass. Its own file so entry.ts and validate.ts can both
// use it without importing each other.

export interface Hlc { wall: number, logical: number }

const MAX_WALL = 2 ** 52 // far beyond any real clock, well inside a double

export function toHlc (h: { wall?: number | null, logical?: number | null } | null | undefined): Hlc | null {
  if (!h) return null
  const wall = Number(h.wall ?? 0)
  const logical = Number(h.logical ?? 0)
  if (!Number.isSafeInteger(wall) || wall <= 0 || wall > MAX_WALL) return null
  if (!Number.isSafeInteger(logical) || logical < 0 || logical > 0xffffffff) return null
  return { wall, logical }
}

// The one order of clocks: wall time, then the logical counter. Messages
// add the device key and the position in the feed (chat/chat-message.ts).
export function compareHlc (a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.logical - b.logical
}
