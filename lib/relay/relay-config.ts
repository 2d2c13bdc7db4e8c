// The relay's storage policy: limits it enforces without reading content
// (DESIGN.md §7). Read from `--config FILE` (JSON); every field optional.
import fs from 'node:fs/promises'
import { hallwayError } from '../errors.ts'
import { DEFAULT_NODE_LIMITS, type StorageLimits } from '../feed/storage-policy.ts'

// What the storage policy enforces (lib/feed/storage-policy.ts).
export type RelayConfig = StorageLimits

// Per writer as for an ordinary node; per person twice that (a few devices),
// more disk kept free (a relay stores everyone's feeds).
export const DEFAULT_RELAY_CONFIG: RelayConfig = {
  ...DEFAULT_NODE_LIMITS,
  minFreeDiskBytes: 256 * 1024 * 1024
}

export async function readRelayConfig (file: string | null): Promise<RelayConfig> {
  if (file === null) return { ...DEFAULT_RELAY_CONFIG }
  let v: unknown
  try {
    v = JSON.parse(await fs.readFile(file, 'utf8'))
  } catch (err) {
    throw hallwayError('BAD_ARGUMENT', `--config ${file}: ${(err as Error).message}`)
  }
  return parseRelayConfig(v, file)
}

export function parseRelayConfig (v: unknown, source = 'config'): RelayConfig {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw hallwayError('BAD_ARGUMENT', `${source}: expected a JSON object`)
  const o = v as Record<string, unknown>
  const out: RelayConfig = { ...DEFAULT_RELAY_CONFIG }
  for (const [k, value] of Object.entries(o)) {
    if (!(k in DEFAULT_RELAY_CONFIG)) throw hallwayError('BAD_ARGUMENT', `${source}: unknown setting ${k}`)
    if (k === 'retentionDays' && value === null) { out.retentionDays = null; continue }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw hallwayError('BAD_ARGUMENT', `${source}: ${k} must be a positive number`)
    ;(out as unknown as Record<string, number>)[k] = value
  }
  return out
}
