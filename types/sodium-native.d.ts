declare module 'sodium-native' {
  const sodium: {
    crypto_sign_PUBLICKEYBYTES: number
    crypto_sign_SECRETKEYBYTES: number
    crypto_sign_SEEDBYTES: number
    crypto_sign_BYTES: number
    crypto_generichash_BYTES: number
    crypto_sign_seed_keypair (pk: Buffer, sk: Buffer, seed: Buffer): void
    crypto_sign_detached (sig: Buffer, message: Buffer, sk: Buffer): void
    crypto_sign_verify_detached (sig: Uint8Array, message: Uint8Array, pk: Uint8Array): boolean
    crypto_generichash (out: Buffer, input: Buffer, key?: Buffer): void
    crypto_generichash_batch (out: Buffer, inputs: Buffer[], key?: Buffer): void
    crypto_sign_ed25519_pk_to_curve25519 (x25519pk: Buffer, ed25519pk: Buffer): void
    // false for keys off the curve, of small order, or not canonical
    crypto_core_ed25519_is_valid_point (p: Buffer): boolean
    crypto_sign_ed25519_sk_to_curve25519 (x25519sk: Buffer, ed25519sk: Buffer): void
    crypto_scalarmult (q: Buffer, n: Buffer, p: Buffer): void
    randombytes_buf (buf: Buffer): void
    sodium_malloc (size: number): Buffer
  }
  export default sodium
}
