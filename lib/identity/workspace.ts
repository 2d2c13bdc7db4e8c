// Everything in a workspace is keyed from its 32-byte secret: chat ids, chat
// encryption keys, discovery keys, and the short tag published over mDNS.
// With no invite a node joins the well-known default workspace (DESIGN.md §2).
import { hash, sharedSecret, type KeyPair } from './keys.ts'

export const DEFAULT_WORKSPACE_KEY = hash(['hallway/default-workspace/v1'])

export interface ChatKeys {
  readonly id: Buffer          // stable chat id (never sent in clear)
  readonly key: Buffer         // block encryption key
  readonly discoveryKey: Buffer // how peers name the chat to each other
}

export class Workspace {
  readonly key: Buffer
  readonly tag: string

  constructor (key: Uint8Array = DEFAULT_WORKSPACE_KEY) {
    this.key = Buffer.from(key)
    this.tag = hash(['hallway/mdns-tag/v1'], this.key).subarray(0, 8).toString('hex')
  }

  get isDefault (): boolean {
    return this.key.equals(DEFAULT_WORKSPACE_KEY)
  }

  // The directory is a chat every member follows: profiles and channels.
  directory (): ChatKeys {
    return this.chat(hash(['hallway/directory/v1'], this.key))
  }

  channel (name: string): ChatKeys {
    return this.chat(hash(['hallway/channel/v1\0', name], this.key))
  }

  // A direct-message chat between two identities: keyed by their X25519
  // agreement, so a third member (or a relay) can carry its blocks but
  // never read them or even tell which two people it joins.
  direct (me: KeyPair, them: Uint8Array): ChatKeys {
    const secret = sharedSecret(me.secretKey, them)
    const [lo, hi] = [me.publicKey, Buffer.from(them)].sort(Buffer.compare)
    const key = hash(['hallway/direct-key/v1', secret, lo!, hi!], this.key)
    secret.fill(0)
    const id = hash(['hallway/direct-id/v1'], key)
    return { id, key, discoveryKey: hash(['hallway/chat-discovery/v1', id]) }
  }

  private chat (id: Buffer): ChatKeys {
    return {
      id,
      key: hash(['hallway/chat-key/v1', id], this.key),
      discoveryKey: hash(['hallway/chat-discovery/v1', id])
    }
  }
}
