// Read markers: per chat, the newest message this person has seen, as its
// place in the chat's order (HLC, device). Kept in `read.json` in the data
// folder: the person's own data, never replicated, never readable by peers.
import path from 'node:path'
import { JsonFile } from '../json-file.ts'
import type { Position, StoredMessage } from './chat-message.ts'
import { compareHlc, type Hlc } from '../wire/index.ts'

export interface ReadMark { hlc: Hlc, device: string }

// Before every message: a chat whose marker is this is wholly unread.
export const START: ReadMark = { hlc: { wall: 0, logical: 0 }, device: '' }

export const READ_FILE = 'read.json'
const SAVE_DELAY_MS = 1000

export function isAfter (m: StoredMessage, mark: ReadMark): boolean {
  return compareToMark(m, mark) > 0
}

// The order of messages (chat-message.ts): the clock, then the device key's
// bytes. The key is decoded only on a tie of clocks, which is rare.
function compareToMark (p: Position, mark: ReadMark): number {
  return compareHlc(p.hlc, mark.hlc) || p.device.compare(Buffer.from(mark.device, 'hex'))
}

// Markers move with every message sent and every chat shown: they are
// written at most once a second (and at close), not once per move with an
// fsync each — that cost 2x in latency under load (docs/PERFORMANCE.md).
export class ReadMarkers {
  private readonly file: JsonFile<Map<string, ReadMark>>

  constructor (dir: string) {
    this.file = new JsonFile(path.join(dir, READ_FILE), {
      empty: () => new Map(),
      parse,
      // Markers are a convenience: damaged, start afresh.
      damaged: () => new Map(),
      stringify: marks => JSON.stringify({ version: 1, marks: Object.fromEntries(marks) }) + '\n',
      saveDelayMs: SAVE_DELAY_MS
    })
  }

  async load (): Promise<void> {
    await this.file.load()
  }

  get (chat: string): ReadMark | undefined {
    return this.file.value.get(chat)
  }

  // Markers only move forward.
  set (chat: string, mark: ReadMark): boolean {
    const prev = this.file.value.get(chat)
    if (prev && compareToMark({ hlc: prev.hlc, device: Buffer.from(prev.device, 'hex') }, mark) >= 0) return false
    this.file.value.set(chat, mark)
    this.file.saveSoon()
    return true
  }

  delete (chat: string): void {
    if (this.file.value.delete(chat)) this.file.saveSoon()
  }

  save (): Promise<void> {
    return this.file.save().catch(() => {
      // A failed write (disk full) is retried with the next change.
    })
  }
}

function parse (v: unknown): Map<string, ReadMark> {
  const out = new Map<string, ReadMark>()
  const marks = (v as { marks?: Record<string, unknown> } | null)?.marks ?? {}
  for (const [chat, raw] of Object.entries(marks)) {
    const m = raw as Partial<ReadMark> | null
    const wall = Number(m?.hlc?.wall)
    const logical = Number(m?.hlc?.logical)
    if (Number.isSafeInteger(wall) && Number.isSafeInteger(logical) && typeof m?.device === 'string') {
      out.set(chat, { hlc: { wall, logical }, device: m.device })
    }
  }
  return out
}
