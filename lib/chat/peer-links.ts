// The open connections' live channels and what is said on them: the hello,
// the followed chats, writer lists (in full once per chat and peer, then one
// new feed at a time), away status. Queries about connected peers (relays,
// away) answer from here.
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Log } from '../log.ts'
import type { Live, WriterInfo } from '../wire/index.ts'
import type { FeedSet, WriterFeed } from '../feed/feed-set.ts'
import { PeerLink, type PeerLinkHandlers } from './peer-link.ts'

export interface PeerLinksOptions {
  log: Log
  hello: () => Live
  followed: () => Buffer[]
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
    link.live.on('open', () => {
      link.live.send(this.opts.hello())
      link.live.send({ type: 'follow', chats: this.opts.followed() })
      if (this.opts.away()) link.live.send({ type: 'status', away: true })
    })
    return link
  }

  // Peers that told us (hello) who they are.
  private * known (): Generator<PeerLink> {
    for (const link of this.links) if (link.identity !== null) yield link
  }

  // Our followed chats changed: tell everyone, and send writer lists for
  // chats they follow and had none of from us.
  announceFollows (sets: FeedSet[]): void {
    const chats = this.opts.followed()
    for (const link of this.known()) {
      link.live.send({ type: 'follow', chats })
      this.sendWriters(link, sets)
    }
  }

  sendWriters (link: PeerLink, sets: FeedSet[]): void {
    for (const set of sets) {
      const dk = set.discoveryKey.toString('hex')
      if (!link.follows.has(dk) || link.sent.has(dk)) continue
      link.sent.add(dk)
      link.live.send({ type: 'writers', chat: set.discoveryKey, feeds: [...set.feeds.values()].map(writerInfo) })
    }
  }

  // A new writer of a chat: tell the peers that follow it and have had its
  // list already (others get the whole list when they follow).
  gossip (set: FeedSet, f: WriterFeed): void {
    const dk = set.discoveryKey.toString('hex')
    for (const link of this.links) {
      if (link.sent.has(dk) && link.follows.has(dk)) link.live.send({ type: 'writers', chat: set.discoveryKey, feeds: [writerInfo(f)] })
    }
  }

  anyFollows (dk: string): boolean {
    for (const link of this.links) if (link.follows.has(dk)) return true
    return false
  }

  status (away: boolean): void {
    for (const link of this.known()) link.live.send({ type: 'status', away })
  }

  relays (): Set<string> {
    const out = new Set<string>()
    for (const link of this.links) if (link.relay) out.add(link.device)
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
