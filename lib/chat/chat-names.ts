// Chats as people type and see them, and chat keys as the node keeps them:
// `@bob` resolves through the directory to `@` + bob's identity key, and a
// direct chat's key shows as `@` + the other person's display name.
import { hallwayError } from '../errors.ts'
import { chatKey, direct, parseChatKey } from './chat-ref.ts'
import { displaySuffix, type Directory } from './directory.ts'

export class ChatNames {
  private readonly directory: Directory
  private readonly self: () => string

  constructor (directory: Directory, self: () => string) {
    this.directory = directory
    this.self = self
  }

  // `#dev`, `@bob`, `@bob.3f2a9c01be47` or a chat key -> the chat key.
  // `@bob` is the person shown as plain bob (directory.ts); a key prefix
  // shared by two bobs, or an unknown person, is an error.
  resolve (chat: string): string {
    if (!chat.startsWith('@') || parseChatKey(chat) !== null) return chat
    const ids = this.directory.byName(chat.slice(1)).filter(id => id !== this.self())
    if (ids.length === 1) return chatKey(direct(ids[0]!))
    if (ids.length === 0) throw hallwayError('UNKNOWN_PERSON', `nobody called ${chat} has been seen in this workspace`)
    throw hallwayError('AMBIGUOUS_NAME', `${chat} could be ${ids.map(id => `@${this.directory.name(id)}.${displaySuffix(id)}`).join(' or ')}`)
  }

  // A person (`@bob`, `bob`) -> their identity key.
  person (name: string): string {
    const ref = parseChatKey(this.resolve(name.startsWith('@') ? name : '@' + name))
    if (ref?.kind !== 'direct') throw hallwayError('UNKNOWN_PERSON', `${name} is not a person`)
    return ref.person
  }

  // The name people see: `#dev`, or `@` and the other person's name.
  publicName (key: string): string {
    const ref = parseChatKey(key)
    return ref?.kind === 'direct' ? '@' + this.directory.display(ref.person) : key
  }
}
