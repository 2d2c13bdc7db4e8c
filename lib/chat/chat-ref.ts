// What kind of chat a key names, as a typed value (not string prefixes read
// all over). A chat key is stable across renames and is what events and the
// API carry: `#dev` for a channel, `@` + the other person's identity key
// (hex) for a direct chat. The directory, which every node follows for
// profiles and channels, is never shown.
export type ChatRef =
  | { kind: 'channel', name: string }
  | { kind: 'direct', person: string }
  | { kind: 'directory' }

export const DIRECTORY: ChatRef = { kind: 'directory' }
const DIRECTORY_KEY = '~directory'
const PERSON_KEY = /^@([0-9a-f]{64})$/

export function channel (name: string): ChatRef {
  return { kind: 'channel', name }
}

export function direct (person: string): ChatRef {
  return { kind: 'direct', person }
}

export function chatKey (ref: ChatRef): string {
  switch (ref.kind) {
    case 'channel': return ref.name
    case 'direct': return '@' + ref.person
    case 'directory': return DIRECTORY_KEY
  }
}

// A chat key back to its kind; null for anything else (a person's name,
// say, which the directory resolves).
export function parseChatKey (key: string): ChatRef | null {
  if (key === DIRECTORY_KEY) return DIRECTORY
  const person = PERSON_KEY.exec(key)
  if (person) return direct(person[1]!)
  return key.startsWith('#') ? channel(key) : null
}
