// The workspace directory: who is called what, and which channels exist.
// Built from the entries of the directory chat, where every device writes its
// person's profile and the channels it creates. The newest profile by HLC
// wins, so every node agrees on a person's name. Channels are bounded per
// person and in all (docs/security.md, "Storage"): past either cap a new
// channel is refused and counted, so `/channels` stays a list a person can
// read however many a peer announces.
import { EventEmitter } from 'node:events'
import type { Log } from '../log.ts'
import { compareHlc } from './hlc.ts'
import type { PositionedEntry } from './chat-view.ts'
import type { Hlc } from '../wire/index.ts'

interface NameRecord { name: string, hlc: Hlc }

export interface DirectoryEvents {
  name: [identity: string, name: string, previous: string | null]
  channel: [name: string]
  // A channel past a cap (counted in channelRefusals).
  refused: [reason: ChannelRefusal]
}

export interface ChannelLimits {
  // Channels one person (identity) may create.
  perIdentity: number
  // Channels listed in all, #general included.
  total: number
}

export const DEFAULT_CHANNEL_LIMITS: ChannelLimits = { perIdentity: 100, total: 1000 }

export type ChannelRefusal = 'channels-per-identity' | 'channels-total'

export class Directory extends EventEmitter<DirectoryEvents> {
  private readonly names = new Map<string, NameRecord>()
  readonly channels = new Set<string>(['#general'])
  readonly channelRefusals: Record<ChannelRefusal, number> = { 'channels-per-identity': 0, 'channels-total': 0 }
  private readonly channelLimits: ChannelLimits
  private readonly log: Log | null
  // channels each person created (only people who created one)
  private readonly channelsBy = new Map<string, number>()
  // people already warned about, so a flood is one line, not thousands
  private readonly warned = new Set<string>()

  constructor (opts: { channelLimits?: ChannelLimits, log?: Log } = {}) {
    super()
    this.channelLimits = opts.channelLimits ?? DEFAULT_CHANNEL_LIMITS
    this.log = opts.log ?? null
  }

  apply (entries: PositionedEntry[]): void {
    for (const { entry, feed } of entries) {
      if (entry.type === 'profile') this.setName(feed.identity, entry.name, entry.hlc)
      else if (entry.type === 'channel' && !this.channels.has(entry.name)) this.addChannel(entry.name, feed.identity)
    }
  }

  private addChannel (name: string, identity: string): void {
    const mine = this.channelsBy.get(identity) ?? 0
    const reason: ChannelRefusal | null = mine >= this.channelLimits.perIdentity
      ? 'channels-per-identity'
      : this.channels.size >= this.channelLimits.total ? 'channels-total' : null
    if (reason) {
      this.channelRefusals[reason]++
      if (!this.warned.has(identity)) {
        this.warned.add(identity)
        this.log?.warn({ identity: identity.slice(0, 16), reason, limits: this.channelLimits }, 'channel refused')
      }
      this.emit('refused', reason)
      return
    }
    this.channelsBy.set(identity, mine + 1)
    this.channels.add(name)
    this.emit('channel', name)
  }

  // A name seen elsewhere (a feed header, a hello) counts only until a
  // profile entry says otherwise.
  hint (identity: string, name: string): void {
    if (!this.names.has(identity)) this.setName(identity, name, { wall: 0, logical: 0 })
  }

  name (identity: string): string {
    return this.names.get(identity)?.name ?? 'anon'
  }

  // `alice`, or `alice.3f2a` when two people share the name.
  display (identity: string): string {
    const name = this.name(identity)
    for (const [other, rec] of this.names) {
      if (other !== identity && rec.name === name) return `${name}.${identity.slice(0, 4)}`
    }
    return name
  }

  byName (name: string): string[] {
    const out: string[] = []
    for (const [id, rec] of this.names) if (rec.name === name || `${rec.name}.${id.slice(0, 4)}` === name) out.push(id)
    return out
  }

  private setName (identity: string, name: string, hlc: Hlc): void {
    const prev = this.names.get(identity)
    if (prev && compareHlc(prev.hlc, hlc) >= 0) return
    this.names.set(identity, { name, hlc })
    if (!prev || prev.name !== name) this.emit('name', identity, name, prev ? prev.name : null)
  }
}
