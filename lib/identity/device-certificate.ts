// A device proves it belongs to an identity with a certificate the identity
// signs; a feed proves it belongs to a device with the device's signature
// over the feed key and the chat id (DESIGN.md §6).
import { sign, verify, type KeyPair } from './keys.ts'

const CERT_DOMAIN = 'hallway/device-certificate/v1'
const FEED_DOMAIN = 'hallway/feed/v1'

export function certifyDevice (identity: KeyPair, devicePublicKey: Uint8Array): Buffer {
  return sign(CERT_DOMAIN, [devicePublicKey], identity.secretKey)
}

export function verifyDeviceCertificate (identity: Uint8Array, device: Uint8Array, certificate: Uint8Array): boolean {
  return verify(CERT_DOMAIN, [device], certificate, identity)
}

export function signFeed (device: KeyPair, feedKey: Uint8Array, chatId: Uint8Array): Buffer {
  return sign(FEED_DOMAIN, [feedKey, chatId], device.secretKey)
}

export function verifyFeedSignature (device: Uint8Array, feedKey: Uint8Array, chatId: Uint8Array, signature: Uint8Array): boolean {
  return verify(FEED_DOMAIN, [feedKey, chatId], signature, device)
}
