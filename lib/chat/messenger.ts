// The root of a node: store, identity, chats, peers and network wired
// together behind the typed interface of events.ts. It wires and answers
// queries; the deciding lives in the chats (chat.ts, chat-list.ts), the
// peer protocol (peer-sync.ts), the directory and presence.
import { EventEmitter } from 'node:events'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { securePrivateFolder } from '../data-folder.ts'
import { diskFullOr, hallwayError, safetyCatch } from '../errors.ts'
import { FeedStore } from '../feed/feed-store.ts'
import { wholeFeed } from '../feed/fetch-policy.ts'
import { loadOrCreateIdentity, type Identity } from '../identity/identity.ts'
import { Workspace } from '../identity/workspace.ts'
import { silentLog, type Log } from '../log.ts'
import { ConnectionGate } from '../net/connection-gate.ts'
import { checkName, checkText, LIVE_VERSION, type Live } from '../wire/index.ts'
import type { StoredMessage } from './chat-message.ts'
import { ChatList } from './chat-list.ts'
import { ChatNames } from './chat-names.ts'
import type { Chat, ChatContext } from './chat.ts'
import { defaultName } from './default-name.ts'
import { Directory } from './directory.ts'
import type { ChatSummary, Member, MessageEvent, MessengerEvents, Person, UnreadEvent } from './events.ts'
import { HlcClock } from './hlc.ts'
import { memberList } from './member-list.ts'
import type { MessengerOptions } from './messenger-options.ts'
import { NodeNetwork } from './node-network.ts'
import { PeerSync } from './peer-sync.ts'
import { Presence } from './presence.ts'
import { ReadMarkers } from './read-markers.ts'
import { RelayTrust } from './relay-trust.ts'
import { readSettings, SettingsFile } from './settings.ts'

export type { MessengerOptions }

export class Messenger extends EventEmitter<MessengerEvents> {
  readonly opts: MessengerOptions
  readonly log: Log
  readonly workspace: Workspace
  readonly presence = new Presence()
  readonly directory: Directory
  identity!: Identity
  // Every connection enters here, whatever carries it (lib/net/).
  connectionGate!: ConnectionGate
  private readonly store: FeedStore
  private readonly markers: ReadMarkers
  private readonly clock: HlcClock
  private readonly names: ChatNames
  private chatList!: ChatList
  private sync!: PeerSync
  private network: NodeNetwork | null = null
  private opening: Promise<void> | null = null
  private closing: Promise<void> | null = null
  private isReady = false
  // Messages stamped from here on are live, the rest history.
  private readonly sessionStart: number
  private away = false

  constructor (opts: MessengerOptions) {
    super()
    this.opts = opts
    this.log = opts.log ?? silentLog
    this.directory = new Directory({ log: this.log })
    this.workspace = new Workspace(opts.workspaceKey)
    this.store = new FeedStore(opts.dataDir)
    this.markers = new ReadMarkers(opts.dataDir)
    this.clock = new HlcClock(opts.clock)
    this.sessionStart = (opts.clock ?? Date.now)()
    this.names = new ChatNames(this.directory, () => this.id)
    this.presence.on('online', id => this.emit('peer', { state: 'online', id, name: this.directory.display(id) }))
    this.presence.on('offline', id => this.emit('peer', { state: 'offline', id, name: this.directory.display(id) }))
    this.directory.on('name', (id, name, previous) => {
      if (previous === null) this.sync?.noteIdentity(id)
      else this.emit('nick', { id, name, previous })
    })
    this.directory.on('channel', () => this.emit('chats'))
  }

  get id (): string {
    return this.identity.id
  }

  get name (): string {
    return this.directory.name(this.identity.id)
  }

  get historyCount (): number {
    return this.opts.historyCount ?? 20
  }

  get port (): number | null {
    return this.network?.port ?? null
  }

  ready (): Promise<void> {
    this.opening ??= this.open().catch(err => { throw diskFullOr(err) })
    return this.opening
  }

  private async open (): Promise<void> {
    const { opts } = this
    // Private to the user, checked at each start (lib/data-folder.ts).
    const tightened = await securePrivateFolder(opts.dataDir)
    if (tightened.length > 0) this.log.warn({ paths: tightened.slice(0, 20), count: tightened.length }, 'data folder was readable by others: made private')
    await this.store.ready() // first: it holds the data folder's lock
    this.identity = await loadOrCreateIdentity(opts.dataDir)
    this.connectionGate = new ConnectionGate({ keyPair: this.identity.device, log: this.log, ...(opts.connectionLimits ? { limits: opts.connectionLimits } : {}) })
    const settings = new SettingsFile(opts.dataDir, await readSettings(opts.dataDir))
    await this.markers.load()
    const name = opts.name ?? settings.value.name ?? defaultName()
    checkName(name)
    this.directory.hint(this.id, name)
    this.chatList = new ChatList({ ctx: this.chatContext(), workspace: this.workspace, settings, relay: opts.relay === true, ...(opts.carryBudget ? { carryBudget: opts.carryBudget } : {}) })
    this.chatList.on('follows', () => this.emit('chats'))
    this.sync = new PeerSync({
      chats: this.chatList,
      directory: this.directory,
      presence: this.presence,
      trust: await RelayTrust.open(opts.relayKeys ?? [], opts.swarmBootstrap ?? [], this.log),
      self: () => this.id,
      log: this.log,
      hello: () => this.hello(),
      away: () => this.away,
      replicate: stream => this.store.replicate(stream),
      proven: stream => this.connectionGate.proven(stream),
      // A node (not a relay) that meets a relay joins the swarm through it.
      relayMet: (host, port) => { if (!opts.relay) this.network?.joinSwarm([{ host, port }]) },
      status: (id, away) => this.emit('status', { id, away }),
      closing: () => this.closing !== null,
      onError: err => this.backgroundError(err)
    })
    this.connectionGate.on('connection', stream => this.attach(stream))
    await this.chatList.openDirectory()
    if (this.directory.name(this.id) !== name || settings.value.name !== name) await this.setName(name)
    await this.chatList.openSaved()

    if (opts.network !== false) {
      this.network = new NodeNetwork(opts, { gate: this.connectionGate, workspace: this.workspace, log: this.log, onError: err => this.backgroundError(err) })
      await this.network.start()
    }
    this.isReady = true
    this.emit('ready', { id: this.id, name: this.name, port: this.port })
    // What was on disk: the newest messages of every chat, oldest first.
    this.chatList.show()
  }

  private chatContext (): ChatContext {
    return {
      store: this.store,
      fetch: this.opts.fetch ?? wholeFeed,
      log: this.log,
      identity: this.identity,
      name: () => this.name,
      clock: this.clock,
      wallClock: this.opts.clock ?? Date.now,
      sessionStart: this.sessionStart,
      historyCount: this.historyCount,
      markers: this.markers,
      directory: this.directory,
      hooks: {
        message: (chat, m, history) => this.emit('message', this.toEvent(chat, m, history)),
        unread: (chat, count) => this.emit('unread', { chat: this.publicName(chat.key), chatKey: chat.key, count }),
        feed: chat => { if (chat.counted) this.emit('members', this.publicName(chat.key)) },
        error: err => this.backgroundError(err)
      }
    }
  }

  // ---------------------------------------------------------------- queries

  chats (): ChatSummary[] {
    return this.chatList.summaries(this.directory.channels, key => this.publicName(key))
  }

  joined (): string[] {
    return this.chatList.joined(key => this.publicName(key))
  }

  resolve (chat: string): string {
    return this.names.resolve(chat)
  }

  publicName (key: string): string {
    return this.names.publicName(key)
  }

  // Chats with unread messages, exact once every count has settled.
  async unread (): Promise<UnreadEvent[]> {
    const chats = await this.chatList.counted()
    return chats.map(c => ({ chat: this.publicName(c.key), chatKey: c.key, count: c.unreadCount })).filter(u => u.count > 0)
  }

  members (chat: string): Member[] {
    const c = this.chatOf(chat)
    const ids = c.view.writers()
    // Everyone is in #general: it cannot be left.
    if (c.key === '#general') for (const id of this.presence.online()) ids.add(id)
    const { presence, directory } = this
    return memberList(ids, { self: this.id, selfAway: this.away, presence, directory, isAway: id => this.sync.links.isAway(id) })
  }

  // The newest n messages of a chat, or the n before message `before`.
  async history (chat: string, n: number, before?: string): Promise<MessageEvent[]> {
    const c = this.chatOf(chat)
    const list = before === undefined ? await c.view.tail(n) : await c.view.before(n, before)
    return list.map(m => this.toEvent(c, m, true))
  }

  // What this node stores: every chat it follows, readable or not.
  storage (): { chats: number, feeds: number, blocks: number, bytes: number } {
    return this.chatList.storage()
  }

  flushToRelays (timeoutMs?: number): Promise<boolean> {
    return this.sync.flushToRelays(timeoutMs)
  }

  relayConnected (): boolean {
    return this.sync.links.relays().size > 0
  }

  connections (): number {
    return this.sync.links.size
  }

  peers (): Person[] {
    return this.presence.online().map(id => this.person(id))
  }

  person (id: string): Person {
    return { id, name: this.directory.name(id), display: this.directory.display(id) }
  }

  // ---------------------------------------------------------------- actions

  async send (chat: string, text: string): Promise<{ id: string, ts: number }> {
    checkText(text)
    return this.chatOf(chat).send(text)
  }

  async join (name: string): Promise<void> {
    if (this.chatList.get(name)) return
    const chat = await this.chatList.join(name)
    if (!this.directory.channels.has(name)) await this.chatList.directory.append({ type: 'channel', name, hlc: this.clock.now() })
    chat.show(await chat.view.tail(this.historyCount))
  }

  async leave (chat: string): Promise<void> {
    if (chat === '#general') throw hallwayError('CANNOT_LEAVE_GENERAL', '#general cannot be left')
    if (chat.startsWith('@')) throw hallwayError('CANNOT_LEAVE_DIRECT', 'direct messages stay in the list; there is nothing to leave')
    await this.chatList.leave(chat)
  }

  // Opens (or finds) the direct chat with a person; returns its public name.
  async openDirect (person: string): Promise<string> {
    const chat = await this.chatList.followDirect(this.names.person(person))
    return this.publicName(chat.key)
  }

  async markRead (chat: string): Promise<void> {
    await this.chatOf(chat).markRead()
  }

  async setName (name: string): Promise<void> {
    checkName(name)
    await this.chatList.directory.append({ type: 'profile', name, hlc: this.clock.now() })
    await this.chatList.setName(name)
  }

  // Idle for a while (the UI decides when); peers show the person as away.
  setAway (away: boolean): void {
    if (this.away === away) return
    this.away = away
    this.emit('status', { id: this.id, away })
    this.sync?.links.status(away)
  }

  // A secret stream made outside the node's network (tests): it enters
  // through the gate like every other connection.
  addConnection (stream: NoiseSecretStream): void {
    if (this.closing || !this.connectionGate) {
      stream.destroy()
      return
    }
    void this.connectionGate.admit(stream)
  }

  close (): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async shutdown (): Promise<void> {
    if (this.opening) await this.opening.catch(() => {})
    if (this.isReady && !(await this.sync.flushToRelays())) this.log.warn({ missing: this.sync.unsyncedToRelays() }, 'quitting before a relay had everything we wrote')
    await this.network?.close()
    this.sync?.links.destroyAll()
    await this.chatList?.close()
    await this.markers.save()
    await this.store.close()
  }

  // ---------------------------------------------------------------- internals

  private chatOf (chat: string): Chat {
    const c = this.chatList.get(this.resolve(chat))
    if (!c) throw hallwayError('NOT_FOLLOWING', `you are not in ${chat}${chat.startsWith('#') ? `: /join ${chat} first` : ''}`)
    return c
  }

  // A handshaken connection the gate kept: replication plus the live channel.
  private attach (stream: NoiseSecretStream): void {
    if (this.closing) stream.destroy()
    else this.sync.attach(stream)
  }

  private hello (): Live {
    const { identity, certificate } = this.identity
    const relay = this.opts.relay === true
    return { type: 'hello', version: LIVE_VERSION, identity: identity.publicKey, certificate, name: this.name, relay, dhtPort: relay ? (this.opts.dhtPort ?? 0) : 0, deltas: true }
  }

  private toEvent (chat: Chat, m: StoredMessage, history: boolean): MessageEvent {
    return { chat: this.publicName(chat.key), chatKey: chat.key, id: m.id, from: this.person(m.identity), text: m.text, ts: m.hlc.wall, history, own: m.identity === this.id }
  }

  // Fire-and-forget work ends here: operational failures are logged,
  // programmer errors are rethrown (STYLE.md, safety-catch).
  private readonly backgroundError = safetyCatch(err => {
    if (!this.closing) this.log.warn({ err: String(err) }, 'background task failed')
  })
}
