// "Away after 10 minutes without a key": calls onIdle once the person has
// been idle that long, and onActive on the first key after it.
export interface IdleTimerOptions {
  timeoutMs: number
  onIdle: () => void
  onActive: () => void
}

export const IDLE_AFTER_MS = 10 * 60 * 1000

export class IdleTimer {
  private readonly opts: IdleTimerOptions
  private timer: NodeJS.Timeout | null = null
  private idle = false
  private closed = false

  constructor (opts: IdleTimerOptions) {
    this.opts = opts
    this.arm()
  }

  get isIdle (): boolean {
    return this.idle
  }

  // A key was pressed.
  activity (): void {
    if (this.closed) return
    if (this.idle) {
      this.idle = false
      this.opts.onActive()
    }
    this.arm()
  }

  close (): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private arm (): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.closed || this.idle) return
      this.idle = true
      this.opts.onIdle()
    }, this.opts.timeoutMs)
    this.timer.unref()
  }
}
