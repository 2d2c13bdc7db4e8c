// Builders for the UI's unit tests: chat-layer events and view states
// without a node or a terminal.
import type { ChatSummary, Member, MessageEvent } from '../../lib/chat/events.ts'
import { plainText, type StyledLine } from '../../lib/ui/styled-text.ts'
import { createState, receive, syncChats, type ViewState } from '../../lib/ui/view-state.ts'

// Times in UTC so that the rendered clock is the same everywhere.
process.env.TZ = 'UTC'

export const T0 = Date.UTC(2026, 4, 12, 9, 30) // Tuesday 12 May 2026, 09:30
export const SELF = 'a'.repeat(64)

let seq = 0

export function msg (o: Partial<MessageEvent> & { text: string }): MessageEvent {
  const from = o.from ?? { id: 'b'.repeat(64), name: 'bob', display: 'bob' }
  return {
    chat: '#general',
    chatKey: o.chat ?? '#general',
    id: `m${seq++}`,
    ts: T0,
    history: false,
    own: from.id === SELF,
    ...o,
    from
  }
}

export const alice = { id: SELF, name: 'alice', display: 'alice' }
export const bob = { id: 'b'.repeat(64), name: 'bob', display: 'bob' }
export const carol = { id: 'c'.repeat(64), name: 'carol', display: 'carol' }

export function member (p: { id: string, name: string, display: string }, o: Partial<Member> = {}): Member {
  return { ...p, online: true, away: false, self: p.id === SELF, ...o }
}

export function state (o: { width?: number, height?: number, chats?: string[] } = {}): ViewState {
  const s = createState({ selfId: SELF, selfName: 'alice', workspace: 'workspace 1a2b3c4d', width: o.width ?? 100, height: o.height ?? 30, now: T0 })
  return syncChats(s, summaries(o.chats ?? ['#general']))
}

// The chat layer's list of chats: joined ones, then others.
export function summaries (joined: string[], other: string[] = []): ChatSummary[] {
  const one = (name: string, j: boolean): ChatSummary => ({ name, key: name, joined: j, direct: !name.startsWith('#') })
  return [...joined.map(n => one(n, true)), ...other.map(n => one(n, false))]
}

export function feed (s: ViewState, events: MessageEvent[]): ViewState {
  return events.reduce((acc, e) => receive(acc, e).state, s)
}

export function text (lines: StyledLine[]): string[] {
  return lines.map(plainText)
}
