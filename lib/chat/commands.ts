// Slash-commands, parsed purely: one line in, one typed command out (or a
// coded error). The headless mode and the console UI share this parser.
import { hallwayError } from '../errors.ts'
import { channelName, checkName, checkText, MAX_NAME_CHARS } from '../wire/index.ts'

export type Command =
  | { type: 'say', text: string }
  | { type: 'join', chat: string }
  | { type: 'leave', chat: string | null }
  | { type: 'nick', name: string }
  | { type: 'who', chat: string | null }
  | { type: 'history', count: number }
  | { type: 'channels' }
  | { type: 'msg', to: string, text: string }
  | { type: 'dm', to: string }
  | { type: 'read', chat: string | null }
  | { type: 'unread' }
  | { type: 'help' }
  | { type: 'quit' }

export interface CommandHelp { usage: string, summary: string }

export const COMMANDS: Record<string, CommandHelp> = {
  join: { usage: '/join #channel', summary: 'create or join a channel and switch to it' },
  leave: { usage: '/leave [#channel]', summary: 'leave a channel (never #general)' },
  nick: { usage: '/nick NAME', summary: 'change your name' },
  who: { usage: '/who [#channel]', summary: 'list the members of a chat and who is online' },
  history: { usage: '/history [N]', summary: 'show the last N messages of the chat (default 20)' },
  msg: { usage: '/msg @name text', summary: 'send a direct message (end-to-end encrypted)' },
  dm: { usage: '/dm @name', summary: 'open the direct-message chat with a person' },
  read: { usage: '/read [chat]', summary: 'mark a chat as read (the current one by default)' },
  unread: { usage: '/unread', summary: 'list the chats with unread messages' },
  channels: { usage: '/channels', summary: 'list the channels of the workspace' },
  help: { usage: '/help', summary: 'list the commands' },
  quit: { usage: '/quit', summary: 'leave hallway' }
}

export const DEFAULT_HISTORY = 20
export const MAX_HISTORY = 1000

export function parseCommand (line: string): Command {
  const trimmed = line.replace(/[\r\n]+$/, '')
  if (!trimmed.startsWith('/') || trimmed.startsWith('//')) {
    // `//text` sends a line that starts with a slash.
    const text = trimmed.startsWith('//') ? trimmed.slice(1) : trimmed
    checkText(text)
    return { type: 'say', text }
  }
  const body = trimmed.slice(1).trim()
  const [word = '', ...args] = body.split(/\s+/)
  const name = word.toLowerCase()
  switch (name) {
    case 'join': return { type: 'join', chat: channelArg(args[0], true)! }
    case 'leave': case 'part': return { type: 'leave', chat: channelArg(args[0], false) }
    case 'nick': {
      if (args.length !== 1) throw hallwayError('BAD_NAME', `usage: /nick NAME (1-${MAX_NAME_CHARS} characters, no spaces, @ or #)`)
      checkName(args[0]!)
      return { type: 'nick', name: args[0]! }
    }
    case 'who': case 'names': return { type: 'who', chat: channelArg(args[0], false) }
    case 'history': {
      if (args[0] === undefined) return { type: 'history', count: DEFAULT_HISTORY }
      const count = Number(args[0])
      if (!Number.isInteger(count) || count < 1 || count > MAX_HISTORY) throw hallwayError('BAD_ARGUMENT', `usage: /history [N] with N from 1 to ${MAX_HISTORY}`)
      return { type: 'history', count }
    }
    case 'channels': case 'list': return { type: 'channels' }
    case 'msg': case 'query': {
      const to = personArg(args[0])
      const text = body.slice(word.length).trimStart().slice(args[0]!.length).trimStart()
      if (text.length === 0) throw hallwayError('EMPTY_MESSAGE', 'usage: /msg @name text')
      checkText(text)
      return { type: 'msg', to, text }
    }
    case 'dm': return { type: 'dm', to: personArg(args[0]) }
    case 'read': return { type: 'read', chat: args[0] === undefined ? null : chatArg(args[0]) }
    case 'unread': return { type: 'unread' }
    case 'help': return { type: 'help' }
    case 'quit': case 'exit': return { type: 'quit' }
    default: throw hallwayError('UNKNOWN_COMMAND', `unknown command /${word}: try /help`)
  }
}

// `@bob`, `bob` or `@bob.3f2a` (the key suffix picks one of two bobs).
// Looser than checkName: it names someone; the Messenger finds who.
const PERSON_ARG = new RegExp(`^[^\\s@#]{1,${MAX_NAME_CHARS}}(\\.[0-9a-f]{4})?$`, 'u')

function personArg (arg: string | undefined): string {
  const name = arg?.startsWith('@') ? arg.slice(1) : arg
  if (!name || !PERSON_ARG.test(name)) throw hallwayError('BAD_NAME', 'usage: /msg @name text')
  return '@' + name
}

function chatArg (arg: string): string {
  return arg.startsWith('@') ? personArg(arg) : channelArg(arg, true)!
}

function channelArg (arg: string | undefined, required: boolean): string | null {
  if (arg === undefined) {
    if (required) throw hallwayError('BAD_CHANNEL_NAME', 'usage: /join #channel')
    return null
  }
  return channelName(arg)
}
