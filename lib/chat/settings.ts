// The small settings file beside the store: the person's name, the channels
// they follow, and the writer feeds learned per chat (so history from others
// shows after a restart, before any peer is online). Written atomically,
// serialised and coalesced by JsonFile (many feeds learned at once).
import path from 'node:path'
import { hallwayError } from '../errors.ts'
import { JsonFile, type JsonFileOptions } from '../json-file.ts'
import { isValidPublicKey } from '../identity/keys.ts'
import { isAllowedName, isValidChannel } from '../wire/index.ts'

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

const OPTIONS: JsonFileOptions<Settings> = { empty: fresh, parse, damaged }

export class SettingsFile extends JsonFile<Settings> {
  readonly dir: string

  constructor (dir: string, value: Settings) {
    super(path.join(dir, SETTINGS_FILE), OPTIONS)
    this.dir = dir
    this.value = value
  }
}

export function readSettings (dir: string): Promise<Settings> {
  return new SettingsFile(dir, fresh()).load()
}

export function writeSettings (dir: string, s: Settings): Promise<void> {
  return new SettingsFile(dir, s).save()
}

function fresh (): Settings {
  return { version: 1, name: null, channels: ['#general'], dms: [], blind: [], feeds: {} }
}

// Not JSON: refuse to start rather than forget the person's channels.
function damaged (file: string): never {
  throw hallwayError('DATA_CORRUPT', `${file} is not valid JSON: fix or delete it (only the channel list and name are kept there)`)
}

// Anything unrecognised is dropped, field by field.
function parse (v: unknown): Settings {
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
  // A key that is no person's (an older version saved one) would stop the
  // node at start: skip it.
  const dms = Array.isArray(o.dms) ? o.dms.filter((x): x is string => typeof x === 'string' && hex64.test(x) && isValidPublicKey(Buffer.from(x, 'hex'))) : []
  const blind = Array.isArray(o.blind) ? o.blind.filter((x): x is string => typeof x === 'string' && hex64.test(x)) : []
  return { version: 1, name: typeof o.name === 'string' && isAllowedName(o.name) ? o.name : null, channels, dms, blind, feeds }
}
