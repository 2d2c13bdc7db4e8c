// Block 0 of every writer feed: who writes it and for which chat. A feed
// counts only if its header names this chat, its device certificate
// verifies against the identity, and the device signed this very feed key
// (DESIGN.md §6).
import { signFeed, verifyDeviceCertificate, verifyFeedSignature } from '../identity/device-certificate.ts'
import type { Identity } from '../identity/identity.ts'
import { decodeBlock, HEADER_VERSION, type Entry, type Header, type Hlc } from '../wire/index.ts'

export type HeaderCheck = { ok: true, header: Header } | { ok: false, reason: string }

export function checkHeader (block: Uint8Array, feedKey: Uint8Array, chatId: Uint8Array): HeaderCheck {
  const decoded = decodeBlock(block)
  if (!decoded.ok) return { ok: false, reason: decoded.reason }
  const [first, ...rest] = decoded.value
  if (!first || first.type !== 'header' || rest.length > 0) return { ok: false, reason: 'no-header' }
  const h = first.header
  if (!Buffer.from(h.chat).equals(Buffer.from(chatId))) return { ok: false, reason: 'wrong-chat' }
  if (!verifyDeviceCertificate(h.identity, h.device, h.certificate)) return { ok: false, reason: 'bad-certificate' }
  if (!verifyFeedSignature(h.device, feedKey, chatId, h.feedSignature)) return { ok: false, reason: 'bad-feed-signature' }
  return { ok: true, header: h }
}

// The header this device writes into a new feed of its own.
export function headerEntry (me: Identity, feedKey: Uint8Array, chatId: Uint8Array, name: string, hlc: Hlc): Entry {
  return {
    type: 'header',
    hlc,
    header: {
      version: HEADER_VERSION,
      identity: me.identity.publicKey,
      device: me.device.publicKey,
      certificate: me.certificate,
      feedSignature: signFeed(me.device, feedKey, chatId),
      chat: chatId,
      name
    }
  }
}
