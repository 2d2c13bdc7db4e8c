// The person (identity key) and this installation (device key), created on
// first start and kept in `identity.json` in the data folder (mode 0600).
// The device key is also the Noise key of every connection.
import path from 'node:path'
import { hallwayError } from '../errors.ts'
import { JsonFile } from '../json-file.ts'
import { certifyDevice } from './device-certificate.ts'
import { keyPairFromSeed, randomBytes, type KeyPair } from './keys.ts'

export interface Identity {
  readonly identity: KeyPair
  readonly device: KeyPair
  readonly certificate: Buffer
  readonly id: string
}

interface IdentityFile { version: 1, identitySeed: string, deviceSeed: string }

export const IDENTITY_FILE = 'identity.json'

export async function loadOrCreateIdentity (dir: string): Promise<Identity> {
  // The keys: never replaced when damaged, only ever created (mode 0600).
  const json = new JsonFile<IdentityFile | null>(path.join(dir, IDENTITY_FILE), {
    empty: () => null,
    parse: parseIdentityFile,
    damaged: file => { throw hallwayError('DATA_CORRUPT', `${file} is not valid JSON; restore it from a backup`) }
  })
  const loaded = await json.load()
  if (loaded) return fromFile(loaded)
  const created: IdentityFile = { version: 1, identitySeed: randomBytes(32).toString('hex'), deviceSeed: randomBytes(32).toString('hex') }
  json.value = created
  await json.save()
  return fromFile(created)
}

export function identityFromSeeds (identitySeed: Uint8Array, deviceSeed: Uint8Array): Identity {
  const identity = keyPairFromSeed(identitySeed)
  const device = keyPairFromSeed(deviceSeed)
  return { identity, device, certificate: certifyDevice(identity, device.publicKey), id: identity.publicKey.toString('hex') }
}

function fromFile (f: IdentityFile): Identity {
  return identityFromSeeds(Buffer.from(f.identitySeed, 'hex'), Buffer.from(f.deviceSeed, 'hex'))
}

function parseIdentityFile (v: unknown, file: string): IdentityFile {
  const hex64 = /^[0-9a-f]{64}$/
  const o = v as Partial<IdentityFile>
  if (typeof v !== 'object' || v === null || o.version !== 1 ||
    typeof o.identitySeed !== 'string' || !hex64.test(o.identitySeed) ||
    typeof o.deviceSeed !== 'string' || !hex64.test(o.deviceSeed)) {
    throw hallwayError('DATA_CORRUPT', `${file} is not a hallway identity file; restore it from a backup`)
  }
  return o as IdentityFile
}
