// Pure parsing of an mDNS service record into a peer hint. Only a protocol
// version, the Noise public key and a short workspace tag are published
// (DESIGN.md §4); who a peer is, is proven by the Noise handshake alone.

export const SERVICE_TYPE = 'hallway'
export const DISCOVERY_VERSION = '1'

export interface PeerHint {
  publicKey: Buffer
  host: string
  port: number
}

export interface ServiceLike {
  port?: number
  txt?: unknown
  addresses?: string[]
  referer?: { address: string, family: string }
}

export function serviceTxt (publicKey: Uint8Array, workspaceTag: string): Record<string, string> {
  return { v: DISCOVERY_VERSION, pk: Buffer.from(publicKey).toString('hex'), ws: workspaceTag }
}

export function serviceName (publicKey: Uint8Array): string {
  return 'hallway-' + Buffer.from(publicKey).toString('hex').slice(0, 16)
}

// Returns null for anything that is not a hallway node of our workspace.
export function parsePeerService (service: ServiceLike, workspaceTag: string): PeerHint | null {
  const txt = service.txt
  if (typeof txt !== 'object' || txt === null) return null
  const { v, pk, ws } = txt as Record<string, unknown>
  if (v !== DISCOVERY_VERSION || ws !== workspaceTag) return null
  if (typeof pk !== 'string' || !/^[0-9a-f]{64}$/.test(pk)) return null
  const port = service.port
  if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) return null
  const host = pickAddress(service)
  if (host === null) return null
  return { publicKey: Buffer.from(pk, 'hex'), host, port }
}

// The packet's source is the address that is known to reach the peer; the
// A records list every interface of the peer, some unreachable from here.
// On a loopback-only host the A records are empty (FINDINGS.md).
function pickAddress (service: ServiceLike): string | null {
  if (service.referer && service.referer.family === 'IPv4') return service.referer.address
  const v4 = (service.addresses ?? []).find(a => /^\d+\.\d+\.\d+\.\d+$/.test(a))
  return v4 ?? service.referer?.address ?? null
}
