// The small settings file beside the store: the person's name, the channels
// they follow, and the writer feeds learned per chat (so history from others
// shows after a restart, before any peer is online). Written atomically.
import fs from 'node:fs/promises'
import path from 'node:path'
import { hallwayError } from '../errors.ts'
import { writeFileAtomic } from '../identity/write-file-atomic.ts'
import { isValidChannel, isValidName } from '../wire/index.ts'

export interface Settings {
  version: 1
  name: string | null
  channels: string[]
  // people (identity keys, hex) with whom there is a direct-message chat
  dms: string[]
  // relay mode: chats carried by discovery key (hex), without their key
  blind: string[]
  // chat discovery key (hex) -> writer feed keys (hex)
  feeds: Record<string, string[]>
}

export const SETTINGS_FILE = 'settings.json'

export async function readSettings (dir: string): Promise<Settings> {
  const file = path.join(dir, SETTINGS_FILE)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, name: null, channels: ['#general'], dms: [], blind: [], feeds: {} }
    throw err
  }
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw hallwayError('DATA_CORRUPT', `${file} is not valid JSON: fix or delete it (only the channel list and name are kept there)`)
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>
  const hex64 = /^[0-9a-f]{64}$/
  const channels = Array.isArray(o.channels) ? o.channels.filter((c): c is string => typeof c === 'string' && isValidChannel(c)) : []
  if (!channels.includes('#general')) channels.unshift('#general')
  const feeds: Record<string, string[]> = {}
  if (typeof o.feeds === 'object' && o.feeds !== null) {
    for (const [k, list] of Object.entries(o.feeds)) {
      if (hex64.test(k) && Array.isArray(list)) feeds[k] = list.filter((x): x is string => typeof x === 'string' && hex64.test(x))
    }
  }
  const dms = Array.isArray(o.dms) ? o.dms.filter((x): x is string => typeof x === 'string' && hex64.test(x)) : []
  const blind = Array.isArray(o.blind) ? o.blind.filter((x): x is string => typeof x === 'string' && hex64.test(x)) : []
  return { version: 1, name: typeof o.name === 'string' && isValidName(o.name) ? o.name : null, channels, dms, blind, feeds }
}

export async function writeSettings (dir: string, s: Settings): Promise<void> {
  await writeFileAtomic(path.join(dir, SETTINGS_FILE), JSON.stringify(s, null, 2) + '\n')
}

// Serialises writes and coalesces bursts (many feeds learned at once).
export class SettingsFile {
  readonly dir: string
  value: Settings
  private writing: Promise<void> = Promise.resolve()
  private queued = false

  constructor (dir: string, value: Settings) {
    this.dir = dir
    this.value = value
  }

  save (): Promise<void> {
    if (this.queued) return this.writing
    this.queued = true
    this.writing = this.writing.then(async () => {
      this.queued = false
      await writeSettings(this.dir, this.value)
    })
    return this.writing
  }
}
