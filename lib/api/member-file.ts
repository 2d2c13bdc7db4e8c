// `<relay data>/members.json`: which API members exist and a SHA-256 of
// each one's bearer token, never the token itself, so a copy of the file
// (a backup, a log) cannot be used to act as a member. Written atomically
// (temporary file, fsync, rename), so a crash leaves the old file or the new.
import { createHash, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { hallwayError } from '../errors.ts'

export const MEMBERS_FILE = 'members.json'

export interface MemberRecord { tokenHash: string, created: number }

interface FileShape { version: 1, members: Record<string, MemberRecord> }

export function hashToken (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

let counter = 0

export class MemberFile {
  readonly file: string
  private members = new Map<string, MemberRecord>()
  private readonly byHash = new Map<string, string>()
  private saving: Promise<void> = Promise.resolve()

  constructor (dataDir: string) {
    this.file = path.join(dataDir, MEMBERS_FILE)
  }

  async load (): Promise<void> {
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    const members = parse(text)
    if (!members) throw hallwayError('DATA_CORRUPT', `${this.file} is not a valid members file: fix it, or delete it (API members then need to /connect again)`)
    this.members = members
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

  async add (name: string, token: string, created: number): Promise<void> {
    const tokenHash = hashToken(token)
    this.members.set(name, { tokenHash, created })
    this.byHash.set(tokenHash, name)
    try {
      await this.save()
    } catch (err) {
      this.members.delete(name)
      this.byHash.delete(tokenHash)
      throw err
    }
  }

  // Saves in order, one at a time, each with everything added before it.
  private save (): Promise<void> {
    const next = this.saving.catch(() => {}).then(() => this.write())
    this.saving = next
    return next
  }

  private async write (): Promise<void> {
    const data: FileShape = { version: 1, members: Object.fromEntries(this.members) }
    const tmp = `${this.file}.${process.pid}.${counter++}.tmp`
    const handle = await fs.open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(JSON.stringify(data, null, 2) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tmp, this.file)
  }
}

function parse (text: string): Map<string, MemberRecord> | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof v !== 'object' || v === null) return null
  const { version, members } = v as Partial<FileShape>
  if (version !== 1 || typeof members !== 'object' || members === null) return null
  const out = new Map<string, MemberRecord>()
  for (const [name, rec] of Object.entries(members)) {
    if (typeof rec !== 'object' || rec === null || typeof rec.tokenHash !== 'string' || !/^[0-9a-f]{64}$/.test(rec.tokenHash)) return null
    out.set(name, { tokenHash: rec.tokenHash, created: typeof rec.created === 'number' ? rec.created : 0 })
  }
  return out
}
