// Where each pane goes for a terminal size. One header row, the three panes,
// a status bar and the input line; the side panes shrink on small terminals
// and give way (members first) when there is no room: at 80x24 all three show.
export interface Rect { left: number, top: number, width: number, height: number }

export interface Layout {
  header: Rect
  chats: Rect | null
  messages: Rect
  members: Rect | null
  // one-column vertical rules between the panes
  rules: Rect[]
  status: Rect
  input: Rect
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n))

export function layout (width: number, height: number): Layout {
  const w = Math.max(1, width)
  const h = Math.max(4, height)
  const top = 1
  const paneHeight = h - 3
  const side = clamp(Math.round(w * 0.17), 14, 24)
  const showChats = w >= 50
  const showMembers = w >= 70
  const chatsWidth = showChats ? side : 0
  const membersWidth = showMembers ? side : 0
  const rules: Rect[] = []
  let left = 0
  let chats: Rect | null = null
  if (showChats) {
    chats = { left, top, width: chatsWidth, height: paneHeight }
    rules.push({ left: chatsWidth, top, width: 1, height: paneHeight })
    left = chatsWidth + 1
  }
  const right = showMembers ? membersWidth + 1 : 0
  const messages = { left, top, width: Math.max(1, w - left - right), height: paneHeight }
  let members: Rect | null = null
  if (showMembers) {
    rules.push({ left: w - membersWidth - 1, top, width: 1, height: paneHeight })
    members = { left: w - membersWidth, top, width: membersWidth, height: paneHeight }
  }
  return {
    header: { left: 0, top: 0, width: w, height: 1 },
    chats,
    messages,
    members,
    rules,
    status: { left: 0, top: h - 2, width: w, height: 1 },
    input: { left: 0, top: h - 1, width: w, height: 1 }
  }
}
