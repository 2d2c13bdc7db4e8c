// The workspace directory: who is called what, and which channels exist.
// Built from the entries of the directory chat, where every device writes its
// person's profile and the channels it creates. The newest profile by HLC
// wins, so every node agrees on a person's name.
import { EventEmitter } from 'node:events'
import { compareHlc } from './hlc.ts'
import type { PositionedEntry } from './chat-view.ts'
import type { Hlc } from '../wire/index.ts'

interface NameRecord { name: string, hlc: Hlc }

export interface DirectoryEvents {
  name: [identity: string, name: string, previous: string | null]
  channel: [name: string]
}

export class Directory extends EventEmitter<DirectoryEvents> {
  private readonly names = new Map<string, NameRecord>()
  readonly channels = new Set<string>(['#general'])

  apply (entries: PositionedEntry[]): void {
    for (const { entry, feed } of entries) {
      if (entry.type === 'profile') this.setName(feed.identity, entry.name, entry.hlc)
      else if (entry.type === 'channel' && !this.channels.has(entry.name)) {
        this.channels.add(entry.name)
        this.emit('channel', entry.name)
      }
    }
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
