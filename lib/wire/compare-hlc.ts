// The one order of clocks: wall time, then the logical counter. Messages
// add the device key and the position in the feed (chat/chat-message.ts).
import type { Hlc } from './entry.ts'

export function compareHlc (a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.logical - b.logical
}
