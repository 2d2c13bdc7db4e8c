// The workspace directory: who is called what, and which channels exist.
// Built from the entries of the directory chat, where every device writes its
// person's profile and the channels it creates. The newest profile by HLC
// wins, so every node agrees on a person's name. Channels are bounded per
// person and in all (docs/security.md, "Storage"): past either cap a new
// channel is refused and counted, so `/channels` stays a list a person can
// read however many a peer announces.
//
// Who is shown plain when names collide (docs/decisions.md, "Names"): names
// collide when their skeletons are equal (wire/name-skeleton.ts: `аlice`,
// `ALICE`, `alice` + a blank). Of those, the person with the earliest claim
// shows as `alice`, everybody else as `alice.<first 12 hex digits of the
// identity key>`. A claim is the HLC of the person's first profile entry
// with that skeleton; a hint (a feed header's or a hello's name) is no claim
// and loses to any profile; hint against hint, the one this node saw first.
// The rule reads only signed entries, so every node that holds the same
// entries shows the same names, whatever order they arrived in, and a
// newcomer's hello or fresh profile never changes how a known person shows.
import { EventEmitter } from 'node:events'
import type { Log } from '../log.ts'
import { compareHlc } from './hlc.ts'
import type { PositionedEntry } from './chat-view.ts'
import { nameSkeleton, type Hlc } from '../wire/index.ts'

// 48 bits: finding a key with a given 12-digit prefix takes ~2^48 key
// generations (the 16-bit suffix fell in 15,006 tries).
export const SUFFIX_HEX = 12
// `@alice.3f2a`: at least this many digits pick a person by key prefix.
const MIN_PREFIX_HEX = 4
// Claims kept per person (the earliest): a person who renames a hundred
// times keeps the first few names' claims, and holds no more memory.
const MAX_CLAIMS = 8

const NO_HLC: Hlc = { wall: 0, logical: 0 }

interface NameRecord {
  name: string
  // The newest profile's HLC, or NO_HLC for a hint.
  hlc: Hlc
  skeleton: string
  // When this node first heard of the person: orders hints only.
  seen: number
}

export interface DirectoryEvents {
  name: [identity: string, name: string, previous: string | null]
  channel: [name: string]
  // A channel past a cap (counted in channelRefusals).
  refused: [reason: ChannelRefusal]
}

export function displaySuffix (identity: string): string {
  return identity.slice(0, SUFFIX_HEX)
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
  // Per person: skeleton -> the HLC of their first profile with it.
  private readonly claims = new Map<string, Map<string, Hlc>>()
  // Per skeleton: the people whose current name has it.
  private readonly groups = new Map<string, Set<string>>()
  private seen = 0
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
  // profile entry says otherwise, and claims nothing.
  hint (identity: string, name: string): void {
    if (!this.names.has(identity)) this.setName(identity, name, null)
  }

  name (identity: string): string {
    return this.names.get(identity)?.name ?? 'anon'
  }

  // `alice`, or `alice.3f2a9c01be47` when someone else holds the name.
  display (identity: string): string {
    const rec = this.names.get(identity)
    if (!rec) return 'anon'
    return this.holder(rec.skeleton) === identity ? rec.name : `${rec.name}.${displaySuffix(identity)}`
  }

  // Whether a name (or a look-alike of it) is someone's: the API hands no
  // such name to a new member.
  taken (name: string): boolean {
    return (this.groups.get(nameSkeleton(name))?.size ?? 0) > 0
  }

  // Who `@name` means: the holder of the name (or of a look-alike), or by
  // `name.<hex prefix>` the people of that name whose key starts so.
  byName (name: string): string[] {
    const out: string[] = []
    const m = /^(.+)\.([0-9a-f]+)$/i.exec(name)
    if (m && m[2]!.length >= MIN_PREFIX_HEX) {
      const prefix = m[2]!.toLowerCase()
      for (const id of this.groups.get(nameSkeleton(m[1]!)) ?? []) if (id.startsWith(prefix)) out.push(id)
      if (out.length > 0) return out
    }
    const holder = this.holder(nameSkeleton(name))
    return holder === null ? [] : [holder]
  }

  // The person shown plain among those whose names share `skeleton`.
  private holder (skeleton: string): string | null {
    let best: string | null = null
    for (const id of this.groups.get(skeleton) ?? []) {
      if (best === null || this.before(id, best, skeleton)) best = id
    }
    return best
  }

  // Earliest claim first; any claim before none; equal claims by key (the
  // same on every node); no claims by who this node saw first.
  private before (a: string, b: string, skeleton: string): boolean {
    const ca = this.claims.get(a)?.get(skeleton) ?? null
    const cb = this.claims.get(b)?.get(skeleton) ?? null
    if (ca !== null && cb !== null) return compareHlc(ca, cb) < 0 || (compareHlc(ca, cb) === 0 && a < b)
    if (ca !== null || cb !== null) return ca !== null
    return this.names.get(a)!.seen < this.names.get(b)!.seen
  }

  private claim (identity: string, skeleton: string, hlc: Hlc): void {
    let mine = this.claims.get(identity)
    if (!mine) this.claims.set(identity, mine = new Map())
    const old = mine.get(skeleton)
    if (old && compareHlc(old, hlc) <= 0) return
    mine.set(skeleton, hlc)
    if (mine.size <= MAX_CLAIMS) return
    // Keep the earliest claims: the same ones on every node.
    let latest: [string, Hlc] | null = null
    for (const [s, h] of mine) if (latest === null || compareHlc(h, latest[1]) > 0) latest = [s, h]
    mine.delete(latest![0])
  }

  private setName (identity: string, name: string, hlc: Hlc | null): void {
    const skeleton = nameSkeleton(name)
    if (hlc !== null) this.claim(identity, skeleton, hlc)
    const prev = this.names.get(identity)
    if (prev && compareHlc(prev.hlc, hlc ?? NO_HLC) >= 0) return
    if (prev) this.groups.get(prev.skeleton)?.delete(identity)
    if (prev && this.groups.get(prev.skeleton)?.size === 0) this.groups.delete(prev.skeleton)
    this.names.set(identity, { name, hlc: hlc ?? NO_HLC, skeleton, seen: prev?.seen ?? this.seen++ })
    let group = this.groups.get(skeleton)
    if (!group) this.groups.set(skeleton, group = new Set())
    group.add(identity)
    if (!prev || prev.name !== name) this.emit('name', identity, name, prev ? prev.name : null)
  }
}
