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

export function addItem (chat: ChatState, item: TimelineItem, opts: AddOptions): ChatState {
  const items = insertItem(chat.items, item)
  if (items === chat.items) return chat
  if (!opts.fresh || item.kind !== 'message') return { ...chat, items }
  if (!opts.shown) {
    return {
      ...chat,
      items,
      unread: chat.unread + 1,
      mentions: chat.mentions + (item.mention ? 1 : 0),
      marker: chat.marker ?? item.id
    }
  }
  return { ...chat, items, newBelow: chat.scroll === null ? 0 : chat.newBelow + 1 }
}

// The chat comes on screen: its unread messages are now seen; the marker
// stays above them until the chat is left.
export function showChat (chat: ChatState): ChatState {
  return { ...chat, unread: 0, mentions: 0 }
}

// The chat goes off screen: next time, only what arrives from now on is new.
export function hideChat (chat: ChatState, draft: EditorState): ChatState {
  return { ...chat, marker: null, draft }
}
