// Latency summaries: nearest-rank percentiles over every sample (no
// histogram buckets, no sampling), so p99 of 300 samples is the 297th.

export interface Latency { n: number, p50: number, p99: number, max: number, mean: number }

export function percentile (sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarize (samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, mean }
}

export function median (samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50)
}
