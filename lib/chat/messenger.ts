// The composition root of a node: store, identity, views, connections and
// discovery wired together behind the typed interface of events.ts. It
// wires; the deciding lives in the views, the directory, presence and the
// peer links.
import { EventEmitter } from 'node:events'
import fs from 'node:fs/promises'
import os from 'node:os'
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type Hypercore from 'hypercore'
import { diskFullOr, hallwayError } from '../errors.ts'
import { FeedStore } from '../feed/feed-store.ts'
import { FeedWriter } from '../feed/feed-writer.ts'
import { signFeed } from '../identity/device-certificate.ts'
import { loadOrCreateIdentity, type Identity } from '../identity/identity.ts'
import { Workspace, type ChatKeys } from '../identity/workspace.ts'
import { Mdns } from '../discovery/mdns.ts'
import { silentLog, type Log } from '../log.ts'
import { ConnectionGate } from '../net/connection-gate.ts'
import { Connector, type StaticPeer } from '../net/connector.ts'
import { DEFAULT_PORT, Transport } from '../net/transport.ts'
import { Swarm } from '../net/swarm.ts'
import { hash } from '../identity/keys.ts'
import { HEADER_VERSION, isValidName, LIVE_VERSION, MAX_TEXT_CHARS, type Entry, type WriterInfo } from '../wire/index.ts'
import { messageId, type StoredMessage } from './chat-message.ts'
import { BlindChat } from './blind-chat.ts'
import { ChatView } from './chat-view.ts'
import type { FeedSet, WriterFeed } from './feed-set.ts'
import { Directory } from './directory.ts'
import type { ChatSummary, Member, MessageEvent, MessengerEvents, Person, UnreadEvent } from './events.ts'
import { HlcClock } from './hlc.ts'
import type { PeerLink } from './peer-link.ts'
import { PeerLinks } from './peer-links.ts'
import { Presence } from './presence.ts'
import { MessageGate } from './message-gate.ts'
import { ReadMarkers, START } from './read-markers.ts'
import { UnreadCounter } from './unread-counter.ts'
import { readSettings, SettingsFile } from './settings.ts'

export interface MessengerOptions {
  dataDir: string
  name?: string | null
  workspaceKey?: Uint8Array
  // Networking; `network: false` leaves connections to addConnection() (tests).
  network?: boolean
  port?: number
  portIsExplicit?: boolean
  host?: string
  mdns?: boolean
  peers?: StaticPeer[]
  // How many messages a chat shows on joining (DESIGN.md §5: tail first).
  historyCount?: number
  // Relay mode: follow (blind, by discovery key) every chat peers follow and
  // store every feed; announce the HyperDHT bootstrap port in the hello.
  relay?: boolean
  dhtPort?: number
  // Join the workspace's Hyperswarm through these bootstrap nodes (relays).
  swarmBootstrap?: Array<{ host: string, port: number }>
  // Fetches a writer feed's blocks. Default: the whole feed, in the
  // background (tail first is the views' job). The relay passes its storage
  // policy, which fetches in bounded ranges.
  fetchFeed?: (core: Hypercore) => void
  log?: Log
  clock?: () => number
}

const DIRECTORY = '~directory'
const MAX_BLIND_CHATS = 20000

export class Messenger extends EventEmitter<MessengerEvents> {
  readonly opts: MessengerOptions
  readonly log: Log
  readonly workspace: Workspace
  readonly presence = new Presence()
  readonly directory = new Directory()
  identity!: Identity
  // Every connection enters through it, network or not (memoryPair, tests).
  connectionGate!: ConnectionGate
  port: number | null = null
  private readonly store: FeedStore
  private settings!: SettingsFile
  private readonly clock: HlcClock
  private readonly views = new Map<string, ChatView>()
  private readonly blind = new Map<string, BlindChat>()
  private swarm: Swarm | null = null
  private readonly writers = new Map<string, FeedWriter>()
  private readonly links: PeerLinks
  private transport: Transport | null = null
  private mdns: Mdns | null = null
  private connector: Connector | null = null
  private readonly sessionStart: number
  private opening: Promise<void> | null = null
  private closing: Promise<void> | null = null
  private isReady = false
  private away = false
  private readonly markers: ReadMarkers
  private readonly unread_: UnreadCounter
  private readonly gate: MessageGate
  // Discovery keys of the direct chats we could have, by the other person.
  private readonly directKeys = new Map<string, string>()

  constructor (opts: MessengerOptions) {
    super()
    this.opts = opts
    this.log = opts.log ?? silentLog
    this.workspace = new Workspace(opts.workspaceKey)
    this.store = new FeedStore(opts.dataDir)
    this.markers = new ReadMarkers(opts.dataDir)
    this.unread_ = new UnreadCounter({
      markers: this.markers,
      self: () => this.id,
      onChange: (chat, count) => this.emit('unread', { chat: this.publicName(chat), chatKey: chat, count }),
      onError: err => this.backgroundError(err)
    })
    this.clock = new HlcClock(opts.clock)
    this.sessionStart = (opts.clock ?? Date.now)()
    this.links = new PeerLinks({
      log: this.log,
      followed: () => this.followedKeys(),
      away: () => this.away,
      hello: () => ({
        type: 'hello',
        version: LIVE_VERSION,
        identity: this.identity.identity.publicKey,
        certificate: this.identity.certificate,
        name: this.name,
        relay: this.opts.relay === true,
        dhtPort: this.opts.relay ? (this.opts.dhtPort ?? 0) : 0
      })
    })
    this.gate = new MessageGate({
      sessionStart: this.sessionStart,
      historyCount: opts.historyCount ?? 20,
      show: (view, m, history) => {
        if (this.views.get(view.name) === view) this.emit('message', this.toEvent(view, m, history))
      }
    })
    this.presence.on('online', id => this.emit('peer', { state: 'online', id, name: this.directory.display(id) }))
    this.presence.on('offline', id => this.emit('peer', { state: 'offline', id, name: this.directory.display(id) }))
    this.directory.on('name', (id, name, previous) => {
      if (previous === null) this.noteIdentity(id)
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

  ready (): Promise<void> {
    this.opening ??= this.open().catch(err => { throw diskFullOr(err) })
    return this.opening
  }

  private async open (): Promise<void> {
    await fs.mkdir(this.opts.dataDir, { recursive: true, mode: 0o700 })
    await this.store.ready() // first: it holds the data folder's lock
    this.identity = await loadOrCreateIdentity(this.opts.dataDir)
    this.connectionGate = new ConnectionGate({ keyPair: this.identity.device, log: this.log })
    this.connectionGate.on('connection', stream => this.attach(stream))
    this.settings = new SettingsFile(this.opts.dataDir, await readSettings(this.opts.dataDir))
    await this.markers.load()
    const s = this.settings.value
    const name = this.opts.name ?? s.name ?? defaultName()
    if (!isValidName(name)) throw hallwayError('BAD_NAME', `${name} is not a valid name: 1-32 characters, no spaces, @ or #`)
    this.directory.hint(this.id, name)

    await this.follow(DIRECTORY, this.workspace.directory(), true)
    if (this.directory.name(this.id) !== name || s.name !== name) await this.setName(name)
    for (const chat of s.channels) await this.follow(chat, this.workspace.channel(chat))
    for (const id of s.dms) await this.follow('@' + id, this.direct(id))
    for (const dk of s.blind) await this.followBlind(dk)

    if (this.opts.network !== false) await this.startNetwork()
    this.isReady = true
    this.emit('ready', { id: this.id, name: this.name, port: this.port })
    // What was on disk: the newest messages of every chat, oldest first.
    for (const view of this.chatViews()) this.gate.history(view, view.messages.slice(-this.historyCount))
    this.gate.open = true
    for (const view of this.chatViews()) void this.recount(view)
  }

  private async startNetwork (): Promise<void> {
    const log = this.log
    this.transport = new Transport({
      gate: this.connectionGate,
      port: this.opts.port ?? DEFAULT_PORT,
      portIsExplicit: this.opts.portIsExplicit ?? this.opts.port !== undefined,
      ...(this.opts.host ? { host: this.opts.host } : {}),
      log
    })
    this.port = await this.transport.listen()
    if (this.opts.mdns !== false) {
      this.mdns = new Mdns({ publicKey: this.identity.device.publicKey, port: this.port, workspaceTag: this.workspace.tag, log })
    }
    this.connector = new Connector(this.transport, this.connectionGate, this.mdns, log)
    this.mdns?.start()
    for (const peer of this.opts.peers ?? []) this.connector.addStatic(peer)
    // In the background: a swarm lookup can take seconds, mDNS peers need not wait.
    if (this.opts.swarmBootstrap?.length) this.startSwarm(this.opts.swarmBootstrap).catch(err => this.backgroundError(err))
    log.info({ port: this.port, mdns: this.mdns !== null, peers: this.opts.peers?.length ?? 0 }, 'listening')
  }

  // ---------------------------------------------------------------- API

  chats (): ChatSummary[] {
    const joined = this.settings.value.channels
    const all = new Set([...joined, ...this.directory.channels])
    const channels = [...all].sort(chatOrder).map(name => ({ name, key: name, joined: joined.includes(name), direct: false }))
    const direct = this.settings.value.dms.map(id => ({ name: this.publicName('@' + id), key: '@' + id, joined: true, direct: true }))
    return [...channels, ...direct.sort((a, b) => a.name.localeCompare(b.name))]
  }

  // Chats this person is in: channels, then direct messages.
  joined (): string[] {
    return [...this.settings.value.channels, ...this.settings.value.dms.map(id => this.publicName('@' + id))]
  }

  // `#dev` or `@bob` as people type it -> the chat's internal name (`@` +
  // identity key for direct chats). Ambiguous or unknown names are errors.
  resolve (chat: string): string {
    if (!chat.startsWith('@')) return chat
    if (/^@[0-9a-f]{64}$/.test(chat)) return chat // a chat key
    const ids = this.directory.byName(chat.slice(1)).filter(id => id !== this.id)
    if (ids.length === 1) return '@' + ids[0]
    if (ids.length === 0) throw hallwayError('UNKNOWN_PERSON', `nobody called ${chat} has been seen in this workspace`)
    throw hallwayError('AMBIGUOUS_NAME', `${chat} could be ${ids.map(id => `@${this.directory.name(id)}.${id.slice(0, 4)}`).join(' or ')}`)
  }

  // The name people see: `#dev`, or `@` and the other person's name.
  publicName (internal: string): string {
    return internal.startsWith('@') && internal.length === 65 ? '@' + this.directory.display(internal.slice(1)) : internal
  }

  // Opens (or finds) the direct chat with a person; returns its public name.
  async openDirect (person: string): Promise<string> {
    const internal = this.resolve(person.startsWith('@') ? person : '@' + person)
    if (!internal.startsWith('@')) throw hallwayError('UNKNOWN_PERSON', `${person} is not a person`)
    await this.followDirect(internal.slice(1))
    return this.publicName(internal)
  }

  async markRead (chat: string): Promise<void> {
    const view = this.viewOf(chat)
    const last = view.messages[view.messages.length - 1]
    if (last) this.markers.set(view.name, { hlc: last.hlc, device: last.device.toString('hex') })
    await this.recount(view)
  }

  // Chats with unread messages, exact once every count has settled.
  async unread (): Promise<UnreadEvent[]> {
    // Counting can wait for blocks a peer has yet to send: answer with what
    // is counted after a moment rather than hang the caller.
    await Promise.race([this.unread_.settled(), new Promise(resolve => setTimeout(resolve, 2000).unref())])
    return this.chatViews()
      .map(v => ({ chat: this.publicName(v.name), chatKey: v.name, count: this.unread_.count(v.name) }))
      .filter(u => u.count > 0)
  }

  async send (chat: string, text: string): Promise<{ id: string, ts: number }> {
    if (text.trim().length === 0) throw hallwayError('EMPTY_MESSAGE', 'nothing to send')
    if (text.length > MAX_TEXT_CHARS) throw hallwayError('MESSAGE_TOO_LONG', `a message has at most ${MAX_TEXT_CHARS} characters`)
    const view = this.viewOf(chat)
    const writer = this.writers.get(view.name)!
    const hlc = this.clock.now()
    const w = await writer.append({ type: 'message', text, hlc })
    // Writing in a chat means having read it up to here.
    if (this.markers.set(view.name, { hlc, device: this.identity.device.publicKey.toString('hex') })) void this.recount(view)
    return { id: messageId(writer.core.key!, w.block, w.offset), ts: hlc.wall }
  }

  async join (chat: string): Promise<void> {
    if (this.views.has(chat)) return
    await this.follow(chat, this.workspace.channel(chat))
    this.settings.value.channels.push(chat)
    await this.settings.save()
    if (!this.directory.channels.has(chat)) await this.writers.get(DIRECTORY)!.append({ type: 'channel', name: chat, hlc: this.clock.now() })
    this.announceFollows()
    this.emit('chats')
    this.gate.history(this.views.get(chat)!, await this.views.get(chat)!.tail(this.historyCount))
  }

  async leave (chat: string): Promise<void> {
    if (chat === '#general') throw hallwayError('CANNOT_LEAVE_GENERAL', '#general cannot be left')
    if (chat.startsWith('@')) throw hallwayError('CANNOT_LEAVE_DIRECT', 'direct messages stay in the list; there is nothing to leave')
    const view = this.views.get(chat)
    if (!view) throw hallwayError('NOT_FOLLOWING', `you are not in ${chat}`)
    this.views.delete(chat)
    this.markers.delete(chat)
    this.unread_.forget(chat)
    this.writers.delete(chat)
    view.close()
    this.settings.value.channels = this.settings.value.channels.filter(c => c !== chat)
    await this.settings.save()
    this.announceFollows()
    this.emit('chats')
  }

  async setName (name: string): Promise<void> {
    if (!isValidName(name)) throw hallwayError('BAD_NAME', 'a name has 1-32 characters, no spaces, @ or #')
    await this.writers.get(DIRECTORY)!.append({ type: 'profile', name, hlc: this.clock.now() })
    this.settings.value.name = name
    await this.settings.save()
  }

  members (chat: string): Member[] {
    const view = this.viewOf(chat)
    chat = view.name
    const ids = new Set(view.members().keys())
    ids.add(this.id)
    // Everyone is in #general: it cannot be left.
    if (chat === '#general') for (const id of this.presence.online()) ids.add(id)
    return [...ids].map(id => {
      const self = id === this.id
      return { ...this.person(id), online: self || this.presence.isOnline(id), away: self ? this.away : this.links.isAway(id), self }
    }).sort((a, b) => Number(b.online) - Number(a.online) || Number(a.away) - Number(b.away) || a.display.localeCompare(b.display))
  }

  // Idle for a while (the UI decides when); peers show the person as away.
  setAway (away: boolean): void {
    if (this.away === away) return
    this.away = away
    this.emit('status', { id: this.id, away })
    this.links.status(away)
  }

  // Is a relay among the connected peers?
  relayConnected (): boolean {
    return this.links.relays().size > 0
  }

  // The newest n messages of a chat, fetched tail first across its feeds.
  // The newest n messages of a chat, or the n before message `before`.
  async history (chat: string, n: number, before?: string): Promise<MessageEvent[]> {
    const view = this.viewOf(chat)
    let list = await view.tail(n)
    if (before !== undefined) {
      // Widen until the anchor and n older messages are loaded, or the
      // chat has nothing older.
      for (let want = n * 2; ; want *= 2) {
        const i = view.messages.findIndex(m => m.id === before)
        const total = view.messages.length
        if (i >= n || (i >= 0 && total < want) || (i < 0 && total < want / 2)) {
          list = i < 0 ? [] : view.messages.slice(Math.max(0, i - n), i)
          break
        }
        await view.tail(want)
      }
    }
    return list.map(m => this.toEvent(view, m, true))
  }

  // What this node stores: every chat it follows, readable or not.
  storage (): { chats: number, feeds: number, blocks: number, bytes: number } {
    let feeds = 0
    let blocks = 0
    let bytes = 0
    for (const set of this.feedSets()) {
      for (const f of set.feeds.values()) {
        feeds++
        blocks += f.core.contiguousLength
        bytes += f.core.byteLength
      }
    }
    return { chats: this.views.size + this.blind.size, feeds, blocks, bytes }
  }

  // Blocks of our own feeds that no connected relay holds yet.
  unsyncedToRelays (): number {
    const relays = this.links.relays()
    if (relays.size === 0) return 0
    let missing = 0
    for (const w of this.writers.values()) {
      let best = 0
      for (const p of w.core.peers) if (relays.has(p.remotePublicKey.toString('hex'))) best = Math.max(best, p.remoteContiguousLength)
      missing += Math.max(0, w.core.length - best)
    }
    return missing
  }

  // Before quitting: give connected relays a moment to take what we wrote,
  // so that it reaches people who are offline (DESIGN.md §7).
  async flushToRelays (timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (this.unsyncedToRelays() > 0) {
      if (Date.now() > deadline) return false
      await new Promise(resolve => setTimeout(resolve, 25))
    }
    return true
  }

  connections (): number {
    return this.links.size
  }

  peers (): Person[] {
    return this.presence.online().map(id => this.person(id))
  }

  person (id: string): Person {
    return { id, name: this.directory.name(id), display: this.directory.display(id) }
  }

  // Hand the node a secret stream made elsewhere: it enters through the
  // connection gate like every other (lib/net/connection-gate.ts).
  addConnection (stream: NoiseSecretStream): void {
    void this.connectionGate.admit(stream)
  }

  // A connection the gate kept: replication plus the live channel.
  private attach (stream: NoiseSecretStream): void {
    if (this.closing) {
      stream.destroy()
      return
    }
    this.store.replicate(stream)
    const device = stream.remotePublicKey!.toString('hex')
    this.presence.connected(device)
    this.links.add(stream, {
      hello: l => this.onHello(l),
      follow: l => this.onFollow(l),
      status: l => this.emit('status', { id: l.identity!, away: l.away }),
      writers: (l, chat, feeds) => { this.onWriters(l, chat, feeds).catch(err => this.backgroundError(err)) },
      close: l => this.presence.disconnected(l.device)
    })
  }

  close (): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async shutdown (): Promise<void> {
    if (this.opening) await this.opening.catch(() => {})
    if (this.isReady && !(await this.flushToRelays())) this.log.warn({ missing: this.unsyncedToRelays() }, 'quitting before a relay had everything we wrote')
    this.connector?.close()
    await this.swarm?.close().catch(err => this.log.warn({ err: String(err) }, 'swarm close failed'))
    await this.mdns?.close().catch(err => this.log.warn({ err: String(err) }, 'mdns close failed'))
    await this.transport?.close()
    this.links.destroyAll()
    await Promise.all([...this.writers.values()].map(w => w.drain().catch(() => {})))
    for (const set of this.feedSets()) set.close()
    await this.settings?.save()
    await this.markers.save()
    await this.store.close()
  }

  // ---------------------------------------------------------- internals

  private viewOf (chat: string): ChatView {
    const internal = this.resolve(chat)
    const view = internal === DIRECTORY ? undefined : this.views.get(internal)
    if (!view) throw hallwayError('NOT_FOLLOWING', `you are not in ${chat}${chat.startsWith('#') ? `: /join ${chat} first` : ''}`)
    return view
  }

  private direct (id: string): ChatKeys {
    return this.workspace.direct(this.identity.identity, Buffer.from(id, 'hex'))
  }

  // A person seen for the first time: remember the discovery key of the
  // direct chat we would have, so that one they open is followed.
  private noteIdentity (id: string): void {
    if (!this.identity || id === this.id) return
    const dk = this.direct(id).discoveryKey.toString('hex')
    this.directKeys.set(dk, id)
    if (this.links.anyFollows(dk)) this.followDirect(id).catch(err => this.backgroundError(err))
  }

  private async followDirect (id: string): Promise<void> {
    const name = '@' + id
    if (this.views.has(name) || this.settings.value.dms.includes(id)) return
    if (id === this.id) throw hallwayError('BAD_ARGUMENT', 'a direct message to yourself: write it down instead')
    this.settings.value.dms.push(id)
    await this.follow(name, this.direct(id))
    await this.settings.save()
    this.announceFollows()
    this.emit('chats')
    void this.recount(this.views.get(name)!)
  }

  private onFollow (link: PeerLink): void {
    const fresh: Array<Promise<void>> = []
    for (const dk of link.follows) {
      const id = this.directKeys.get(dk)
      if (id !== undefined && !this.settings.value.dms.includes(id)) fresh.push(this.followDirect(id))
      else if (this.opts.relay && !this.setByDiscovery(dk)) fresh.push(this.followBlind(dk))
    }
    if (fresh.length === 0) return this.links.sendWriters(link, this.feedSets())
    Promise.all(fresh).then(() => this.announceFollows(), err => this.backgroundError(err))
  }

  private recount (view: ChatView): Promise<void> {
    return view.name === DIRECTORY ? Promise.resolve() : this.unread_.recount(view)
  }

  private chatViews (): ChatView[] {
    return [...this.views.values()].filter(v => v.name !== DIRECTORY)
  }

  private readonly fetchFeed = (core: Hypercore): void => {
    if (this.opts.fetchFeed) this.opts.fetchFeed(core)
    else core.download({ start: 0, end: -1 })
  }

  private feedSets (): FeedSet[] {
    return [...this.views.values(), ...this.blind.values()]
  }

  private followedKeys (): Buffer[] {
    return this.feedSets().map(v => v.keys.discoveryKey)
  }

  private setByDiscovery (hex: string): FeedSet | undefined {
    for (const v of this.views.values()) if (v.keys.discoveryKey.toString('hex') === hex) return v
    return this.blind.get(hex)
  }

  // Relay mode: carry a chat known only by its discovery key.
  private async followBlind (dk: string): Promise<void> {
    if (this.blind.has(dk) || this.setByDiscovery(dk)) return
    // Peers name chats freely; a flood of made-up ones must not grow the
    // relay without bound.
    if (this.blind.size >= MAX_BLIND_CHATS) {
      this.log.warn({ max: MAX_BLIND_CHATS }, 'not carrying more chats')
      return
    }
    const chat = new BlindChat(Buffer.from(dk, 'hex'), this.fetchFeed)
    this.blind.set(dk, chat)
    chat.on('feed', f => this.onFeed(chat, f))
    if (!this.settings.value.blind.includes(dk)) {
      this.settings.value.blind.push(dk)
      this.settings.save().catch(err => this.backgroundError(err))
    }
    for (const hex of this.settings.value.feeds[dk] ?? []) {
      await chat.addFeed(await this.store.remote(Buffer.from(hex, 'hex'), null), false)
    }
  }

  // Join the workspace's swarm through a relay's bootstrap node (other
  // sub-nets, VPNs). Once per process, with the first relay known.
  private async startSwarm (bootstrap: Array<{ host: string, port: number }>): Promise<void> {
    if (this.swarm || this.closing || this.opts.network === false) return
    this.swarm = new Swarm({
      gate: this.connectionGate,
      bootstrap,
      topic: hash(['hallway/swarm-topic/v1'], this.workspace.key),
      log: this.log
    })
    await this.swarm.join()
  }

  private async follow (name: string, keys: ChatKeys, full = false): Promise<void> {
    const view = new ChatView({ name, keys, log: this.log, full, initialTail: this.historyCount, fetch: this.fetchFeed, liveSince: this.sessionStart, ...(this.opts.clock ? { clock: this.opts.clock } : {}) })
    this.views.set(name, view)
    // A channel's past is history, not unread; a direct chat is all for us.
    if (name !== DIRECTORY && !this.markers.get(name)) this.markers.set(name, name.startsWith('@') ? START : { hlc: this.clock.now(), device: '' })
    view.on('added', msgs => this.onAdded(view, msgs))
    view.on('entries', entries => {
      for (const e of entries) this.clock.observe(e.entry.hlc)
      this.directory.apply(entries)
    })
    view.on('feed', f => this.onFeed(view, f))

    const own = await this.store.own(keys)
    if (own.length === 0) await this.writeHeader(own, keys)
    this.writers.set(name, new FeedWriter(own, this.store.checkSpace))
    await view.addFeed(own, true)
    const known = this.settings.value.feeds[keys.discoveryKey.toString('hex')] ?? []
    // Feeds learned in earlier sessions: their local blocks show at once.
    await Promise.all(known.map(async hex => {
      const core = await this.store.remote(Buffer.from(hex, 'hex'), keys.key)
      // Shown at once if its newest blocks are on disk; otherwise (never
      // fetched, or a download cut short) it waits for a peer in the
      // background rather than holding up the start.
      const adding = view.addFeed(core, false).catch(err => this.backgroundError(err))
      const n = this.historyCount
      if (core.length > 0 && await core.has(0) && await core.has(Math.max(1, core.length - n), core.length)) await adding
    }))
  }

  private async writeHeader (core: Hypercore, keys: ChatKeys): Promise<void> {
    const entry: Entry = {
      type: 'header',
      hlc: this.clock.now(),
      header: {
        version: HEADER_VERSION,
        identity: this.identity.identity.publicKey,
        device: this.identity.device.publicKey,
        certificate: this.identity.certificate,
        feedSignature: signFeed(this.identity.device, core.key!, keys.id),
        chat: keys.id,
        name: this.directory.name(this.id)
      }
    }
    await new FeedWriter(core).append(entry)
  }

  private onFeed (view: FeedSet, f: WriterFeed): void {
    if (view instanceof ChatView) {
      const state = view.feeds.get(f.hex)!
      this.directory.hint(state.identity, state.header.name)
    }
    const dk = view.keys.discoveryKey.toString('hex')
    if (!f.own) {
      const list = this.settings.value.feeds[dk] ??= []
      if (!list.includes(f.hex)) {
        list.push(f.hex)
        this.settings.save().catch(err => this.backgroundError(err))
      }
    }
    this.links.gossip(view, f)
    if (view instanceof ChatView && view.name !== DIRECTORY) this.emit('members', this.publicName(view.name))
  }

  private onHello (link: PeerLink): void {
    this.directory.hint(link.identity!, link.name)
    this.presence.identified(link.device, link.identity!)
    // A relay met over mDNS leads into the swarm that spans sub-nets.
    const address = link.stream.rawStream?.remoteAddress
    if (link.relay && link.dhtPort > 0 && address && this.opts.network !== false && !this.opts.relay) {
      this.startSwarm([{ host: address.replace(/^::ffff:/, ''), port: link.dhtPort }]).catch(err => this.backgroundError(err))
    }
    this.log.info({ peer: link.device.slice(0, 16), name: link.name }, 'peer connected')
  }

  private announceFollows (): void {
    this.links.announceFollows(this.feedSets())
  }

  private async onWriters (link: PeerLink, dk: string, feeds: WriterInfo[]): Promise<void> {
    const set = this.setByDiscovery(dk)
    if (!set) return
    const fresh = feeds.filter(f => !set.has(Buffer.from(f.key).toString('hex')))
    if (fresh.length === 0) return
    // Hold the chat's output until every new feed has its tail loaded, so
    // that a joiner sees one ordered batch of the newest messages.
    const view = set instanceof ChatView ? set : null
    if (view) this.gate.hold(view)
    let rejected = 0
    try {
      await Promise.all(fresh.map(async f => {
        const core = await this.store.remote(f.key, set.keys.key)
        if (this.closing) return
        if (!(await set.addFeed(core, false))) rejected++
      }))
    } finally {
      if (view) this.gate.release(view)
    }
    if (rejected > 0) link.rejected(rejected)
    this.log.debug({ chat: set.name, from: link.device.slice(0, 16), feeds: fresh.length }, 'writers learned')
  }

  private onAdded (view: ChatView, msgs: StoredMessage[]): void {
    for (const m of msgs) this.clock.observe(m.hlc)
    if (view.name !== DIRECTORY) this.gate.added(view, msgs)
    // Catching up can change the count without showing anything.
    if (this.isReady) void this.recount(view)
  }

  private toEvent (view: ChatView, m: StoredMessage, history: boolean): MessageEvent {
    return { chat: this.publicName(view.name), chatKey: view.name, id: m.id, from: this.person(m.identity), text: m.text, ts: m.hlc.wall, history, own: m.identity === this.id }
  }

  private backgroundError (err: unknown): void {
    if (this.closing) return
    this.log.warn({ err: String(err) }, 'background task failed')
  }
}

function chatOrder (a: string, b: string): number {
  if (a === '#general') return -1
  if (b === '#general') return 1
  return a.localeCompare(b)
}

function defaultName (): string {
  let user = ''
  try {
    user = os.userInfo().username
  } catch {
    // no passwd entry (some containers): fall back below
  }
  const clean = [...user.replace(/[\s@#]/g, '')].slice(0, 32).join('')
  return isValidName(clean) ? clean : 'anon'
}
