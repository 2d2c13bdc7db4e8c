// Who is online: a person is online while at least one connection to one of
// their devices is open (DESIGN.md §4). Counting connections, not hellos,
// keeps a person online while a duplicate connection is swapped for the kept
// one; a short grace covers the swap when the losing connection closes
// before the kept one has opened here (both sides dialled at once).
import { EventEmitter } from 'node:events'

export interface PresenceEvents {
  online: [identity: string]
  offline: [identity: string]
}

export const OFFLINE_GRACE_MS = 300
// Devices tracked at once. The connection gate's budgets keep the open
// connections far below this (lib/net/connection-limits.ts: 256 on a node,
// 4096 on a relay, plus in-process members); this bound holds if another
// way in is added without them. A device past it is not shown online.
export const MAX_DEVICES = 8192

export class Presence extends EventEmitter<PresenceEvents> {
  // Devices not tracked because the bound was reached.
  refused = 0
  private readonly maxDevices: number
  private readonly grace = new Map<string, NodeJS.Timeout>()
  private readonly connections = new Map<string, number>() // device -> open connections
  private readonly deviceOf = new Map<string, string>()     // device -> identity
  private readonly devices = new Map<string, Set<string>>() // identity -> online devices

  constructor (maxDevices = MAX_DEVICES) {
    super()
    this.maxDevices = maxDevices
  }

  // Devices tracked (connected, or within their offline grace).
  get size (): number {
    return new Set([...this.connections.keys(), ...this.grace.keys()]).size
  }

  connected (device: string): void {
    if (!this.connections.has(device) && !this.grace.has(device) && this.connections.size + this.grace.size >= this.maxDevices) {
      this.refused++
      return
    }
    this.connections.set(device, (this.connections.get(device) ?? 0) + 1)
    const pending = this.grace.get(device)
    if (pending) {
      clearTimeout(pending)
      this.grace.delete(device)
    }
  }

  // The device proved (hello + certificate) which identity it belongs to.
  identified (device: string, identity: string): void {
    if (!this.connections.has(device)) return
    const previous = this.deviceOf.get(device)
    if (previous === identity) return
    if (previous !== undefined) this.drop(device, previous)
    this.deviceOf.set(device, identity)
    const set = this.devices.get(identity) ?? new Set<string>()
    set.add(device)
    this.devices.set(identity, set)
    if (set.size === 1) this.emit('online', identity)
  }

  disconnected (device: string): void {
    const n = (this.connections.get(device) ?? 0) - 1
    if (n > 0) {
      this.connections.set(device, n)
      return
    }
    this.connections.delete(device)
    const identity = this.deviceOf.get(device)
    if (identity === undefined || this.grace.has(device)) return
    const timer = setTimeout(() => {
      this.grace.delete(device)
      if (this.connections.has(device)) return
      this.deviceOf.delete(device)
      this.drop(device, identity)
    }, OFFLINE_GRACE_MS)
    timer.unref()
    this.grace.set(device, timer)
  }

  isOnline (identity: string): boolean {
    return (this.devices.get(identity)?.size ?? 0) > 0
  }

  online (): string[] {
    return [...this.devices.keys()]
  }

  private drop (device: string, identity: string): void {
    const set = this.devices.get(identity)
    if (!set) return
    set.delete(device)
    if (set.size === 0) {
      this.devices.delete(identity)
      this.emit('offline', identity)
    }
  }
}
