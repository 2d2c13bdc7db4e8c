// Prometheus figures for /metrics, in a Registry of our own (never the
// global one, which other code in the process may fill). The relay's
// figures are read from stats() at scrape time; the message counters are
// counted here, and Prometheus computes rates from them.
import { Counter, Gauge, Registry } from 'prom-client'
import type { RelayStats } from './schemas.ts'

export interface ApiMetricsOptions {
  stats: () => RelayStats
  members: () => number
}

export class ApiMetrics {
  readonly registry = new Registry()
  private readonly sent: Counter
  private readonly seen: Counter
  private readonly requests: Counter<'route' | 'status'>
  private readonly stats: () => RelayStats
  // One stats() call per scrape, shared by every metric.
  private snapshot: RelayStats | null = null

  constructor (opts: ApiMetricsOptions) {
    const registers = [this.registry]
    this.stats = opts.stats
    const stats = (): RelayStats => this.snapshot ?? opts.stats()
    const gauge = (name: string, help: string, read: (s: RelayStats) => number): void => {
      // prom-client calls collect() with the metric as `this`.
      new Gauge({ name, help, registers, collect (this: Gauge) { this.set(read(stats())) } })
    }
    gauge('hallway_relay_connections', 'Open peer connections of the relay node', s => s.connections)
    gauge('hallway_relay_chats', 'Chats the relay carries', s => s.chats)
    gauge('hallway_relay_feeds', 'Writer feeds the relay stores', s => s.feeds)
    gauge('hallway_relay_blocks', 'Blocks the relay stores', s => s.blocks)
    gauge('hallway_relay_bytes', 'Bytes the relay stores', s => s.bytes)
    gauge('hallway_relay_uptime_seconds', 'Seconds since the relay started', s => s.uptimeMs / 1000)
    new Gauge({
      name: 'hallway_relay_disk_free_bytes',
      help: 'Free bytes on the disk of the relay\'s data folder',
      registers,
      collect (this: Gauge) {
        const free = stats().diskFree
        // NaN, not 0, when unknown: 0 would read as a full disk.
        this.set(typeof free === 'number' ? free : NaN)
      }
    })
    new Gauge({
      name: 'hallway_relay_accepting',
      help: '1 while the relay accepts new blocks, 0 while free disk is below its watermark',
      registers,
      collect (this: Gauge) {
        const accepting = stats().accepting
        this.set(accepting === undefined ? NaN : accepting ? 1 : 0)
      }
    })
    new Gauge({ name: 'hallway_api_members', help: 'API members the relay holds', registers, collect (this: Gauge) { this.set(opts.members()) } })
    // Totals kept by the relay: mirrored as counters at scrape time.
    new Counter({
      name: 'hallway_relay_blocks_served_total',
      help: 'Blocks the relay has served to peers since it started',
      registers,
      collect (this: Counter) {
        this.reset()
        this.inc(stats().blocksServed)
      }
    })
    new Counter({
      name: 'hallway_relay_refusals_total',
      help: 'Blocks the relay refused since it started, by reason',
      labelNames: ['reason'],
      registers,
      collect (this: Counter<'reason'>) {
        this.reset()
        for (const [reason, n] of Object.entries(stats().refusals)) this.inc({ reason }, n)
      }
    })
    this.sent = new Counter({ name: 'hallway_api_messages_sent_total', help: 'Messages sent through the HTTP API', registers })
    this.seen = new Counter({ name: 'hallway_relay_messages_total', help: 'Live messages the relay node has seen (any author, API included)', registers })
    this.requests = new Counter({ name: 'hallway_api_requests_total', help: 'HTTP API requests by route and status', labelNames: ['route', 'status'], registers })
  }

  get contentType (): string {
    return this.registry.contentType
  }

  messageSent (): void {
    this.sent.inc()
  }

  messageSeen (): void {
    this.seen.inc()
  }

  request (route: string, status: number): void {
    this.requests.inc({ route, status: String(status) })
  }

  async text (): Promise<string> {
    this.snapshot = this.stats()
    try {
      return await this.registry.metrics()
    } finally {
      this.snapshot = null
    }
  }
}
