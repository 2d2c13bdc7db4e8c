// What a node says to its peers and does with what they say, over each
// connection's live channel (peer-links.ts): the hello (names, presence, a
// relay's way into the swarm), which chats each side follows (following the
// direct chats others open with us, a relay carrying the rest), the writer
// feeds of each chat (added to our chats, and gossiped on), and, before
// quitting, handing what we wrote to the connected relays.
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { FeedSet } from '../feed/feed-set.ts'
import type { Log } from '../log.ts'
import type { Live, WriterInfo } from '../wire/index.ts'
import type { Audience, ChatList } from './chat-list.ts'
import type { Directory } from './directory.ts'
import type { PeerLink } from './peer-link.ts'
import { PeerLinks } from './peer-links.ts'
import type { Presence } from './presence.ts'
import type { RelayTrust } from './relay-trust.ts'

export interface PeerSyncOptions {
  chats: ChatList
  directory: Directory
  presence: Presence
  // Which peers that say they are relays are (relay-trust.ts).
  trust: RelayTrust
  // This node's identity (hex): its other devices are party to its chats.
  self: () => string
  log: Log
  hello: () => Live
  away: () => boolean
  // Corestore replication over the same connection.
  replicate: (stream: NoiseSecretStream) => void
  // The peer proved who it is (ConnectionGate.proven: no longer pending).
  proven: (stream: NoiseSecretStream) => void
  // A verified relay said where its HyperDHT bootstrap listens.
  relayMet: (host: string, dhtPort: number) => void
  status: (identity: string, away: boolean) => void
  closing: () => boolean
  onError: (err: unknown) => void
}

const FLUSH_POLL_MS = 25

export class PeerSync {
  readonly links: PeerLinks
  private readonly opts: PeerSyncOptions

  constructor (opts: PeerSyncOptions) {
    this.opts = opts
    this.links = new PeerLinks({
      log: opts.log,
      hello: opts.hello,
      away: opts.away,
      visible: link => this.visibleTo(link),
      mayKnow: (link, dk) => {
        const a = opts.chats.audienceOf(dk)
        return a !== null && this.mayKnow(link, dk, a)
      }
    })
    opts.chats.on('follows', () => this.announceFollows())
    opts.chats.on('feed', (set, f) => this.links.gossip(set, f))
  }

  // A connected, handshaken stream: replication plus the live channel.
  attach (stream: NoiseSecretStream): void {
    this.opts.replicate(stream)
    const device = stream.remotePublicKey!.toString('hex')
    this.opts.presence.connected(device)
    this.links.add(stream, {
      hello: l => this.onHello(l),
      follow: (l, added) => this.onFollow(l, added),
      status: l => this.opts.status(l.identity!, l.away),
      writers: (l, chat, feeds) => { this.onWriters(l, chat, feeds).catch(this.opts.onError) },
      close: l => this.opts.presence.disconnected(l.device)
    })
  }

  announceFollows (): void {
    this.links.announceFollows(this.opts.chats.sets())
  }

  // A person seen for the first time: if a peer already follows the direct
  // chat we would have with them, they opened it: follow it too.
  noteIdentity (id: string): void {
    const dk = this.opts.chats.noteIdentity(id)
    if (dk !== null && this.links.anyFollows(dk)) this.opts.chats.followFor([dk]).catch(this.opts.onError)
  }

  // Blocks of our own feeds that no connected relay holds yet.
  unsyncedToRelays (): number {
    const relays = this.links.relays()
    return relays.size === 0 ? 0 : this.opts.chats.unsyncedTo(relays)
  }

  // Before quitting: give connected relays a moment to take what we wrote,
  // so that it reaches people who are offline (DESIGN.md §7). Hypercore
  // says how far a peer has got only through its peer state, so this looks
  // again every few milliseconds until the deadline.
  async flushToRelays (timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (this.unsyncedToRelays() > 0) {
      if (Date.now() > deadline) return false
      await new Promise(resolve => setTimeout(resolve, FLUSH_POLL_MS))
    }
    return true
  }

  private onHello (link: PeerLink): void {
    this.opts.proven(link.stream)
    this.opts.directory.hint(link.identity!, link.name)
    this.opts.presence.identified(link.device, link.identity!)
    const address = link.address
    link.verifiedRelay = this.opts.trust.verify({ device: link.device, relay: link.relay, address })
    // A verified relay met over mDNS leads into the swarm that spans sub-nets.
    if (link.verifiedRelay && link.dhtPort > 0 && address) this.opts.relayMet(address, link.dhtPort)
    this.opts.log.info({ peer: link.device.slice(0, 16), name: link.name, relay: link.verifiedRelay }, 'peer connected')
    // Now that we know who it is: what it may know of what we follow.
    this.links.announceTo(link, this.opts.chats.sets())
  }

  // On a relay, the chats a peer makes it carry are charged to that peer
  // (chat-list.ts, CarryBudget); a verified relay is not charged.
  private onFollow (link: PeerLink, added: string[]): void {
    const from = link.verifiedRelay ? null : { identity: link.identity!, address: link.address ?? 'memory' }
    // What we follow anew is announced to all ('follows'); then this peer
    // is told the rest: a relay echoes the carried chats it follows, and
    // anyone gets the writers of chats it follows and may know of.
    this.opts.chats.followFor(added, from).then(() => this.links.announceTo(link, this.opts.chats.sets()), this.opts.onError)
  }

  // The chats this peer may learn that we follow: channels and the
  // directory to all; a direct chat to the other person, our own other
  // devices and verified relays (DESIGN.md §6: who talks to whom). A chat
  // carried blind to all: a relay cannot tell who is in it, and the other
  // person of a direct chat learns from this list that one is waiting for
  // them (only its members can tell whose it is).
  private visibleTo (link: PeerLink): Set<string> {
    const out = new Set<string>()
    for (const set of this.opts.chats.sets()) {
      const dk = set.discoveryKey.toString('hex')
      const a = this.opts.chats.audienceOf(dk)
      if (a !== null && this.mayKnow(link, dk, a)) out.add(dk)
    }
    return out
  }

  private mayKnow (link: PeerLink, _dk: string, a: Audience): boolean {
    switch (a.kind) {
      case 'public': return true
      case 'direct': return link.verifiedRelay || link.identity === a.person || link.identity === this.opts.self()
      case 'blind': return true
    }
  }

  private async onWriters (link: PeerLink, dk: string, feeds: WriterInfo[]): Promise<void> {
    const set = this.opts.chats.bySet(dk)
    if (!set) return
    const fresh = feeds.filter(f => !set.has(Buffer.from(f.key).toString('hex'))).map(f => f.key)
    if (fresh.length === 0) return
    const chat = this.opts.chats.chatOf(set)
    const rejected = chat ? await chat.addFeeds(fresh) : await addAll(set, fresh)
    if (rejected > 0 && !this.opts.closing()) link.rejected(rejected)
    this.opts.log.debug({ chat: set.name, from: link.device.slice(0, 16), feeds: fresh.length }, 'writers learned')
  }
}

async function addAll (set: FeedSet, keys: Uint8Array[]): Promise<number> {
  const results = await Promise.all(keys.map(k => set.add(k)))
  return results.filter(ok => !ok).length
}
