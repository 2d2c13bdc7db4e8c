// Validates block 0 of a writer feed: a feed counts only if its header names
// this chat, its device certificate verifies against the identity, and the
// device signed this very feed key (DESIGN.md §6).
import { verifyDeviceCertificate, verifyFeedSignature } from '../identity/device-certificate.ts'
import { decodeBlock, type Header } from '../wire/index.ts'

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
