// `<relay data>/members.json`: which API members exist and a SHA-256 of
// each one's bearer token, never the token itself, so a copy of the file
// (a backup, a log) cannot be used to act as a member. Written atomically
// by JsonFile, so a crash leaves the old file or the new.
import { createHash, timingSafeEqual } from 'node:crypto'
import path from 'node:path'
import { hallwayError } from '../errors.ts'
import { JsonFile } from '../json-file.ts'

export const MEMBERS_FILE = 'members.json'

// lastUsed: when a request last carried the token (null: never), kept to
// the day, so that members nobody uses can give their slot up
// (member-pool.ts).
export interface MemberRecord { tokenHash: string, created: number, lastUsed: number | null }

// lastUsed is written at most this often per member.
const USE_RESOLUTION_MS = 24 * 3600_000

interface FileShape { version: 1, members: Record<string, MemberRecord> }

export function hashToken (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export class MemberFile {
  readonly file: string
  private readonly json: JsonFile<Map<string, MemberRecord>>
  private readonly byHash = new Map<string, string>()

  constructor (dataDir: string) {
    this.file = path.join(dataDir, MEMBERS_FILE)
    this.json = new JsonFile(this.file, {
      empty: () => new Map(),
      parse: (json, file) => parse(json) ?? corrupt(file),
      damaged: file => corrupt(file),
      stringify: members => JSON.stringify({ version: 1, members: Object.fromEntries(members) } satisfies FileShape, null, 2) + '\n'
    })
  }

  private get members (): Map<string, MemberRecord> {
    return this.json.value
  }

  async load (): Promise<void> {
    const members = await this.json.load()
    this.byHash.clear()
    for (const [name, rec] of members) this.byHash.set(rec.tokenHash, name)
  }

  names (): string[] {
    return [...this.members.keys()]
  }

  has (name: string): boolean {
    return this.members.has(name)
  }

  // The member a token belongs to, or null.
  nameOf (token: string): string | null {
    return this.byHash.get(hashToken(token)) ?? null
  }

  matches (name: string, token: string): boolean {
    const rec = this.members.get(name)
    if (!rec) return false
    return timingSafeEqual(Buffer.from(rec.tokenHash, 'hex'), Buffer.from(hashToken(token), 'hex'))
  }

  record (name: string): Readonly<MemberRecord> | undefined {
    return this.members.get(name)
  }

  async add (name: string, token: string, created: number): Promise<void> {
    const tokenHash = hashToken(token)
    this.members.set(name, { tokenHash, created, lastUsed: null })
    this.byHash.set(tokenHash, name)
    try {
      // Resolves once a write holding this member is on disk.
      await this.json.save()
    } catch (err) {
      this.members.delete(name)
      this.byHash.delete(tokenHash)
      throw err
    }
  }

  // Notes a use; resolves true once that is on disk, false when the day's
  // use is already noted (nothing to write).
  async touch (name: string, at: number): Promise<boolean> {
    const rec = this.members.get(name)
    if (!rec || (rec.lastUsed !== null && at - rec.lastUsed < USE_RESOLUTION_MS)) return false
    rec.lastUsed = at
    await this.json.save()
    return true
  }

  // Forgets the member and its token; resolves once that is on disk.
  async remove (name: string): Promise<void> {
    const rec = this.members.get(name)
    if (!rec) return
    this.members.delete(name)
    this.byHash.delete(rec.tokenHash)
    await this.json.save()
  }
}

function corrupt (file: string): never {
  throw hallwayError('DATA_CORRUPT', `${file} is not a valid members file: fix it, or delete it (API members then need to /connect again)`)
}

function parse (v: unknown): Map<string, MemberRecord> | null {
  if (typeof v !== 'object' || v === null) return null
  const { version, members } = v as Partial<FileShape>
  if (version !== 1 || typeof members !== 'object' || members === null) return null
  const out = new Map<string, MemberRecord>()
  for (const [name, rec] of Object.entries(members)) {
    if (typeof rec !== 'object' || rec === null || typeof rec.tokenHash !== 'string' || !/^[0-9a-f]{64}$/.test(rec.tokenHash)) return null
    out.set(name, {
      tokenHash: rec.tokenHash,
      created: typeof rec.created === 'number' ? rec.created : 0,
      // Files from before lastUsed: their members count as used when made.
      lastUsed: typeof rec.lastUsed === 'number' ? rec.lastUsed : 'lastUsed' in rec && rec.lastUsed === null ? null : typeof rec.created === 'number' ? rec.created : 0
    })
  }
  return out
}
