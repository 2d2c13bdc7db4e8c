// The open connections' live channels and what is said on them: the hello,
// the followed chats (to each peer only those it may know of, as deltas in
// pages: follow-frames.ts), writer lists (in full once per chat and peer,
// in pages, then one new feed at a time; only to peers that may know of the
// chat), away status. Queries about connected peers (verified relays, away)
// answer from here.
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Log } from '../log.ts'
import { MAX_WRITERS_PER_FRAME, type Live, type WriterInfo } from '../wire/index.ts'
import type { FeedSet, WriterFeed } from '../feed/feed-set.ts'
import { followFrames } from './follow-frames.ts'
import { PeerLink, type PeerLinkHandlers } from './peer-link.ts'

export interface PeerLinksOptions {
  log: Log
  hello: () => Live
  // The chats (hex discovery keys) this peer may learn that we follow.
  visible: (link: PeerLink) => Set<string>
  // May this peer learn about this chat (its writers)?
  mayKnow: (link: PeerLink, dk: string) => boolean
  away: () => boolean
}

export class PeerLinks {
  private readonly links = new Set<PeerLink>()
  private readonly opts: PeerLinksOptions

  constructor (opts: PeerLinksOptions) {
    this.opts = opts
  }

  get size (): number {
    return this.links.size
  }

  add (stream: NoiseSecretStream, handlers: PeerLinkHandlers): PeerLink {
    const link = new PeerLink(stream, {
      ...handlers,
      close: l => {
        this.links.delete(l)
        handlers.close(l)
      }
    }, this.opts.log)
    this.links.add(link)
    // Our follows wait for the peer's hello: who it is decides what it is told.
    link.live.on('open', () => {
      link.live.send(this.opts.hello())
      if (this.opts.away()) link.live.send({ type: 'status', away: true })
    })
    return link
  }

  // Peers that told us (hello) who they are.
  private * known (): Generator<PeerLink> {
    for (const link of this.links) if (link.identity !== null) yield link
  }

  // Our followed chats changed: tell everyone what changed of what they may
  // know, and send writer lists for chats they follow and had none of from us.
  announceFollows (sets: FeedSet[]): void {
    for (const link of this.known()) this.announceTo(link, sets)
  }

  announceTo (link: PeerLink, sets: FeedSet[]): void {
    const next = this.opts.visible(link)
    const told = link.told
    // A peer of before reads only whole sets: it is sent one on every change.
    if (told === null || told.size !== next.size || [...next].some(dk => !told.has(dk))) {
      for (const f of followFrames(told, next, link.deltas)) link.live.send(f)
    }
    link.told = next
    this.sendWriters(link, sets)
  }

  sendWriters (link: PeerLink, sets: FeedSet[]): void {
    for (const set of sets) {
      const dk = set.discoveryKey.toString('hex')
      if (!link.follows.has(dk) || link.sent.has(dk) || !this.opts.mayKnow(link, dk)) continue
      link.sent.add(dk)
      // In pages: a chat's writers never meet the per-frame cap.
      const feeds = [...set.feeds.values()].map(writerInfo)
      for (let i = 0; i === 0 || i < feeds.length; i += MAX_WRITERS_PER_FRAME) {
        link.live.send({ type: 'writers', chat: set.discoveryKey, feeds: feeds.slice(i, i + MAX_WRITERS_PER_FRAME) })
      }
    }
  }

  // A new writer of a chat: tell the peers that follow it, may know of it,
  // and have had its list already (others get the whole list when they follow).
  gossip (set: FeedSet, f: WriterFeed): void {
    const dk = set.discoveryKey.toString('hex')
    for (const link of this.links) {
      if (link.sent.has(dk) && link.follows.has(dk) && this.opts.mayKnow(link, dk)) link.live.send({ type: 'writers', chat: set.discoveryKey, feeds: [writerInfo(f)] })
    }
  }

  anyFollows (dk: string): boolean {
    for (const link of this.links) if (link.follows.has(dk)) return true
    return false
  }

  status (away: boolean): void {
    for (const link of this.known()) link.live.send({ type: 'status', away })
  }

  // Connected relays this node verified (relay-trust.ts), by device key.
  relays (): Set<string> {
    const out = new Set<string>()
    for (const link of this.links) if (link.verifiedRelay) out.add(link.device)
    return out
  }

  // Away only if every connected device of the person says so.
  isAway (identity: string): boolean {
    let any = false
    for (const link of this.links) {
      if (link.identity !== identity) continue
      if (!link.away) return false
      any = true
    }
    return any
  }

  destroyAll (): void {
    for (const link of this.links) link.stream.destroy()
  }
}

function writerInfo (f: WriterFeed): WriterInfo {
  return { key: f.key, length: f.length, last: f.last }
}
