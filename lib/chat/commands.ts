// Slash-commands, parsed purely: one line in, one typed command out (or a
// coded error). The headless mode and the console UI share this parser.
import { hallwayError } from '../errors.ts'
import { isValidChannel, isValidName, MAX_TEXT_CHARS } from '../wire/index.ts'

export type Command =
  | { type: 'say', text: string }
  | { type: 'join', chat: string }
  | { type: 'leave', chat: string | null }
  | { type: 'nick', name: string }
  | { type: 'who', chat: string | null }
  | { type: 'history', count: number }
  | { type: 'channels' }
  | { type: 'help' }
  | { type: 'quit' }

export interface CommandHelp { usage: string, summary: string }

export const COMMANDS: Record<string, CommandHelp> = {
  join: { usage: '/join #channel', summary: 'create or join a channel and switch to it' },
  leave: { usage: '/leave [#channel]', summary: 'leave a channel (never #general)' },
  nick: { usage: '/nick NAME', summary: 'change your name' },
  who: { usage: '/who [#channel]', summary: 'list the members of a chat and who is online' },
  history: { usage: '/history [N]', summary: 'show the last N messages of the chat (default 20)' },
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
    if (text.trim().length === 0) throw hallwayError('EMPTY_MESSAGE', 'nothing to send')
    if (text.length > MAX_TEXT_CHARS) throw hallwayError('MESSAGE_TOO_LONG', `a message has at most ${MAX_TEXT_CHARS} characters (this one has ${text.length})`)
    return { type: 'say', text }
  }
  const [word = '', ...args] = trimmed.slice(1).trim().split(/\s+/)
  const name = word.toLowerCase()
  switch (name) {
    case 'join': return { type: 'join', chat: channelArg(args[0], true)! }
    case 'leave': case 'part': return { type: 'leave', chat: channelArg(args[0], false) }
    case 'nick': {
      const nick = args[0] ?? ''
      if (args.length !== 1 || !isValidName(nick)) throw hallwayError('BAD_NAME', 'usage: /nick NAME (1-32 characters, no spaces, @ or #)')
      return { type: 'nick', name: nick }
    }
    case 'who': case 'names': return { type: 'who', chat: channelArg(args[0], false) }
    case 'history': {
      if (args[0] === undefined) return { type: 'history', count: DEFAULT_HISTORY }
      const count = Number(args[0])
      if (!Number.isInteger(count) || count < 1 || count > MAX_HISTORY) throw hallwayError('BAD_ARGUMENT', `usage: /history [N] with N from 1 to ${MAX_HISTORY}`)
      return { type: 'history', count }
    }
    case 'channels': case 'list': return { type: 'channels' }
    case 'help': return { type: 'help' }
    case 'quit': case 'exit': return { type: 'quit' }
    default: throw hallwayError('UNKNOWN_COMMAND', `unknown command /${word}: try /help`)
  }
}

export function normalizeChannel (name: string): string {
  return (name.startsWith('#') ? name : '#' + name).toLowerCase()
}

function channelArg (arg: string | undefined, required: boolean): string | null {
  if (arg === undefined) {
    if (required) throw hallwayError('BAD_CHANNEL_NAME', 'usage: /join #channel')
    return null
  }
  const chat = normalizeChannel(arg)
  if (!isValidChannel(chat)) throw hallwayError('BAD_CHANNEL_NAME', `${arg} is not a channel name: # then 1-32 of a-z, 0-9, _ or -`)
  return chat
}
