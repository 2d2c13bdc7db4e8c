// Receive-side accounting shared by both kinds of bench peer (raw Hypercore
// and hallway): every benchmark message carries its tag, its sequence number
// and the sender's CLOCK_MONOTONIC stamp (process.hrtime is system-wide on
// Linux, and namespaces do not change it), so the receiver computes the
// one-way latency itself, in the same way for the floor and for hallway.

export const now = (): bigint => process.hrtime.bigint()

// `tag:seq:stampNs:` then padding to the wanted size (200 bytes in the issue).
export function benchText (tag: string, seq: number, size: number): string {
  const head = `${tag}:${seq}:${now()}:`
  return head.length >= size ? head : head + 'x'.repeat(size - head.length)
}

export interface Parsed { tag: string, seq: number, sentNs: bigint }

export function parseText (text: string): Parsed | null {
  const m = /^([a-z0-9]+):(\d+):(\d+):/.exec(text)
  return m ? { tag: m[1]!, seq: Number(m[2]), sentNs: BigInt(m[3]!) } : null
}

export interface TagSummary {
  tag: string
  n: number
  inOrder: boolean
  duplicates: number
  // latency in ms: one entry per message received
  latencies: number[]
  firstNs: string
  lastNs: string
}

class TagTally {
  latencies: number[] = []
  lastSeq = -1
  inOrder = true
  duplicates = 0
  seen = new Set<number>()
  firstNs = 0n
  lastNs = 0n
}

export class Tally {
  private readonly tags = new Map<string, TagTally>()
  private readonly waits = new Map<string, { n: number, done: (s: TagSummary) => void }>()

  received (text: string, at: bigint = now()): void {
    const p = parseText(text)
    if (!p) return
    let t = this.tags.get(p.tag)
    if (!t) this.tags.set(p.tag, t = new TagTally())
    if (t.seen.has(p.seq)) { t.duplicates++; return }
    t.seen.add(p.seq)
    if (p.seq < t.lastSeq) t.inOrder = false
    t.lastSeq = p.seq
    if (t.firstNs === 0n) t.firstNs = at
    t.lastNs = at
    t.latencies.push(Number(at - p.sentNs) / 1e6)
    this.check(p.tag)
  }

  // Resolves once n distinct messages of the tag arrived (counting those
  // that arrived before the call), or after timeoutMs with what did arrive
  // (a benchmark reports "delivered X of N" rather than hanging).
  expect (tag: string, n: number, timeoutMs = Infinity): Promise<TagSummary & { complete: boolean, missing?: string[] }> {
    return new Promise(resolve => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => { this.waits.delete(tag); resolve({ ...this.summary(tag), complete: false, missing: this.missing(tag, n) }) }, timeoutMs)
        : null
      this.waits.set(tag, { n, done: s => { if (timer) clearTimeout(timer); resolve({ ...s, complete: true }) } })
      this.check(tag)
    })
  }

  summary (tag: string): TagSummary {
    const t = this.tags.get(tag) ?? new TagTally()
    return { tag, n: t.seen.size, inOrder: t.inOrder, duplicates: t.duplicates, latencies: t.latencies, firstNs: String(t.firstNs), lastNs: String(t.lastNs) }
  }

  // The sequence numbers below n that never arrived, as ranges (at most 10).
  missing (tag: string, n: number): string[] {
    const seen = this.tags.get(tag)?.seen ?? new Set<number>()
    const out: string[] = []
    for (let i = 0; i < n && out.length < 10; i++) {
      if (seen.has(i)) continue
      let j = i
      while (j + 1 < n && !seen.has(j + 1)) j++
      out.push(i === j ? String(i) : `${i}-${j}`)
      i = j
    }
    return out
  }

  private check (tag: string): void {
    const w = this.waits.get(tag)
    if (!w || (this.tags.get(tag)?.seen.size ?? 0) < w.n) return
    this.waits.delete(tag)
    w.done(this.summary(tag))
  }
}
