// Write to a temporary file, fsync, then rename: a crash leaves the old file
// or the new one, never half of one.
import fs from 'node:fs/promises'

let counter = 0

export async function writeFileAtomic (file: string, data: string, mode = 0o644): Promise<void> {
  const tmp = `${file}.${process.pid}.${counter++}.tmp`
  const handle = await fs.open(tmp, 'w', mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.rename(tmp, file)
}
