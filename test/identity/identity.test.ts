import fs from 'node:fs/promises'
import path from 'node:path'
import test from 'tape'
import { certifyDevice, signFeed, verifyDeviceCertificate, verifyFeedSignature } from '../../lib/identity/device-certificate.ts'
import { IDENTITY_FILE, loadOrCreateIdentity } from '../../lib/identity/identity.ts'
import { keyPairFromSeed } from '../../lib/identity/keys.ts'
import { HallwayError } from '../../lib/errors.ts'
import { tmpDir } from '../helpers/peers.ts'

test('an identity is created once and loaded after', async t => {
  const dir = await tmpDir(t, 'id')
  const a = await loadOrCreateIdentity(dir)
  const b = await loadOrCreateIdentity(dir)
  t.equal(a.id, b.id, 'same identity')
  t.ok(a.device.publicKey.equals(b.device.publicKey), 'same device')
  const st = await fs.stat(path.join(dir, IDENTITY_FILE))
  t.equal(st.mode & 0o777, 0o600, 'readable by its owner only')
  t.ok(verifyDeviceCertificate(a.identity.publicKey, a.device.publicKey, a.certificate), 'certificate verifies')
})

test('a damaged identity file is a clear error, not a new identity', async t => {
  const dir = await tmpDir(t, 'id')
  await fs.writeFile(path.join(dir, IDENTITY_FILE), '{"version":1,"identitySeed":"nope"}')
  try {
    await loadOrCreateIdentity(dir)
    t.fail('should throw')
  } catch (err) {
    t.equal((err as HallwayError).code, 'DATA_CORRUPT')
  }
  t.equal(await fs.readFile(path.join(dir, IDENTITY_FILE), 'utf8'), '{"version":1,"identitySeed":"nope"}', 'file left as it was')
})

test('certificates and feed signatures do not verify for anything else', t => {
  const id = keyPairFromSeed(Buffer.alloc(32, 1))
  const dev = keyPairFromSeed(Buffer.alloc(32, 2))
  const other = keyPairFromSeed(Buffer.alloc(32, 3))
  const cert = certifyDevice(id, dev.publicKey)
  t.notOk(verifyDeviceCertificate(id.publicKey, other.publicKey, cert), 'another device')
  t.notOk(verifyDeviceCertificate(other.publicKey, dev.publicKey, cert), 'another identity')
  const sig = signFeed(dev, Buffer.alloc(32, 9), Buffer.alloc(32, 8))
  t.ok(verifyFeedSignature(dev.publicKey, Buffer.alloc(32, 9), Buffer.alloc(32, 8), sig))
  t.notOk(verifyFeedSignature(dev.publicKey, Buffer.alloc(32, 9), Buffer.alloc(32, 7), sig), 'another chat')
  t.notOk(verifyFeedSignature(dev.publicKey, cert.subarray(0, 32), Buffer.alloc(32, 8), sig), 'another feed')
  t.end()
})
