// The console UI's view-model: plain state and pure functions from (state,
// event) to state. The controller (console-ui.ts) feeds it chat-layer events
// and keys; the render functions draw it. Nothing here touches a terminal.
import type { ChatSummary, Member, MessageEvent } from '../chat/events.ts'
import { addItem, createChat, hideChat, setUnread, showChat, type ChatState } from './chat-state.ts'
import { complete, type CompletionSources, type CompletionState } from './completion.ts'
import { isDirectChat } from './direct-chat.ts'
import { emptyHistory, recall, remember, stopRecalling, type InputHistory } from './input-history.ts'
import { layout } from './layout.ts'
import { edit, editorText, emptyEditor, fromText, insertText, type EditOp, type EditorState } from './line-editor.ts'
import { messageLines } from './message-lines.ts'
import { anchorForMarker, pageSize, scrollBy, visibleRange } from './scroll.ts'
import { messageItem, type NoteItem } from './timeline.ts'

export interface Notice { text: string, level: 'info' | 'error' }

// An info notice goes after this long; an error stays until Esc or Enter.
export const NOTICE_MS = 6000

export interface ViewState {
  readonly selfId: string
  readonly selfName: string
  // how the status bar names the workspace
  readonly workspace: string
  // joined chats, in the order of the chat list
  readonly chats: readonly ChatState[]
  // channels of the workspace not joined (shown dimmed, completed after /join)
  readonly otherChannels: readonly string[]
  readonly focused: string
  // members of the focused chat
  readonly members: readonly Member[]
  readonly peers: number
  readonly relay: boolean
  // since when no peer has been connected (null: some are)
  readonly aloneSince: number | null
  readonly notice: Notice | null
  readonly noticeAt: number
  readonly input: EditorState
  readonly history: InputHistory
  readonly completion: CompletionState | null
  readonly width: number
  readonly height: number
  // the time the screen shows (day separators, "alone for 5 s")
  readonly clock: number
  // counter for the ids of lines the UI writes itself
  readonly seq: number
}

export interface StateOptions {
  selfId: string
  selfName: string
  workspace: string
  width: number
  height: number
  now: number
}

export const GENERAL = '#general'

export function createState (o: StateOptions): ViewState {
  return {
    selfId: o.selfId,
    selfName: o.selfName,
    workspace: o.workspace,
    chats: [createChat(GENERAL)],
    otherChannels: [],
    focused: GENERAL,
    members: [],
    peers: 0,
    relay: false,
    aloneSince: o.now,
    notice: null,
    noticeAt: 0,
    input: emptyEditor,
    history: emptyHistory,
    completion: null,
    width: o.width,
    height: o.height,
    clock: o.now,
    seq: 0
  }
}

export function focusedChat (s: ViewState): ChatState {
  return s.chats.find(c => c.name === s.focused) ?? s.chats[0]!
}

function updateChat (s: ViewState, name: string, fn: (c: ChatState) => ChatState): ViewState {
  return { ...s, chats: s.chats.map(c => c.name === name ? fn(c) : c) }
}

function paneSize (s: ViewState): { width: number, height: number } {
  const m = layout(s.width, s.height).messages
  return { width: m.width, height: m.height }
}

function linesOf (s: ViewState, chat: ChatState): ReturnType<typeof messageLines> {
  return messageLines(chat.items, { width: paneSize(s).width, now: s.clock, marker: chat.marker })
}

// ------------------------------------------------------------ chat layer

// The chat list follows the chat layer's: joined chats (in its order, which
// puts #general first), then the others.
export function syncChats (s: ViewState, summaries: readonly ChatSummary[]): ViewState {
  const joined = summaries.filter(c => c.joined).map(c => c.name)
  if (!joined.includes(GENERAL)) joined.unshift(GENERAL)
  const chats = joined.map(name => s.chats.find(c => c.name === name) ?? createChat(name))
  const otherChannels = summaries.filter(c => !c.joined).map(c => c.name)
  const next = { ...s, chats, otherChannels }
  if (chats.some(c => c.name === s.focused)) return next
  // The focused chat was left: back to #general, with its draft.
  const general = chats.find(c => c.name === GENERAL)!
  return { ...next, chats: chats.map(c => c === general ? showChat(c) : c), focused: GENERAL, input: general.draft, completion: null, members: [] }
}

// A direct chat is named after the other person (`@bob`), so it changes
// name when they do; its state goes with it.
export function renameChat (s: ViewState, from: string, to: string): ViewState {
  if (from === to || !s.chats.some(c => c.name === from) || s.chats.some(c => c.name === to)) return s
  return {
    ...s,
    chats: s.chats.map(c => c.name === from ? { ...c, name: to } : c),
    focused: s.focused === from ? to : s.focused
  }
}

export interface Received { state: ViewState, bell: boolean }

export function receive (s: ViewState, e: MessageEvent): Received {
  if (!s.chats.some(c => c.name === e.chat)) return { state: s, bell: false }
  const item = messageItem(e, s.selfName)
  const shown = e.chat === s.focused
  const fresh = !e.history && !e.own
  const state = updateChat(s, e.chat, c => addItem(c, item, { shown, fresh }))
  const bell = fresh && !shown && state !== s && (item.mention || isDirectChat(e.chat))
  return { state, bell }
}

// A line the UI writes itself into a chat: 'system' (dimmed: people coming
// and going) or 'info' (answers to commands).
export function note (s: ViewState, chat: string, kind: NoteItem['kind'], text: string, arrow: NoteItem['arrow'] = '--'): ViewState {
  if (!s.chats.some(c => c.name === chat)) return s
  const item: NoteItem = { kind, id: `ui:${s.seq}`, ts: s.clock, arrow, text }
  return { ...updateChat(s, chat, c => addItem(c, item, { shown: chat === s.focused, fresh: false })), seq: s.seq + 1 }
}

// The chat layer's count of unread messages in a chat. The chat on screen
// is being read: its count is about to go to 0.
export function unreadCount (s: ViewState, chat: string, count: number): ViewState {
  if (chat === s.focused) return s
  return updateChat(s, chat, c => setUnread(c, count))
}

// Is the newest message of the focused chat on screen? (Then it is read.)
export function seesNewest (s: ViewState): boolean {
  return focusedChat(s).scroll === null
}

export function setMembers (s: ViewState, members: readonly Member[]): ViewState {
  return { ...s, members }
}

export function setPeers (s: ViewState, peers: number, relay: boolean): ViewState {
  const aloneSince = peers > 0 ? null : s.aloneSince ?? s.clock
  return { ...s, peers, relay, aloneSince }
}

export function setSelfName (s: ViewState, selfName: string): ViewState {
  return { ...s, selfName }
}

export function setNotice (s: ViewState, notice: Notice | null): ViewState {
  return { ...s, notice, noticeAt: s.clock }
}

// The clock moves on; info notices expire.
export function tick (s: ViewState, now: number): ViewState {
  if (now === s.clock) return s
  const expired = s.notice?.level === 'info' && now - s.noticeAt > NOTICE_MS
  return { ...s, clock: now, notice: expired ? null : s.notice }
}

export function resize (s: ViewState, width: number, height: number): ViewState {
  return { ...s, width, height }
}

// ------------------------------------------------------------ focus

export function focus (s: ViewState, name: string): ViewState {
  const target = s.chats.find(c => c.name === name)
  if (!target) return s
  if (name === s.focused) return { ...updateChat(s, name, showChat) }
  const left = updateChat(s, s.focused, c => hideChat(c, s.input))
  let shown = showChat(target)
  const { height } = paneSize(s)
  if (shown.marker !== null) shown = { ...shown, scroll: anchorForMarker(linesOf(s, shown), height), newBelow: 0 }
  return { ...updateChat(left, name, () => shown), focused: name, input: target.draft, completion: null, members: [] }
}

export function focusIndex (s: ViewState, index: number): ViewState {
  const chat = s.chats[index]
  return chat ? focus(s, chat.name) : s
}

export function cycleFocus (s: ViewState, dir: 1 | -1): ViewState {
  const i = s.chats.findIndex(c => c.name === s.focused)
  const n = s.chats.length
  return focusIndex(s, ((i + dir) % n + n) % n)
}

// ------------------------------------------------------------ scrolling

export type ScrollAmount = 'line' | 'page' | 'end'

export function scroll (s: ViewState, amount: ScrollAmount, dir: 1 | -1): ViewState {
  const chat = focusedChat(s)
  const { height } = paneSize(s)
  if (amount === 'end') {
    const anchor = dir === -1 ? null : scrollBy(linesOf(s, chat), chat.scroll, height, Number.MAX_SAFE_INTEGER)
    return updateChat(s, chat.name, c => ({ ...c, scroll: anchor, newBelow: anchor === null ? 0 : c.newBelow }))
  }
  const lines = amount === 'page' ? pageSize(height) : 3
  // dir 1 is up, towards older messages
  const anchor = scrollBy(linesOf(s, chat), chat.scroll, height, dir * lines)
  return updateChat(s, chat.name, c => ({ ...c, scroll: anchor, newBelow: anchor === null ? 0 : c.newBelow }))
}

// Is the oldest loaded line on screen? Then it is time to fetch older ones.
export function atTop (s: ViewState): boolean {
  const chat = focusedChat(s)
  return visibleRange(linesOf(s, chat), chat.scroll, paneSize(s).height).first === 0
}

export function messageCount (chat: ChatState): number {
  return chat.items.reduce((n, i) => n + (i.kind === 'message' ? 1 : 0), 0)
}

// ------------------------------------------------------------ input line

export function typeText (s: ViewState, text: string): ViewState {
  return { ...s, input: insertText(s.input, text), completion: null, history: stopRecalling(s.history) }
}

export function editInput (s: ViewState, op: EditOp): ViewState {
  return { ...s, input: edit(s.input, op), completion: null }
}

export function recallInput (s: ViewState, dir: -1 | 1): ViewState {
  const r = recall(s.history, editorText(s.input), dir)
  return r ? { ...s, history: r.history, input: fromText(r.text), completion: null } : s
}

export function completeInput (s: ViewState, sources: CompletionSources, dir: 1 | -1): ViewState {
  const r = complete(s.input, s.completion, sources, dir)
  return { ...s, input: r.editor, completion: r.completion }
}

// Enter: the line leaves the input (into the history) to be run.
export function takeInput (s: ViewState): { state: ViewState, line: string } {
  const line = editorText(s.input)
  const chat = focusedChat(s)
  return {
    state: {
      ...updateChat(s, chat.name, c => ({ ...c, marker: null, scroll: null, newBelow: 0 })),
      input: emptyEditor,
      history: remember(s.history, line),
      completion: null,
      notice: null
    },
    line
  }
}

// What Tab completes from, given the state.
export function completionSources (s: ViewState, commands: readonly string[]): CompletionSources {
  return {
    commands,
    channels: [...s.chats.map(c => c.name).filter(n => n.startsWith('#')), ...s.otherChannels],
    names: s.members.filter(m => !m.self).map(m => m.display)
  }
}
