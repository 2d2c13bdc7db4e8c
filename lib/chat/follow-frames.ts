// Follow frames that scale (proto/hallway.proto, Follow): what a node tells
// one peer about the chats it follows travels as the change since the last
// frame, in pages, so neither a relay's 20,000 carried chats nor a change of
// one chat ever meets the per-frame cap. A peer of before (no `deltas` in
// its hello) reads only whole sets: it gets one replacing frame, capped.
import { MAX_FOLLOWED_CHATS, type Live } from '../wire/index.ts'

type Follow = Extract<Live, { type: 'follow' }>

// The frames that take a peer from `told` (what it was told last; null:
// nothing yet) to `next`. Hex discovery keys in, bytes out.
export function followFrames (told: ReadonlySet<string> | null, next: ReadonlySet<string>, deltas: boolean, page = MAX_FOLLOWED_CHATS): Follow[] {
  if (!deltas) return [{ type: 'follow', chats: [...next].slice(0, page).map(bytes) }]
  if (told === null) {
    const all = [...next]
    const frames: Follow[] = [{ type: 'follow', chats: all.slice(0, page).map(bytes) }]
    for (let i = page; i < all.length; i += page) frames.push({ type: 'follow', chats: [], added: all.slice(i, i + page).map(bytes) })
    return frames
  }
  const added = [...next].filter(dk => !told.has(dk))
  const removed = [...told].filter(dk => !next.has(dk))
  const frames: Follow[] = []
  for (let i = 0; i < added.length; i += page) frames.push({ type: 'follow', chats: [], added: added.slice(i, i + page).map(bytes) })
  for (let i = 0; i < removed.length; i += page) frames.push({ type: 'follow', chats: [], removed: removed.slice(i, i + page).map(bytes) })
  return frames
}

// A received frame applied to what the peer follows; returns the chats it
// added (a replacing frame: every chat of the new set).
export function applyFollow (follows: Set<string>, frame: Follow): string[] {
  const replaces = frame.chats.length > 0 || (frame.added === undefined && frame.removed === undefined)
  const added: string[] = []
  if (replaces) follows.clear()
  for (const c of [...frame.chats, ...(frame.added ?? [])]) {
    const dk = hex(c)
    if (!follows.has(dk)) added.push(dk)
    follows.add(dk)
  }
  for (const c of frame.removed ?? []) follows.delete(hex(c))
  return replaces ? [...follows] : added
}

function bytes (dk: string): Buffer {
  return Buffer.from(dk, 'hex')
}

function hex (b: Uint8Array): string {
  return Buffer.from(b).toString('hex')
}
