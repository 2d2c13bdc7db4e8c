// Deterministic mutation of byte strings for the bad-input tests: a seeded
// PRNG (mulberry32), so a failure names the seed that reproduces it.

export type Rng = () => number

export function rng (seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (r: Rng, n: number): number => Math.floor(r() * n)

export function randomBytes (r: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) out[i] = int(r, 256)
  return out
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}

// Bytes that mean something to a protobuf decoder: varint continuation,
// the largest lengths, wire types 0-7 on small field numbers.
const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x12, 0x1a, 0x52, 0x5a, 0x62, 0x6a, 0x0f, 0x07, 0x0b, 0x0c]

export const MUTATIONS = ['bit-flip', 'byte-set', 'interesting-byte', 'truncate', 'insert', 'duplicate-slice', 'splice', 'huge-length', 'random', 'concat', 'stacked'] as const
export type Mutation = typeof MUTATIONS[number]

export function mutate (r: Rng, seed: Uint8Array, other: Uint8Array, kind: Mutation = MUTATIONS[int(r, MUTATIONS.length)]!): Uint8Array {
  const b = Uint8Array.from(seed)
  const at = int(r, Math.max(1, b.length))
  switch (kind) {
    case 'bit-flip': {
      for (let i = 0, n = 1 + int(r, 8); i < n && b.length; i++) { const j = int(r, b.length); b[j]! ^= 1 << int(r, 8) }
      return b
    }
    case 'byte-set': if (b.length) b[at] = int(r, 256); return b
    case 'interesting-byte': if (b.length) b[at] = INTERESTING[int(r, INTERESTING.length)]!; return b
    case 'truncate': return b.slice(0, at)
    case 'insert': return concat(b.slice(0, at), randomBytes(r, 1 + int(r, 16)), b.slice(at))
    case 'duplicate-slice': {
      const end = Math.min(b.length, at + 1 + int(r, 64))
      return concat(b.slice(0, end), b.slice(at, end), b.slice(end))
    }
    case 'splice': return concat(b.slice(0, at), other.slice(int(r, Math.max(1, other.length))))
    case 'huge-length': return concat(b.slice(0, at), Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), b.slice(at))
    case 'random': return randomBytes(r, int(r, 512))
    case 'concat': return concat(b, other)
    case 'stacked': {
      let x: Uint8Array = b
      for (let i = 0, n = 2 + int(r, 4); i < n; i++) x = mutate(r, x, other, MUTATIONS[int(r, MUTATIONS.length - 1)]!)
      return x
    }
  }
}
