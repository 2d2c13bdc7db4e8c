// The chat layer's side of one connection: Corestore replication plus the
// `hallway/v1` channel. It checks the hello (device certificate against the
// Noise key), remembers what the peer follows and which chats' writers it
// was sent, and hands verified frames to the messenger.
import type NoiseSecretStream from '@hyperswarm/secret-stream'
import { verifyDeviceCertificate } from '../identity/device-certificate.ts'
import { LiveChannel } from '../net/live-channel.ts'
import type { Log } from '../log.ts'
import { MAX_PEER_FOLLOWS, type Live, type WriterInfo } from '../wire/index.ts'
import { applyFollow } from './follow-frames.ts'

export interface PeerLinkHandlers {
  hello (link: PeerLink): void
  // `added`: the chats the frame added to what the peer follows.
  follow (link: PeerLink, added: string[]): void
  writers (link: PeerLink, chat: string, feeds: WriterInfo[]): void
  status (link: PeerLink): void
  close (link: PeerLink): void
}

// A peer that has not said who it is by then is not a hallway node.
export const HELLO_TIMEOUT_MS = 4000
// Announcing writer feeds that fail validation is an attack or a bug; past
// this many the peer is dropped.
export const MAX_BAD_FEEDS = 8

export class PeerLink {
  readonly stream: NoiseSecretStream
  readonly device: string
  readonly live: LiveChannel
  identity: string | null = null
  name = ''
  // The peer says it is a relay; `verifiedRelay`: this node can tell it is
  // (relay-trust.ts). Only the second counts for anything.
  relay = false
  verifiedRelay = false
  dhtPort = 0
  // The peer reads Follow deltas (a node of before does not).
  deltas = false
  away = false
  readonly follows = new Set<string>()
  // The chats we told this peer we follow (null: not told yet).
  told: Set<string> | null = null
  readonly sent = new Set<string>()
  badFeeds = 0
  private readonly handlers: PeerLinkHandlers
  private readonly log: Log

  constructor (stream: NoiseSecretStream, handlers: PeerLinkHandlers, log: Log) {
    this.stream = stream
    this.device = stream.remotePublicKey!.toString('hex')
    this.handlers = handlers
    this.log = log.child({ peer: this.device.slice(0, 16) })
    this.live = new LiveChannel(stream)
    this.live.on('live', frame => this.onFrame(frame))
    this.live.on('invalid', reason => this.log.warn({ reason }, 'invalid frame'))
    const helloTimer = setTimeout(() => {
      if (this.identity !== null) return
      this.log.warn({}, 'no hello in time: dropping peer')
      stream.destroy()
    }, HELLO_TIMEOUT_MS)
    helloTimer.unref()
    stream.once('close', () => {
      clearTimeout(helloTimer)
      handlers.close(this)
    })
  }

  // The remote IP address (null for in-memory links).
  get address (): string | null {
    const raw = this.stream.rawStream as { remoteAddress?: string, remoteHost?: string } | undefined
    const a = raw?.remoteAddress ?? raw?.remoteHost
    return a ? a.replace(/^::ffff:/, '') : null
  }

  // Feeds this peer announced failed validation (checked once a whole
  // writers frame is done, so each rejection is logged and counted). A
  // feed that could not be fetched in time is not counted (it is parked).
  // A relay is not dropped for them: it carries chats it cannot read and
  // passes on feeds others announced, so an invalid one says nothing about
  // the relay (docs/security.md, "Writer feeds that cannot be verified");
  // each one is checked once and remembered, so forwarding costs us one check.
  rejected (n: number): void {
    this.badFeeds += n
    if (this.relay) {
      this.log.warn({ feeds: this.badFeeds, reason: 'forwarded-by-relay' }, 'relay passed on invalid feeds: not held against it')
      return
    }
    if (this.badFeeds < MAX_BAD_FEEDS || this.stream.destroyed) return
    this.log.warn({ feeds: this.badFeeds }, 'peer announced too many invalid feeds: dropping')
    this.stream.destroy()
  }

  private onFrame (frame: Live): void {
    if (frame.type === 'hello') {
      if (this.identity !== null) return this.bad('second hello')
      if (!verifyDeviceCertificate(frame.identity, this.stream.remotePublicKey!, frame.certificate)) {
        this.log.warn({}, 'hello with a bad device certificate: dropping peer')
        this.stream.destroy()
        return
      }
      this.identity = Buffer.from(frame.identity).toString('hex')
      this.name = frame.name
      this.relay = frame.relay
      this.dhtPort = frame.dhtPort
      this.deltas = frame.deltas === true
      this.handlers.hello(this)
      return
    }
    if (this.identity === null) return this.bad(`${frame.type} before hello`)
    if (frame.type === 'follow') {
      const added = applyFollow(this.follows, frame)
      // What a peer follows is held per connection: bounded, like a frame.
      if (this.follows.size > MAX_PEER_FOLLOWS) {
        this.log.warn({ follows: this.follows.size, max: MAX_PEER_FOLLOWS, reason: 'too-many-follows' }, 'peer says it follows too many chats: dropping')
        this.follows.clear()
        this.stream.destroy()
        return
      }
      this.handlers.follow(this, added)
    } else if (frame.type === 'status') {
      this.away = frame.away
      this.handlers.status(this)
    } else {
      this.handlers.writers(this, Buffer.from(frame.chat).toString('hex'), frame.feeds)
    }
  }

  private bad (reason: string): void {
    this.live.invalid++
    this.log.warn({ reason }, 'protocol violation')
  }
}
