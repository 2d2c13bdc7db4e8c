// Chats and message text as an API client writes them, checked by the chat
// layer's own parser (the one `/join` and plain lines go through), so the
// API and the console accept exactly the same input and fail with the same
// codes. Checking the text first means a bad message joins no channel.
import { parseCommand } from '../chat/commands.ts'
import { hallwayError } from '../errors.ts'

// `#Dev` -> `#dev`; `@alice` stays (the Messenger resolves people).
export function chatName (raw: string): string {
  if (raw.startsWith('@')) return raw
  if (!raw.startsWith('#') || /\s/.test(raw)) throw hallwayError('BAD_CHANNEL_NAME', `${raw} is not a chat: #channel or @name`)
  const cmd = parseCommand(`/join ${raw}`)
  if (cmd.type !== 'join') throw hallwayError('BAD_CHANNEL_NAME', `${raw} is not a channel name`)
  return cmd.chat
}

// Throws EMPTY_MESSAGE or MESSAGE_TOO_LONG as sending would.
export function checkText (text: string): void {
  // A text that starts with `/` is a plain message here, never a command:
  // `//x` is how the parser takes `/x` literally.
  parseCommand(text.startsWith('/') ? '/' + text : text)
}
