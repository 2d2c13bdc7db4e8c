// Ed25519 signing and BLAKE2b derivations (sodium-native). Every signature is
// over a domain-separated message so that one signature can never be replayed
// as another kind.
import sodium from 'sodium-native'

export interface KeyPair { publicKey: Buffer, secretKey: Buffer }

export function keyPairFromSeed (seed: Uint8Array): KeyPair {
  const publicKey = Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES)
  const secretKey = Buffer.alloc(sodium.crypto_sign_SECRETKEYBYTES)
  sodium.crypto_sign_seed_keypair(publicKey, secretKey, Buffer.from(seed))
  return { publicKey, secretKey }
}

export function randomBytes (n: number): Buffer {
  const b = Buffer.alloc(n)
  sodium.randombytes_buf(b)
  return b
}

export function sign (domain: string, parts: Uint8Array[], secretKey: Buffer): Buffer {
  const sig = Buffer.alloc(sodium.crypto_sign_BYTES)
  sodium.crypto_sign_detached(sig, signable(domain, parts), secretKey)
  return sig
}

export function verify (domain: string, parts: Uint8Array[], signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.byteLength !== sodium.crypto_sign_BYTES || publicKey.byteLength !== sodium.crypto_sign_PUBLICKEYBYTES) return false
  return sodium.crypto_sign_verify_detached(signature, signable(domain, parts), publicKey)
}

// BLAKE2b-256 of the parts, optionally keyed.
export function hash (parts: Array<Uint8Array | string>, key?: Uint8Array): Buffer {
  const out = Buffer.alloc(32)
  const inputs = parts.map(p => typeof p === 'string' ? Buffer.from(p) : Buffer.from(p.buffer, p.byteOffset, p.byteLength))
  if (key) sodium.crypto_generichash_batch(out, inputs, Buffer.from(key))
  else sodium.crypto_generichash_batch(out, inputs)
  return out
}

// Whether a key someone names can be a person's identity key: a point of
// Ed25519 in canonical form and not of small order. Any other key (all
// zeros, off the curve) makes the X25519 agreement below throw, and would
// give no secret anyway (issue 10, finding 10).
export function isValidPublicKey (key: Uint8Array): boolean {
  return key.byteLength === sodium.crypto_sign_PUBLICKEYBYTES && sodium.crypto_core_ed25519_is_valid_point(Buffer.from(key))
}

// X25519 agreement from two Ed25519 identity keys: only the two people can
// compute it (DESIGN.md §6: direct messages).
export function sharedSecret (mySecretKey: Buffer, theirPublicKey: Uint8Array): Buffer {
  const sk = Buffer.alloc(32)
  const pk = Buffer.alloc(32)
  const out = Buffer.alloc(32)
  sodium.crypto_sign_ed25519_sk_to_curve25519(sk, mySecretKey)
  sodium.crypto_sign_ed25519_pk_to_curve25519(pk, Buffer.from(theirPublicKey))
  sodium.crypto_scalarmult(out, sk, pk)
  sk.fill(0)
  return out
}

function signable (domain: string, parts: Uint8Array[]): Buffer {
  return Buffer.concat([Buffer.from(domain + '\0'), ...parts])
}
