// Headless mode: slash-commands in on one stream, one JSON object per line
// out on another. Scripts, bots and the tests drive hallway through it, so
// its events only ever gain fields (README: "Headless mode").
import readline from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { isHallwayError } from '../errors.ts'
import type { Messenger } from '../chat/messenger.ts'
import { Session, type CommandResult } from '../chat/session.ts'
import { messageJson, unreadJson } from '../chat/event-table.ts'
import { subscribeEvents } from '../chat/subscribe-events.ts'

export interface HeadlessOptions {
  messenger: Messenger
  input: Readable
  output: Writable
}

export class Headless {
  readonly session: Session
  private readonly out: Writable
  private readonly messenger: Messenger

  constructor (opts: HeadlessOptions) {
    this.messenger = opts.messenger
    this.session = new Session(opts.messenger)
    this.out = opts.output
    subscribeEvents(opts.messenger, json => this.write(json))
  }

  // Resolves when the person quits (a /quit line or the end of input).
  async run (input: Readable): Promise<void> {
    const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false })
    for await (const line of rl) {
      if (line.trim() === '') continue
      if (await this.line(line) === 'quit') break
    }
    rl.close()
  }

  async line (line: string): Promise<'quit' | 'ok'> {
    let result: CommandResult
    try {
      result = await this.session.run(line)
    } catch (err) {
      if (!isHallwayError(err)) throw err
      this.write({ event: 'error', code: err.code, message: err.message })
      return 'ok'
    }
    this.result(result)
    return result.type === 'quit' ? 'quit' : 'ok'
  }

  error (code: string, message: string): void {
    this.write({ event: 'error', code, message })
  }

  write (obj: object): void {
    this.out.write(JSON.stringify(obj) + '\n')
  }

  private result (r: CommandResult): void {
    switch (r.type) {
      case 'sent': return this.write({ event: 'sent', chat: r.chat, id: r.id, ts: r.ts })
      case 'joined': return this.write({ event: 'joined', chat: r.chat })
      case 'left': return this.write({ event: 'left', chat: r.chat, current: r.current })
      case 'nick': return
      case 'who': return this.write({ event: 'who', chat: r.chat, members: r.members.map(m => ({ id: m.id, name: m.name, display: m.display, online: m.online, self: m.self })) })
      case 'history':
        for (const m of r.messages) this.write(messageJson(m))
        return this.write({ event: 'history', chat: r.chat, count: r.messages.length })
      case 'channels': return this.write({ event: 'channels', channels: r.channels })
      case 'help': return this.write({ event: 'help', commands: r.commands })
      case 'opened': return this.write({ event: 'opened', chat: r.chat })
      case 'read': return this.write({ event: 'read', chat: r.chat })
      case 'unread':
        for (const u of r.chats) this.write(unreadJson(u))
        return this.write({ event: 'unread-total', chats: r.chats.length, count: r.chats.reduce((n, u) => n + u.count, 0) })
      case 'quit': return
    }
  }
}
