// The chats this node follows, and the settings file that remembers them:
// joining and leaving channels, following a direct chat that someone opens
// with us, carrying chats blind (relay mode), and the writer feeds learned
// per chat, so that history from others shows after a restart before any
// peer is online.
import { EventEmitter } from 'node:events'
import { hallwayError } from '../errors.ts'
import { BlindSet } from '../feed/blind-set.ts'
import type { FeedSet, WriterFeed } from '../feed/feed-set.ts'
import { isValidPublicKey } from '../identity/keys.ts'
import type { Workspace, ChatKeys } from '../identity/workspace.ts'
import { CarryBudget, type Carrier, type CarryBudgetOptions } from './carry-budget.ts'
import { Chat, type ChatContext } from './chat.ts'
import { channel, chatKey, direct, DIRECTORY, type ChatRef } from './chat-ref.ts'
import type { ChatSummary } from './events.ts'
import type { SettingsFile } from './settings.ts'

export interface ChatListEvents {
  // The set of followed chats changed (peers are told).
  follows: []
  // A writer feed was added to a chat, readable or blind.
  feed: [set: FeedSet, feed: WriterFeed]
}

export interface ChatListOptions {
  ctx: ChatContext
  workspace: Workspace
  settings: SettingsFile
  // Relay mode: carry every chat peers follow, blind if need be.
  relay: boolean
  // Relay mode: how many new chats one peer may make it carry per hour.
  carryBudget?: Partial<CarryBudgetOptions>
}

// Who may learn that this node follows a chat: everyone (channels, the
// directory), the other person of a direct chat (and relays); a chat
// carried blind: everyone (a relay cannot tell who is in it).
export type Audience =
  | { kind: 'public' }
  | { kind: 'direct', person: string }
  | { kind: 'blind' }

// Peers name chats freely; a flood of made-up ones must not grow a relay
// without bound.
export const MAX_BLIND_CHATS = 20000

export class ChatList extends EventEmitter<ChatListEvents> {
  directory!: Chat
  private readonly chats = new Map<string, Chat>()
  private readonly blind = new Map<string, BlindSet>()
  // Every followed set by discovery key (hex).
  private readonly byDk = new Map<string, FeedSet>()
  // Discovery keys of the direct chats we could have, by the other person.
  private readonly directKeys = new Map<string, string>()
  private readonly opts: ChatListOptions
  private showing = false
  readonly carry: CarryBudget

  constructor (opts: ChatListOptions) {
    super()
    this.opts = opts
    this.carry = new CarryBudget(opts.carryBudget)
  }

  private get settings (): SettingsFile['value'] {
    return this.opts.settings.value
  }

  // The directory first: names and channels come from it.
  async openDirectory (): Promise<void> {
    this.directory = await this.follow(DIRECTORY, this.opts.workspace.directory())
  }

  async openSaved (): Promise<void> {
    for (const name of this.settings.channels) await this.follow(channel(name), this.opts.workspace.channel(name))
    for (const id of this.settings.dms) await this.follow(direct(id), this.directKeys_(id))
    for (const dk of this.settings.blind) await this.followBlind(dk)
  }

  // The node is ready: show what is on disk, newest of every chat.
  show (): void {
    this.showing = true
    for (const chat of this.all()) chat.show(chat.view.messages.slice(-this.opts.ctx.historyCount))
    for (const chat of this.all()) void chat.recount()
  }

  get (key: string): Chat | undefined {
    return key === chatKey(DIRECTORY) ? undefined : this.chats.get(key)
  }

  // Every chat that is shown: channels and direct chats.
  all (): Chat[] {
    return [...this.chats.values()].filter(c => c.counted)
  }

  // Every shown chat once its unread count has settled. Counting can wait
  // for blocks a peer has yet to send: after a moment, answer with what is
  // counted rather than hang the caller.
  async counted (waitMs = 2000): Promise<Chat[]> {
    const chats = this.all()
    await Promise.race([Promise.all(chats.map(c => c.settled())), new Promise(resolve => setTimeout(resolve, waitMs).unref())])
    return chats
  }

  // Every channel of the workspace, then our direct chats, as people see
  // them.
  summaries (known: Set<string>, publicName: (key: string) => string): ChatSummary[] {
    const joined = this.settings.channels
    const channels = [...new Set([...joined, ...known])].sort(channelOrder).map(name => ({ name, key: name, joined: joined.includes(name), direct: false }))
    const directs = this.directKeysOf().map(key => ({ name: publicName(key), key, joined: true, direct: true }))
    return [...channels, ...directs.sort((a, b) => a.name.localeCompare(b.name))]
  }

  // The chats this person is in: channels, then direct chats.
  joined (publicName: (key: string) => string): string[] {
    return [...this.settings.channels, ...this.directKeysOf().map(publicName)]
  }

  private directKeysOf (): string[] {
    return this.settings.dms.map(id => chatKey(direct(id)))
  }

  sets (): FeedSet[] {
    return [...[...this.chats.values()].map(c => c.feeds), ...this.blind.values()]
  }

  bySet (dk: string): FeedSet | undefined {
    return this.byDk.get(dk)
  }

  chatOf (set: FeedSet): Chat | undefined {
    for (const c of this.chats.values()) if (c.feeds === set) return c
    return undefined
  }

  discoveryKeys (): Buffer[] {
    return this.sets().map(s => s.discoveryKey)
  }

  // Who may learn that we follow this chat (null: we do not follow it).
  audienceOf (dk: string): Audience | null {
    if (this.blind.has(dk)) return { kind: 'blind' }
    const set = this.byDk.get(dk)
    const ref = set ? this.chatOf(set)?.ref : undefined
    if (!ref) return null
    return ref.kind === 'direct' ? { kind: 'direct', person: ref.person } : { kind: 'public' }
  }

  async join (name: string): Promise<Chat> {
    const existing = this.chats.get(name)
    if (existing) return existing
    const chat = await this.follow(channel(name), this.opts.workspace.channel(name))
    this.settings.channels.push(name)
    await this.opts.settings.save()
    this.emit('follows')
    return chat
  }

  async setName (name: string): Promise<void> {
    this.settings.name = name
    await this.opts.settings.save()
  }

  async leave (name: string): Promise<void> {
    const chat = this.chats.get(name)
    if (!chat || chat.ref.kind !== 'channel') throw hallwayError('NOT_FOLLOWING', `you are not in ${name}`)
    this.chats.delete(name)
    this.byDk.delete(chat.keys.discoveryKey.toString('hex'))
    this.opts.ctx.markers.delete(name)
    chat.close()
    this.settings.channels = this.settings.channels.filter(c => c !== name)
    await this.opts.settings.save()
    this.emit('follows')
  }

  async followDirect (id: string): Promise<Chat> {
    const key = chatKey(direct(id))
    const existing = this.chats.get(key)
    if (existing) return existing
    if (id === this.opts.ctx.identity.id) throw hallwayError('BAD_ARGUMENT', 'a direct message to yourself: write it down instead')
    if (!isValidPublicKey(Buffer.from(id, 'hex'))) throw hallwayError('UNKNOWN_PERSON', `@${id} is not a person's key`)
    const chat = await this.follow(direct(id), this.directKeys_(id))
    // Saved only once followed: a chat that failed to open must not come
    // back at every start.
    if (!this.settings.dms.includes(id)) this.settings.dms.push(id)
    await this.opts.settings.save()
    this.emit('follows')
    void chat.recount()
    return chat
  }

  // A person seen for the first time: remember the discovery key of the
  // direct chat we would have, so that one they open is followed.
  noteIdentity (id: string): string | null {
    if (id === this.opts.ctx.identity.id) return null
    const dk = this.directKeys_(id).discoveryKey.toString('hex')
    this.directKeys.set(dk, id)
    return dk
  }

  // A peer follows these chats: follow the direct chats it opened with us
  // and, on a relay, carry the rest, charged to the peer (`from`; null: a
  // verified relay, not charged). Resolves true if we follow more now.
  async followFor (dks: Iterable<string>, from: Carrier | null = null): Promise<boolean> {
    const fresh: Array<Promise<unknown>> = []
    let refused = 0
    for (const dk of dks) {
      const id = this.directKeys.get(dk)
      if (id !== undefined && !this.settings.dms.includes(id)) fresh.push(this.followDirect(id))
      else if (this.opts.relay && !this.byDk.has(dk)) {
        if (from === null || this.carry.take(from)) fresh.push(this.followBlind(dk))
        else refused++
      }
    }
    const blind = fresh.length > 0 && this.opts.relay
    if (refused > 0 && from !== null) {
      this.opts.ctx.log.warn({ peer: from.identity.slice(0, 16), address: from.address, refused, total: this.carry.refused, reason: this.carry.reason(from) }, 'peer asked to carry more chats than its budget: refused')
    }
    await Promise.all(fresh)
    // Chats carried blind are news to peers too (a relay tells relays).
    if (blind) this.emit('follows')
    return fresh.length > 0
  }

  // What this node stores: every chat it follows, readable or not.
  storage (): { chats: number, feeds: number, blocks: number, bytes: number } {
    let feeds = 0
    let blocks = 0
    let bytes = 0
    for (const set of this.sets()) {
      for (const f of set.feeds.values()) {
        const s = f.stored()
        feeds++
        blocks += s.blocks
        bytes += s.bytes
      }
    }
    return { chats: this.chats.size + this.blind.size, feeds, blocks, bytes }
  }

  // Blocks of our own feeds that none of these peers has yet.
  unsyncedTo (devices: Set<string>): number {
    let missing = 0
    for (const chat of this.chats.values()) missing += chat.unsyncedTo(devices)
    return missing
  }

  async close (): Promise<void> {
    await Promise.all([...this.chats.values()].map(c => c.drain().catch(() => {})))
    for (const set of this.sets()) set.close()
    for (const chat of this.chats.values()) chat.close()
    await this.opts.settings.save()
  }

  private directKeys_ (id: string): ChatKeys {
    return this.opts.workspace.direct(this.opts.ctx.identity.identity, Buffer.from(id, 'hex'))
  }

  private async follow (ref: ChatRef, keys: ChatKeys): Promise<Chat> {
    const chat = new Chat(ref, keys, this.opts.ctx)
    const dk = keys.discoveryKey.toString('hex')
    this.chats.set(chat.key, chat)
    this.byDk.set(dk, chat.feeds)
    chat.feeds.on('feed', w => this.onFeed(chat.feeds, w))
    await chat.open(this.settings.feeds[dk] ?? [])
    if (this.showing) chat.show([])
    return chat
  }

  // Relay mode: carry a chat known only by its discovery key.
  private async followBlind (dk: string): Promise<void> {
    if (this.byDk.has(dk)) return
    if (this.blind.size >= MAX_BLIND_CHATS) {
      this.opts.ctx.log.warn({ max: MAX_BLIND_CHATS }, 'not carrying more chats')
      return
    }
    const set = new BlindSet(Buffer.from(dk, 'hex'), this.opts.ctx.store, this.opts.ctx.fetch)
    this.blind.set(dk, set)
    this.byDk.set(dk, set)
    set.on('feed', f => this.onFeed(set, f))
    if (!this.settings.blind.includes(dk)) {
      this.settings.blind.push(dk)
      this.opts.settings.save().catch(this.opts.ctx.hooks.error)
    }
    for (const hex of this.settings.feeds[dk] ?? []) await set.add(Buffer.from(hex, 'hex'))
  }

  private onFeed (set: FeedSet, f: WriterFeed): void {
    const dk = set.discoveryKey.toString('hex')
    if (!f.own) {
      const list = this.settings.feeds[dk] ??= []
      if (!list.includes(f.hex)) {
        list.push(f.hex)
        this.opts.settings.save().catch(this.opts.ctx.hooks.error)
      }
    }
    this.emit('feed', set, f)
  }
}

// #general first, then by name.
function channelOrder (a: string, b: string): number {
  if (a === '#general') return -1
  if (b === '#general') return 1
  return a.localeCompare(b)
}
