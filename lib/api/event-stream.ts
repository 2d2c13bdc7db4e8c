// One server-sent-event response: `event:` names the event and `data:` is
// the same JSON object headless mode prints (it carries the name too, in
// its `event` field). A comment line every 15 s keeps proxies and idle
// timers from closing a quiet stream. A client that stops reading is
// dropped rather than buffered without end.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventFanout, StreamedEvent } from './event-fanout.ts'

export const KEEP_ALIVE_MS = 15_000
const MAX_BUFFERED = 1024 * 1024

export interface EventStreamOptions {
  req: IncomingMessage
  res: ServerResponse
  fanout: EventFanout
  // The first event: who this stream is for.
  ready: object
  keepAliveMs?: number
}

export class EventStream {
  private readonly res: ServerResponse
  private readonly unsubscribe: () => void
  private readonly timer: NodeJS.Timeout
  private ended = false

  // Subscribes before it writes the head, so once a client has the
  // response headers, no event can slip past it.
  constructor (opts: EventStreamOptions) {
    const { req, res } = opts
    this.res = res
    this.unsubscribe = opts.fanout.subscribe(e => this.write(e))
    this.timer = setInterval(() => this.comment('keep-alive'), opts.keepAliveMs ?? KEEP_ALIVE_MS)
    req.socket.setTimeout(0)
    req.socket.setNoDelay(true)
    res.on('close', () => this.end())
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no'
    })
    this.write({ event: 'ready', data: opts.ready })
  }

  end (): void {
    if (this.ended) return
    this.ended = true
    clearInterval(this.timer)
    this.unsubscribe()
    this.res.end()
  }

  private write (e: StreamedEvent): void {
    this.send(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`)
  }

  private comment (text: string): void {
    this.send(`: ${text}\n\n`)
  }

  private send (chunk: string): void {
    if (this.ended) return
    if (this.res.writableLength > MAX_BUFFERED) {
      this.res.destroy()
      this.end()
      return
    }
    this.res.write(chunk)
  }
}
