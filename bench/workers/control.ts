// The control loop of a bench peer process: JSON commands on stdin, JSON
// events on stdout (like hallway's headless mode, so that the bench reuses
// test/helpers' spawnIn/waitFor). The raw-Hypercore peer and the hallway
// peer plug into it, so both are driven and timed by the same code.
import readline from 'node:readline'
import { summarize } from '../lib/stats.ts'
import { benchText, now, Tally } from './tally.ts'

export type Command = Record<string, unknown> & { cmd: string }

export interface BenchPeer {
  // Stores one message and resolves once it is acknowledged (appended).
  send (text: string): Promise<unknown>
  // Kind-specific commands: the event to print, or undefined for an unknown command.
  command? (cmd: Command): Promise<object | null | undefined>
  close (): Promise<void>
}

export function emit (obj: object): void {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

export function rssKb (): number {
  return Math.round(process.memoryUsage().rss / 1024)
}

export class Control {
  readonly tally = new Tally()
  private peer: BenchPeer | null = null

  attach (peer: BenchPeer): void {
    this.peer = peer
  }

  run (): void {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
    rl.on('line', line => {
      if (!line.trim()) return
      let cmd: Command
      try {
        cmd = JSON.parse(line) as Command
      } catch {
        return emit({ event: 'error', message: `bad command ${line.slice(0, 80)}` })
      }
      this.handle(cmd).catch(err => emit({ event: 'error', cmd: cmd.cmd, message: String((err as Error)?.stack ?? err) }))
    })
    rl.on('close', () => { this.quit().catch(() => process.exit(1)) })
    process.once('SIGINT', () => { this.quit().catch(() => process.exit(1)) })
  }

  private async handle (cmd: Command): Promise<void> {
    const peer = this.peer!
    switch (cmd.cmd) {
      case 'send': return this.send(cmd)
      case 'expect': {
        const s = await this.tally.expect(String(cmd.tag), Number(cmd.n), Number(cmd.timeoutMs ?? Infinity))
        const { latencies, ...rest } = s
        return emit({ event: 'got', ...rest, latency: summarize(latencies), ...(cmd.samples ? { samples: latencies } : {}) })
      }
      case 'rss': return emit({ event: 'rss', rssKb: rssKb(), heapKb: Math.round(process.memoryUsage().heapUsed / 1024) })
      case 'quit': return this.quit()
      default: {
        const out = await peer.command?.(cmd)
        if (out) emit(out)
        else if (out === undefined) emit({ event: 'error', message: `unknown command ${cmd.cmd}` })
      }
    }
  }

  // n messages of `size` bytes tagged `tag`: at `rate` per second (each
  // alone), or with rate 0 as fast as acknowledgements allow, keeping
  // `window` sends in flight (the writer batches whatever is queued).
  private async send (cmd: Command): Promise<void> {
    const tag = String(cmd.tag)
    const n = Number(cmd.n)
    const size = Number(cmd.size ?? 200)
    const rate = Number(cmd.rate ?? 0)
    const window = Number(cmd.window ?? 1)
    const peer = this.peer!
    const start = now()
    if (rate > 0) {
      const acks: Array<Promise<unknown>> = []
      const t0 = performance.now()
      for (let i = 0; i < n; i++) {
        const due = t0 + (i * 1000) / rate
        const wait = due - performance.now()
        if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
        acks.push(peer.send(benchText(tag, i, size)))
      }
      await Promise.all(acks)
    } else {
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < n) await peer.send(benchText(tag, next++, size))
      }
      await Promise.all(Array.from({ length: Math.min(window, n) }, worker))
    }
    emit({ event: 'sent', tag, n, startNs: String(start), endNs: String(now()) })
  }

  private async quit (): Promise<void> {
    await this.peer?.close()
    process.exit(0)
  }
}
