// One chat as the UI holds it: its timeline, what is unread, where the
// "new messages" marker goes, the scroll position and the unsent draft.
import { emptyEditor, type EditorState } from './line-editor.ts'
import { insertItem, type TimelineItem } from './timeline.ts'

// The bottom line shown, by the item it belongs to (see message-lines.ts);
// null while the pane follows the newest line.
export interface ScrollAnchor { id: string, sub: number }

export interface ChatState {
  readonly name: string
  readonly items: readonly TimelineItem[]
  readonly unread: number
  readonly mentions: number
  // id of the first message that arrived unseen
  readonly marker: string | null
  readonly scroll: ScrollAnchor | null
  // messages that arrived below the screen while scrolled up
  readonly newBelow: number
  readonly draft: EditorState
}

export function createChat (name: string): ChatState {
  return { name, items: [], unread: 0, mentions: 0, marker: null, scroll: null, newBelow: 0, draft: emptyEditor }
}

export interface AddOptions {
  // the chat is on screen now
  shown: boolean
  // a message someone else sent during this session (not history, not our own)
  fresh: boolean
}

// The unread count is the chat layer's (it keeps read markers across
// restarts and counts what arrived while offline); mentions and where the
// marker goes are the UI's own.
export function addItem (chat: ChatState, item: TimelineItem, opts: AddOptions): ChatState {
  const items = insertItem(chat.items, item)
  if (items === chat.items) return chat
  if (!opts.fresh || item.kind !== 'message') return { ...chat, items }
  if (!opts.shown) {
    return {
      ...chat,
      items,
      mentions: chat.mentions + (item.mention ? 1 : 0),
      marker: chat.marker ?? item.id
    }
  }
  return { ...chat, items, newBelow: chat.scroll === null ? 0 : chat.newBelow + 1 }
}

export function setUnread (chat: ChatState, count: number): ChatState {
  if (count === chat.unread) return chat
  // Read elsewhere (another device, /read): nothing is new any more.
  return count === 0 ? { ...chat, unread: 0, mentions: 0 } : { ...chat, unread: count }
}

// The chat comes on screen: its unread messages are now seen. The marker
// goes above the first of them (counted back from the newest, for what
// arrived before this session) and stays until the chat is left.
export function showChat (chat: ChatState): ChatState {
  return { ...chat, unread: 0, mentions: 0, marker: chat.marker ?? markerFromCount(chat) }
}

function markerFromCount (chat: ChatState): string | null {
  let left = chat.unread
  if (left <= 0) return null
  for (let i = chat.items.length - 1; i >= 0; i--) {
    const item = chat.items[i]!
    if (item.kind !== 'message' || item.own) continue
    if (--left === 0) return item.id
  }
  return null
}

// The chat goes off screen: next time, only what arrives from now on is new.
export function hideChat (chat: ChatState, draft: EditorState): ChatState {
  return { ...chat, marker: null, draft }
}
