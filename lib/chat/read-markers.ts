// Read markers: per chat, the newest message this person has seen, as its
// place in the chat's order (HLC, device). Kept in `read.json` in the data
// folder: the person's own data, never replicated, never readable by peers.
import fs from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../identity/write-file-atomic.ts'
import { compareHlc } from './hlc.ts'
import type { StoredMessage } from './chat-message.ts'
import type { Hlc } from '../wire/index.ts'

export interface ReadMark { hlc: Hlc, device: string }

// Before every message: a chat whose marker is this is wholly unread.
export const START: ReadMark = { hlc: { wall: 0, logical: 0 }, device: '' }

export const READ_FILE = 'read.json'
const SAVE_DELAY_MS = 1000

export function isAfter (m: StoredMessage, mark: ReadMark): boolean {
  return (compareHlc(m.hlc, mark.hlc) || m.device.toString('hex').localeCompare(mark.device)) > 0
}

export class ReadMarkers {
  private readonly file: string
  private marks = new Map<string, ReadMark>()
  private writing: Promise<void> = Promise.resolve()
  private queued = false
  private timer: NodeJS.Timeout | null = null

  constructor (dir: string) {
    this.file = path.join(dir, READ_FILE)
  }

  async load (): Promise<void> {
    let v: unknown
    try {
      v = JSON.parse(await fs.readFile(this.file, 'utf8'))
    } catch (err) {
      // Missing or damaged: markers are a convenience, start afresh.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err
      return
    }
    const marks = (v as { marks?: Record<string, unknown> } | null)?.marks ?? {}
    for (const [chat, raw] of Object.entries(marks)) {
      const m = raw as Partial<ReadMark> | null
      const wall = Number(m?.hlc?.wall)
      const logical = Number(m?.hlc?.logical)
      if (Number.isSafeInteger(wall) && Number.isSafeInteger(logical) && typeof m?.device === 'string') {
        this.marks.set(chat, { hlc: { wall, logical }, device: m.device })
      }
    }
  }

  get (chat: string): ReadMark | undefined {
    return this.marks.get(chat)
  }

  // Markers only move forward.
  set (chat: string, mark: ReadMark): boolean {
    const prev = this.marks.get(chat)
    if (prev && (compareHlc(prev.hlc, mark.hlc) || prev.device.localeCompare(mark.device)) >= 0) return false
    this.marks.set(chat, mark)
    this.saveSoon()
    return true
  }

  delete (chat: string): void {
    if (this.marks.delete(chat)) this.saveSoon()
  }

  // Markers move with every message sent and every chat shown: write them
  // at most once a second (and at close), not once per move with an fsync
  // each — that cost 2x in latency under load (docs/PERFORMANCE.md).
  private saveSoon (): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.save()
    }, SAVE_DELAY_MS)
    this.timer.unref()
  }

  save (): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.queued) return this.writing
    this.queued = true
    this.writing = this.writing.then(async () => {
      this.queued = false
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, marks: Object.fromEntries(this.marks) }) + '\n', 0o600)
    }).catch(() => {
      // A failed write (disk full) is retried with the next change.
    })
    return this.writing
  }
}
