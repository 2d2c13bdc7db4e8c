// One person's console: the current chat and the commands they type. The
// headless mode and the blessed UI both drive a node through this, so a
// command behaves the same in both.
import { hallwayError } from '../errors.ts'
import { COMMANDS, parseCommand, type CommandHelp } from './commands.ts'
import type { Member, MessageEvent, UnreadEvent } from './events.ts'
import type { Messenger } from './messenger.ts'

export type CommandResult =
  | { type: 'sent', chat: string, id: string, ts: number }
  | { type: 'joined', chat: string }
  | { type: 'left', chat: string, current: string }
  | { type: 'nick', name: string }
  | { type: 'who', chat: string, members: Member[] }
  | { type: 'history', chat: string, messages: MessageEvent[] }
  | { type: 'channels', channels: Array<{ name: string, joined: boolean }> }
  | { type: 'help', commands: CommandHelp[] }
  | { type: 'opened', chat: string }
  | { type: 'read', chat: string }
  | { type: 'unread', chats: UnreadEvent[] }
  | { type: 'quit' }

export class Session {
  readonly messenger: Messenger
  current = '#general'

  constructor (messenger: Messenger) {
    this.messenger = messenger
  }

  // Throws a HallwayError with a stable code for anything the person got
  // wrong; the caller shows it and carries on.
  async run (line: string): Promise<CommandResult> {
    const cmd = parseCommand(line)
    const m = this.messenger
    switch (cmd.type) {
      case 'say': {
        const sent = await m.send(this.current, cmd.text)
        return { type: 'sent', chat: this.current, ...sent }
      }
      case 'join':
        await m.join(cmd.chat)
        this.current = cmd.chat
        return { type: 'joined', chat: cmd.chat }
      case 'leave': {
        const chat = cmd.chat ?? this.current
        await m.leave(chat)
        if (this.current === chat) this.current = '#general'
        return { type: 'left', chat, current: this.current }
      }
      case 'nick':
        await m.setName(cmd.name)
        return { type: 'nick', name: cmd.name }
      case 'who': {
        const chat = cmd.chat ?? this.current
        return { type: 'who', chat, members: m.members(chat) }
      }
      case 'history':
        return { type: 'history', chat: this.current, messages: await m.history(this.current, cmd.count) }
      case 'channels':
        return { type: 'channels', channels: m.chats() }
      case 'msg': {
        const chat = await m.openDirect(cmd.to)
        const sent = await m.send(chat, cmd.text)
        return { type: 'sent', chat, ...sent }
      }
      case 'dm':
        this.current = await m.openDirect(cmd.to)
        return { type: 'opened', chat: this.current }
      case 'read': {
        const chat = cmd.chat ?? this.current
        await m.markRead(chat)
        return { type: 'read', chat }
      }
      case 'unread':
        return { type: 'unread', chats: await m.unread() }
      case 'help':
        return { type: 'help', commands: Object.values(COMMANDS) }
      case 'quit':
        return { type: 'quit' }
    }
  }

  switchTo (chat: string): void {
    if (!this.messenger.joined().includes(chat)) throw hallwayError('NOT_FOLLOWING', `you are not in ${chat}`)
    this.current = chat
  }
}
