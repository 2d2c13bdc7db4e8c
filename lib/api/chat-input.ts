// Chats as an API client writes them, held to the same rule the console's
// `/join` uses (lib/wire/input-rules.ts), so both accept the same names and
// fail with the same codes. The text rule is that module's checkText.
import { hallwayError } from '../errors.ts'
import { channelName } from '../wire/index.ts'

// `#Dev` -> `#dev`; `@alice` stays (the Messenger resolves people). Unlike
// `/join`, the API wants the `#`: a bare word is neither a channel nor a person.
export function chatName (raw: string): string {
  if (raw.startsWith('@')) return raw
  if (!raw.startsWith('#') || /\s/.test(raw)) throw hallwayError('BAD_CHANNEL_NAME', `${raw} is not a chat: #channel or @name`)
  return channelName(raw)
}
