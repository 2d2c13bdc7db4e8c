// The person (identity key) and this installation (device key), created on
// first start and kept in `identity.json` in the data folder (mode 0600).
// The device key is also the Noise key of every connection.
import fs from 'node:fs/promises'
import path from 'node:path'
import { hallwayError } from '../errors.ts'
import { certifyDevice } from './device-certificate.ts'
import { keyPairFromSeed, randomBytes, type KeyPair } from './keys.ts'
import { writeFileAtomic } from './write-file-atomic.ts'

export interface Identity {
  readonly identity: KeyPair
  readonly device: KeyPair
  readonly certificate: Buffer
  readonly id: string
}

interface IdentityFile { version: 1, identitySeed: string, deviceSeed: string }

export const IDENTITY_FILE = 'identity.json'

export async function loadOrCreateIdentity (dir: string): Promise<Identity> {
  const file = path.join(dir, IDENTITY_FILE)
  let text: string | null = null
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  if (text === null) {
    const created: IdentityFile = { version: 1, identitySeed: randomBytes(32).toString('hex'), deviceSeed: randomBytes(32).toString('hex') }
    await writeFileAtomic(file, JSON.stringify(created, null, 2) + '\n', 0o600)
    return fromFile(created)
  }
  return fromFile(parseIdentityFile(text, file))
}

export function identityFromSeeds (identitySeed: Uint8Array, deviceSeed: Uint8Array): Identity {
  const identity = keyPairFromSeed(identitySeed)
  const device = keyPairFromSeed(deviceSeed)
  return { identity, device, certificate: certifyDevice(identity, device.publicKey), id: identity.publicKey.toString('hex') }
}

function fromFile (f: IdentityFile): Identity {
  return identityFromSeeds(Buffer.from(f.identitySeed, 'hex'), Buffer.from(f.deviceSeed, 'hex'))
}

function parseIdentityFile (text: string, file: string): IdentityFile {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw hallwayError('DATA_CORRUPT', `${file} is not valid JSON; restore it from a backup`)
  }
  const hex64 = /^[0-9a-f]{64}$/
  const o = v as Partial<IdentityFile>
  if (typeof v !== 'object' || v === null || o.version !== 1 ||
    typeof o.identitySeed !== 'string' || !hex64.test(o.identitySeed) ||
    typeof o.deviceSeed !== 'string' || !hex64.test(o.deviceSeed)) {
    throw hallwayError('DATA_CORRUPT', `${file} is not a hallway identity file; restore it from a backup`)
  }
  return o as IdentityFile
}
