// What a person may type as a message, a channel or a name, each rule once:
// the console's commands, the HTTP API and the Messenger all call these, so
// every way in refuses the same input with the same code. The decoders hold
// what arrives from peers to the same predicates (validate.ts) and limits.
import { hallwayError } from '../errors.ts'
import { MAX_CHANNEL_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from './limits.ts'
import { isInvisibleIn, isValidChannel, isValidName } from './validate.ts'
import { looksSuffixed } from './name-skeleton.ts'

// EMPTY_MESSAGE for blank text, MESSAGE_TOO_LONG past MAX_TEXT_CHARS
// (counted as a string's length, as the decoder counts it).
export function checkText (text: string): void {
  if (text.trim().length === 0) throw hallwayError('EMPTY_MESSAGE', 'nothing to send')
  if (text.length > MAX_TEXT_CHARS) throw hallwayError('MESSAGE_TOO_LONG', `a message has at most ${MAX_TEXT_CHARS} characters (this one has ${text.length})`)
}

// `#Dev`, `dev` -> `#dev`: channels are lower case and the `#` may be left
// out; BAD_CHANNEL_NAME for anything that is not one then.
export function channelName (raw: string): string {
  const chat = (raw.startsWith('#') ? raw : '#' + raw).toLowerCase()
  if (!isValidChannel(chat)) throw hallwayError('BAD_CHANNEL_NAME', `${raw} is not a channel name: # then 1-${MAX_CHANNEL_CHARS} of a-z, 0-9, _ or -`)
  return chat
}

// BAD_NAME unless `name` is a name a person may take (validate.ts,
// isAllowedName: the same predicate, with a reason for each refusal).
export function checkName (name: string): void {
  if (!isValidName(name)) throw hallwayError('BAD_NAME', `${name} is not a valid name: 1-${MAX_NAME_CHARS} characters, no spaces, @ or #`)
  if (isInvisibleIn(name)) throw hallwayError('BAD_NAME', `${JSON.stringify(name)} is not a valid name: it holds an invisible or blank character`)
  if (looksSuffixed(name)) throw hallwayError('BAD_NAME', `${name} is not a valid name: a dot and hex digits at the end is how a second person of one name is shown`)
}
