// "bob went offline" / "bob is online" lines without the flapping: when two
// nodes dial each other at once, one connection is dropped and the person
// is seen going offline and online again within moments. A person who comes
// back within the grace period was never gone, so neither line is written.
// (The member list still shows presence as the chat layer reports it.)
export const OFFLINE_GRACE_MS = 3000

export class PresenceNotes {
  private readonly graceMs: number
  private readonly pending = new Map<string, NodeJS.Timeout>()

  constructor (graceMs = OFFLINE_GRACE_MS) {
    this.graceMs = graceMs
  }

  // Returns whether to announce the person as online.
  online (id: string): boolean {
    const timer = this.pending.get(id)
    if (!timer) return true
    clearTimeout(timer)
    this.pending.delete(id)
    return false
  }

  // Calls announce once the person has stayed offline for the grace period.
  offline (id: string, announce: () => void): void {
    clearTimeout(this.pending.get(id))
    const timer = setTimeout(() => {
      this.pending.delete(id)
      announce()
    }, this.graceMs)
    timer.unref()
    this.pending.set(id, timer)
  }

  close (): void {
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }
}
