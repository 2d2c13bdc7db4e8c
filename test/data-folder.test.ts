// lib/data-folder.ts on real folders: what an earlier version (or a
// person's umask) left readable is made private; links are not followed;
// a folder of another user is refused.
import fs from 'node:fs/promises'
import path from 'node:path'
import test from 'tape'
import { FILE_MODE, FOLDER_MODE, securePrivateFolder } from '../lib/data-folder.ts'
import { isHallwayError } from '../lib/errors.ts'
import { tmpDir } from './helpers/peers.ts'

const modeOf = async (p: string): Promise<number> => (await fs.lstat(p)).mode & 0o777

test('a 0755 folder with 0644 files is made 0700/0600 throughout, and says what it changed', async t => {
  const dir = path.join(await tmpDir(t, 'df'), 'data')
  await fs.mkdir(path.join(dir, 'store', 'db'), { recursive: true, mode: 0o755 })
  await fs.chmod(dir, 0o755)
  await fs.writeFile(path.join(dir, 'settings.json'), '{}', { mode: 0o644 })
  await fs.writeFile(path.join(dir, 'store', 'db', 'CURRENT'), 'x', { mode: 0o644 })
  await fs.writeFile(path.join(dir, 'identity.json'), '{}', { mode: 0o600 })
  const tightened = await securePrivateFolder(dir)
  t.deepEqual(tightened.map(p => path.relative(dir, p)).sort(), ['', 'settings.json', 'store', 'store/db', 'store/db/CURRENT'].sort(), 'exactly what was open to others')
  for (const d of ['', 'store', 'store/db']) t.equal(await modeOf(path.join(dir, d)), FOLDER_MODE, `${d || '.'}: 0700`)
  for (const f of ['settings.json', 'store/db/CURRENT', 'identity.json']) t.equal(await modeOf(path.join(dir, f)), FILE_MODE, `${f}: 0600`)
  t.deepEqual(await securePrivateFolder(dir), [], 'a second check finds nothing to change')
})

test('a missing folder is created 0700 with its parents; a link inside is not followed', async t => {
  const base = await tmpDir(t, 'df')
  const outside = path.join(base, 'outside.txt')
  await fs.writeFile(outside, 'not ours to change', { mode: 0o644 })
  await fs.chmod(outside, 0o644)
  const dir = path.join(base, 'members', 'bot')
  await securePrivateFolder(dir)
  t.equal(await modeOf(dir), FOLDER_MODE)
  t.equal(await modeOf(path.join(base, 'members')), FOLDER_MODE, 'the parent it created too')
  await fs.symlink(outside, path.join(dir, 'link'))
  await securePrivateFolder(dir)
  t.equal(await modeOf(outside), 0o644, 'the file a link points at is left alone')
})

test('a folder that belongs to another user is refused with DATA_NOT_PRIVATE', { skip: process.getuid?.() !== 0 }, async t => {
  const dir = await tmpDir(t, 'df')
  await fs.chown(dir, 65534, 65534)
  try {
    await securePrivateFolder(dir)
    t.fail('accepted')
  } catch (err) {
    t.ok(isHallwayError(err) && err.code === 'DATA_NOT_PRIVATE', String(err))
  }
})
