// The one free-disk check, on the real file system of a temporary folder.
import test from 'tape'
import { checkFreeSpace, freeBytes } from '../lib/disk-space.ts'
import type { HallwayError } from '../lib/errors.ts'
import { tmpDir } from './helpers/peers.ts'

test('freeBytes: what is free on the disk holding a folder', async t => {
  const free = await freeBytes(await tmpDir(t, 'disk'))
  t.ok(Number.isSafeInteger(free) && free > 0, `a positive whole number of bytes (${free})`)
})

test('freeBytes: a folder that does not exist rejects', async t => {
  const dir = await tmpDir(t, 'disk')
  await freeBytes(`${dir}/missing`).then(() => t.fail('answered'), (err: NodeJS.ErrnoException) => t.equal(err.code, 'ENOENT'))
})

test('checkFreeSpace: DISK_FULL below the minimum, quiet above it', async t => {
  const dir = await tmpDir(t, 'disk')
  const free = await freeBytes(dir)
  await checkFreeSpace(dir, 1)
  t.pass('1 byte free is enough')
  await checkFreeSpace(dir, free * 2).then(() => t.fail('no error'), (err: HallwayError) => {
    t.equal(err.code, 'DISK_FULL', 'DISK_FULL')
    t.equal(err.message, 'the disk is full: free some space and send again', 'with the message a sender sees')
  })
  await checkFreeSpace(dir, Number.MAX_SAFE_INTEGER).then(() => t.fail('no error'), (err: HallwayError) => t.equal(err.code, 'DISK_FULL', 'at any minimum above what is free'))
})
