// The one free-disk check. RocksDB writes into files it preallocated, so a
// file system filling up does not stop appends by itself (FINDINGS.md: "the
// product must watch free space itself"): the feed store refuses appends
// below a minimum, the relay stops fetching blocks below its watermark.
// This module is a leaf: every layer may import it.
import fs from 'node:fs/promises'
import { hallwayError } from './errors.ts'

// Bytes an unprivileged process may still write on the disk holding `dir`.
export async function freeBytes (dir: string): Promise<number> {
  const st = await fs.statfs(dir)
  return st.bavail * st.bsize
}

// Rejects with DISK_FULL when less than `minBytes` is free. Its caller is a
// send (an append to the person's own feed), hence the wording.
export async function checkFreeSpace (dir: string, minBytes: number): Promise<void> {
  if (await freeBytes(dir) < minBytes) throw hallwayError('DISK_FULL', 'the disk is full: free some space and send again')
}
