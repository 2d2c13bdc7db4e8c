// What the screen does with a command's result (lib/chat/session.ts): the
// same commands as headless mode, answered in the message pane or the
// status bar instead of JSON.
import type { CommandResult } from '../chat/session.ts'
import { KEY_HELP } from './key-action.ts'
import { presenceOf } from './render-members.ts'
import { padEnd, textWidth } from './text-width.ts'
import { focus, note, receive, setNotice, setSelfName, type ViewState } from './view-state.ts'

export function applyResult (s: ViewState, r: CommandResult): ViewState {
  switch (r.type) {
    case 'sent':
      return s // the message itself arrives as a chat event
    case 'joined':
      return note(focus(s, r.chat), r.chat, 'info', `you joined ${r.chat}`, '-->')
    case 'left':
      return setNotice(focus(s, r.current), { level: 'info', text: `you left ${r.chat}` })
    case 'nick':
      return setNotice(setSelfName(s, r.name), { level: 'info', text: `you are now known as ${r.name}` })
    case 'who': {
      const list = r.members.map(m => `${m.display}${m.self ? ' (you)' : ''} ${presenceOf(m)}`).join(', ')
      return note(s, s.focused, 'info', `${r.chat}: ${r.members.length} ${r.members.length === 1 ? 'member' : 'members'}: ${list}`)
    }
    case 'history': {
      let next = s
      for (const m of r.messages) next = receive(next, { ...m, history: true }).state
      return setNotice(next, { level: 'info', text: `${r.messages.length} messages of ${r.chat} loaded` })
    }
    case 'channels': {
      const list = r.channels.map(c => c.joined ? c.name : `${c.name} (not joined)`).join(', ')
      return note(s, s.focused, 'info', `channels: ${list}`)
    }
    case 'help': {
      const rows = [...r.commands.map(c => [c.usage, c.summary] as const), ...KEY_HELP.map(k => [k.keys, k.summary] as const)]
      const w = Math.max(...rows.map(([a]) => textWidth(a)))
      const table = (list: ReadonlyArray<readonly [string, string]>): string[] => list.map(([a, b]) => `  ${padEnd(a, w)}  ${b}`)
      const commands = table(rows.slice(0, r.commands.length))
      const keys = table(rows.slice(r.commands.length))
      return note(s, s.focused, 'info', ['Commands:', ...commands, 'Keys:', ...keys].join('\n'))
    }
    case 'opened':
      return focus(s, r.chat)
    case 'read':
      return setNotice(s, { level: 'info', text: `${r.chat} marked as read` })
    case 'unread': {
      const list = r.chats.map(u => `${u.chat} ${u.count}`).join(', ')
      return note(s, s.focused, 'info', r.chats.length === 0 ? 'nothing unread' : `unread: ${list}`)
    }
    case 'quit':
      return s
  }
}
