// The data folder is the user's alone (issue 10, finding 13): it holds the
// identity keys, the Corestore seed (store/), settings.json (who one has
// direct messages with) and hallway.log. Every folder in it is 0700 and
// every file 0600, checked at each start.
//
// A folder found open to the group or others is tightened, not refused:
// the person ran hallway on their own data and expects it to start; the
// log says what was tightened. A folder that belongs to another user is
// refused (DATA_NOT_PRIVATE): its owner could read or replace the keys, and
// chmod could not change that.
import fs from 'node:fs/promises'
import path from 'node:path'
import { hallwayError } from './errors.ts'

export const FOLDER_MODE = 0o700
export const FILE_MODE = 0o600

// Creates `dir` (0700) if missing, then makes it and everything in it
// private. Returns the paths whose modes were tightened. Symbolic links are
// not followed (a link planted in the folder must not make us chmod
// something elsewhere).
export async function securePrivateFolder (dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true, mode: FOLDER_MODE })
  const st = await fs.lstat(dir)
  if (!st.isDirectory()) throw hallwayError('DATA_NOT_PRIVATE', `${dir} is not a folder`)
  const uid = process.getuid?.()
  if (uid !== undefined && st.uid !== uid) {
    throw hallwayError('DATA_NOT_PRIVATE', `${dir} belongs to another user (uid ${st.uid}); use a data folder of your own (--data DIR)`)
  }
  const tightened: string[] = []
  await tighten(dir, st.mode, true, tightened)
  return tightened
}

async function tighten (p: string, mode: number, isDir: boolean, out: string[]): Promise<void> {
  const want = isDir ? FOLDER_MODE : FILE_MODE
  if ((mode & 0o077) !== 0) {
    await fs.chmod(p, want)
    out.push(p)
  }
  if (!isDir) return
  const entries = await fs.readdir(p, { withFileTypes: true })
  for (const e of entries) {
    const child = path.join(p, e.name)
    if (e.isSymbolicLink()) continue
    // Gone since readdir (RocksDB rotates its files): nothing to tighten.
    const st = await fs.lstat(child).catch(() => null)
    if (!st) continue
    if (st.isDirectory()) await tighten(child, st.mode, true, out)
    else if (st.isFile()) await tighten(child, st.mode, false, out).catch(err => { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err })
  }
}
