// What a chat's message pane lists: messages, and lines the UI writes itself
// (system lines: people coming and going; info lines: the answers to the
// commands typed here). Kept in time order, without duplicates, capped.
import type { MessageEvent } from '../chat/events.ts'
import { mentions } from './mention.ts'
import { neutralize } from './neutralize.ts'

export interface MessageItem {
  kind: 'message'
  id: string
  ts: number
  fromId: string
  from: string
  text: string
  own: boolean
  mention: boolean
}

export interface NoteItem {
  kind: 'system' | 'info'
  id: string
  ts: number
  // system lines: '-->' someone arrived, '<--' someone left, '--' anything else
  arrow: '-->' | '<--' | '--'
  text: string
}

export type TimelineItem = MessageItem | NoteItem

// Enough to scroll back a good while; older lines are dropped from the pane
// (the chat keeps them; /history fetches them again).
export const MAX_ITEMS = 2000

// Peer-supplied text is neutralized here, once, on the way in.
export function messageItem (e: MessageEvent, selfName: string): MessageItem {
  const text = neutralize(e.text, { multiline: true })
  return {
    kind: 'message',
    id: e.id,
    ts: e.ts,
    fromId: e.from.id,
    from: neutralize(e.from.display),
    text,
    own: e.own,
    mention: !e.own && mentions(text, selfName)
  }
}

export function hasItem (items: readonly TimelineItem[], id: string): boolean {
  // Newest first: a duplicate is nearly always a recent message.
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.id === id) return true
  return false
}

// Inserts in time order (after any item with the same time, so that lines
// written together stay in order) and drops the oldest beyond MAX_ITEMS.
export function insertItem (items: readonly TimelineItem[], item: TimelineItem): TimelineItem[] {
  if (hasItem(items, item.id)) return items as TimelineItem[]
  let at = items.length
  while (at > 0 && items[at - 1]!.ts > item.ts) at--
  const out = [...items.slice(0, at), item, ...items.slice(at)]
  return out.length > MAX_ITEMS ? out.slice(out.length - MAX_ITEMS) : out
}
