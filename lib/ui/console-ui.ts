// The full-screen console: the one place that creates a blessed screen. It
// feeds chat-layer events and keys into the view-model (view-state.ts) and
// draws it with the render functions; every decision about what to show is
// made there, in pure code.
import blessed from 'blessed'
import { COMMANDS } from '../chat/commands.ts'
import type { MessageEvent } from '../chat/events.ts'
import { displaySuffix } from '../chat/directory.ts'
import type { Messenger } from '../chat/messenger.ts'
import { Session } from '../chat/session.ts'
import { isHallwayError, safetyCatch } from '../errors.ts'
import { silentLog, type Log } from '../log.ts'
import { dayKey } from './clock-format.ts'
import { applyResult } from './command-output.ts'
import { IDLE_AFTER_MS, IdleTimer } from './idle-timer.ts'
import { keyAction, type KeyAction, type KeyEvent } from './key-action.ts'
import { layout, type Layout } from './layout.ts'
import { createPaneBox, placeBox } from './pane-box.ts'
import { PresenceNotes } from './presence-notes.ts'
import { chatListOffset, renderChatList } from './render-chat-list.ts'
import { renderHeader } from './render-header.ts'
import { renderInput } from './render-input.ts'
import { renderMembers } from './render-members.ts'
import { renderMessages } from './render-messages.ts'
import { isAlone, renderStatusBar } from './render-status-bar.ts'
import { createScreen } from './screen.ts'
import { toTags, type StyledLine } from './styled-text.ts'
import { MAX_ITEMS } from './timeline.ts'
import {
  atTop, completeInput, completionSources, createState, cycleFocus, focusedChat, messageCount, editInput, focusIndex, GENERAL, note, receive,
  recallInput, renameChat, resize, scroll, seesNewest, setMembers, setNotice, setPeers, setSelfName, syncChats, takeInput, tick, typeText, unreadCount,
  type ViewState
} from './view-state.ts'

export interface ConsoleUiOptions {
  messenger: Messenger
  // Closes the node (bin/ owns it); the screen says so until it is done.
  closeNode: () => Promise<void>
  log?: Log
  idleMs?: number
  now?: () => number
}

// How many older messages one scroll past the top fetches.
const OLDER_BATCH = 100
// A burst of messages on screen moves the read marker once.
const READ_DELAY_MS = 300

type Boxes = Record<'header' | 'chats' | 'messages' | 'members' | 'status' | 'input', blessed.Widgets.BoxElement> & { rules: blessed.Widgets.BoxElement[] }

export class ConsoleUi {
  readonly session: Session
  private readonly messenger: Messenger
  private readonly closeNode: () => Promise<void>
  private readonly log: Log
  private readonly now: () => number
  private readonly idleMs: number
  private state: ViewState | null = null
  private screen: blessed.Widgets.Screen | null = null
  private boxes: Boxes | null = null
  private idle: IdleTimer | null = null
  private readonly presenceNotes = new PresenceNotes()
  private ticker: NodeJS.Timeout | null = null
  private readTimer: NodeJS.Timeout | null = null
  private renderQueued = false
  // chats whose older messages are being fetched, or are all here
  private readonly loading = new Set<string>()
  private readonly exhausted = new Set<string>()
  private quitting: Promise<void> | null = null
  private finished: (() => void) | null = null

  constructor (opts: ConsoleUiOptions) {
    this.messenger = opts.messenger
    this.closeNode = opts.closeNode
    this.session = new Session(opts.messenger)
    this.log = opts.log ?? silentLog
    this.now = opts.now ?? Date.now
    this.idleMs = opts.idleMs ?? IDLE_AFTER_MS
    const m = this.messenger
    // Subscribed before the node opens: what it has on disk arrives as
    // events during ready().
    m.on('ready', () => this.onReady())
    m.on('message', e => this.onMessage(e))
    m.on('peer', e => {
      if (e.state === 'offline') this.presenceNotes.offline(e.id, () => this.noteAbout(e.id, `${e.name} went offline`, '<--'))
      else if (this.presenceNotes.online(e.id)) this.noteAbout(e.id, `${e.name} is online`, '-->')
      this.refreshPeople()
    })
    m.on('nick', e => {
      if (e.id === m.id) this.update(s => setSelfName(s, e.name))
      if (e.previous !== null) {
        const previous = e.previous
        this.update(s => {
          // Their direct chat was `@previous` (or `@previous.<key prefix>` beside a namesake).
          const old = s.chats.find(c => c.name === `@${previous}` || c.name === `@${previous}.${displaySuffix(e.id)}`)
          const renamed = old ? renameChat(s, old.name, `@${m.person(e.id).display}`) : s
          return syncChats(renamed, m.chats())
        })
        this.session.current = this.state?.focused ?? this.session.current
        this.noteAbout(e.id, `${previous} is now known as ${e.name}`, '--')
      }
      this.refreshPeople()
    })
    m.on('chats', () => this.update(s => syncChats(s, m.chats())))
    m.on('unread', e => this.update(s => unreadCount(s, e.chat, e.count)))
    m.on('members', chat => { if (chat === this.state?.focused) this.refreshMembers() })
    m.on('status', () => this.refreshMembers())
  }

  // Shows the screen until the person quits; the node must be ready.
  run (): Promise<void> {
    if (!this.state) this.onReady()
    const screen = createScreen()
    this.screen = screen
    const l = layout(screen.width as number, screen.height as number)
    this.boxes = {
      header: createPaneBox(screen, l.header),
      chats: createPaneBox(screen, l.chats ?? l.header, { clickable: true }),
      messages: createPaneBox(screen, l.messages, { clickable: true }),
      members: createPaneBox(screen, l.members ?? l.header),
      status: createPaneBox(screen, l.status),
      input: createPaneBox(screen, l.input),
      rules: []
    }
    this.update(s => resize(s, screen.width as number, screen.height as number))
    screen.on('keypress', (ch: string | undefined, key: KeyEvent | undefined) => this.onKey(ch, key))
    screen.on('resize', () => {
      screen.realloc()
      this.update(s => resize(s, screen.width as number, screen.height as number))
    })
    this.boxes.messages.on('wheelup', () => this.scroll(s => scroll(s, 'line', 1)))
    this.boxes.messages.on('wheeldown', () => this.scroll(s => scroll(s, 'line', -1)))
    this.boxes.chats.on('click', (data: blessed.Widgets.Events.IMouseEventArg) => this.onChatClick(data.y))
    this.idle = new IdleTimer({
      timeoutMs: this.idleMs,
      onIdle: () => { this.messenger.setAway(true); this.refreshMembers() },
      onActive: () => { this.messenger.setAway(false); this.refreshMembers(); this.markShownRead() }
    })
    // The clock matters to the screen only for "no peers found", notices
    // that expire and the day separators: redraw when one changes.
    this.ticker = setInterval(() => {
      const s = this.state
      if (!s) return
      const next = tick(s, this.now())
      if (isAlone(next) !== isAlone(s) || next.notice !== s.notice || dayKey(next.clock) !== dayKey(s.clock)) this.scheduleRender()
    }, 1000)
    this.ticker.unref()
    this.renderNow()
    this.markShownRead()
    return new Promise(resolve => { this.finished = resolve })
  }

  // Has the node closed and gives the terminal back. Idempotent.
  quit (): Promise<void> {
    this.quitting ??= this.shutdown()
    return this.quitting
  }

  private async shutdown (): Promise<void> {
    this.update(s => setNotice(s, { level: 'info', text: 'closing…' }))
    this.renderNow()
    this.idle?.close()
    this.presenceNotes.close()
    if (this.ticker) clearInterval(this.ticker)
    if (this.readTimer) clearTimeout(this.readTimer)
    await this.closeNode().catch(err => this.log.error({ err: String(err) }, 'close failed'))
    this.screen?.destroy()
    this.screen = null
    this.finished?.()
  }

  // ------------------------------------------------------------ events

  private onReady (): void {
    const m = this.messenger
    const ws = m.workspace
    const size = this.screen ? { width: this.screen.width as number, height: this.screen.height as number } : { width: 100, height: 30 }
    let s = this.state ?? createState({
      selfId: m.id,
      selfName: m.name,
      workspace: `workspace ${ws.tag.slice(0, 8)}${ws.isDefault ? ' (default)' : ''}`,
      ...size,
      now: this.now()
    })
    s = syncChats(s, m.chats())
    this.state = s
    this.session.current = s.focused
    this.refreshPeople()
  }

  private onMessage (e: MessageEvent): void {
    if (!this.state) return
    let s = tick(this.state, this.now())
    // A chat new to the list (a first direct message) may come before the
    // chat layer's `chats` event.
    if (!s.chats.some(c => c.name === e.chat)) s = syncChats(s, this.messenger.chats())
    const r = receive(s, e)
    this.state = r.state
    if (r.bell) this.screen?.program.bell()
    if (e.chat === r.state.focused && !e.own) this.markShownRead()
    this.scheduleRender()
  }

  // A person came, went or changed name: say so in #general and in the
  // chats they are a member of.
  private noteAbout (id: string, text: string, arrow: '-->' | '<--' | '--'): void {
    this.update(s => {
      let next = s
      for (const chat of s.chats) {
        if (chat.name === GENERAL || this.memberIds(chat.name).has(id)) next = note(next, chat.name, 'system', text, arrow)
      }
      return next
    })
  }

  private memberIds (chat: string): Set<string> {
    try {
      return new Set(this.messenger.members(chat).map(m => m.id))
    } catch {
      return new Set() // left meanwhile
    }
  }

  private refreshPeople (): void {
    this.update(s => setPeers(s, this.messenger.peers().length, this.messenger.relayConnected()))
    this.refreshMembers()
  }

  private refreshMembers (): void {
    this.update(s => {
      try {
        return setMembers(s, this.messenger.members(s.focused))
      } catch {
        return setMembers(s, [])
      }
    })
  }

  // ------------------------------------------------------------ keys

  private onKey (ch: string | undefined, key: KeyEvent | undefined): void {
    if (!this.state || this.quitting) return
    this.idle?.activity()
    this.apply(keyAction(ch, key))
  }

  private apply (a: KeyAction): void {
    switch (a.type) {
      case 'submit': return this.submit()
      case 'quit': { this.quit().catch(safetyCatch(err => this.log.error({ err: String(err) }, 'quit failed'))); return }
      case 'complete': return this.update(s => completeInput(s, completionSources(s, Object.keys(COMMANDS)), a.dir))
      case 'recall': return this.update(s => recallInput(s, a.dir))
      case 'scroll': return this.scroll(s => scroll(s, a.amount, a.dir))
      case 'focus': return this.changeFocus(s => focusIndex(s, a.index))
      case 'cycle': return this.changeFocus(s => cycleFocus(s, a.dir))
      case 'edit': return this.update(s => editInput(s, a.op))
      case 'insert': return this.update(s => typeText(s, a.text))
      case 'redraw': { this.screen?.realloc(); return this.scheduleRender() }
      case 'dismiss': return this.update(s => scroll(setNotice(s, null), 'end', -1))
      case 'none': return undefined
    }
  }

  // Scrolling up past the oldest loaded message fetches older ones (the
  // node loads a chat tail first: DESIGN.md §5).
  private scroll (fn: (s: ViewState) => ViewState): void {
    this.update(fn)
    this.markShownRead()
    const s = this.state
    if (!s || !atTop(s)) return
    const chat = focusedChat(s)
    if (this.loading.has(chat.name) || this.exhausted.has(chat.name)) return
    const have = messageCount(chat)
    const want = Math.min(have + OLDER_BATCH, MAX_ITEMS)
    if (want <= have) return
    this.loading.add(chat.name)
    this.messenger.history(chat.name, want).then(messages => {
      if (messages.length < want) this.exhausted.add(chat.name)
      this.update(st => messages.reduce((acc, m) => receive(acc, { ...m, history: true }).state, st))
    }, (err: unknown) => {
      this.log.warn({ err: String(err), chat: chat.name }, 'loading older messages failed')
    }).finally(() => this.loading.delete(chat.name))
  }

  private onChatClick (y: number): void {
    const s = this.state
    const rect = s ? layout(s.width, s.height).chats : null
    if (!s || !rect) return
    const row = y - rect.top - 1 // below the "Chats" title
    if (row >= 0) this.changeFocus(st => focusIndex(st, row + chatListOffset(st, rect.height)))
  }

  private changeFocus (fn: (s: ViewState) => ViewState): void {
    this.update(fn)
    if (this.state) this.session.current = this.state.focused
    this.refreshMembers()
    this.markShownRead()
  }

  // The chat on screen, scrolled to its newest message, with someone at the
  // keyboard, is read: move its read marker (once per burst of messages).
  private markShownRead (): void {
    if (this.readTimer || !this.screen) return
    this.readTimer = setTimeout(() => {
      this.readTimer = null
      const s = this.state
      if (!s || !this.screen || this.quitting || this.idle?.isIdle || !seesNewest(s)) return
      this.messenger.markRead(s.focused).catch(safetyCatch(err => this.log.debug({ err: String(err), chat: s.focused }, 'mark read failed')))
    }, READ_DELAY_MS)
    this.readTimer.unref()
  }

  private submit (): void {
    if (!this.state) return
    const { state, line } = takeInput(this.state)
    if (line.trim() === '') return
    this.state = state
    this.scheduleRender()
    this.session.current = state.focused
    this.session.run(line).then(result => {
      if (result.type === 'quit') return this.quit()
      this.changeFocus(s => applyResult(s, result))
    }, (err: unknown) => {
      if (!isHallwayError(err)) this.log.error({ err: String(err), stack: (err as Error)?.stack }, 'command failed')
      const text = isHallwayError(err) ? `${err.message} (${err.code})` : `internal error: ${String((err as Error)?.message ?? err)}`
      this.update(s => setNotice(s, { level: 'error', text }))
    }).catch(safetyCatch(err => this.log.error({ err: String(err) }, 'command handling failed')))
  }

  // ------------------------------------------------------------ drawing

  private update (fn: (s: ViewState) => ViewState): void {
    if (!this.state) return
    const next = fn(tick(this.state, this.now()))
    if (next === this.state) return
    this.state = next
    this.scheduleRender()
  }

  private scheduleRender (): void {
    if (this.renderQueued || !this.screen) return
    this.renderQueued = true
    setImmediate(() => {
      this.renderQueued = false
      this.renderNow()
    })
  }

  private renderNow (): void {
    const screen = this.screen
    const b = this.boxes
    if (!screen || !b || !this.state) return
    const s = this.state = tick(this.state, this.now())
    const l = layout(s.width, s.height)
    this.placeAll(screen, b, l)
    const set = (box: blessed.Widgets.BoxElement, lines: StyledLine[]): void => box.setContent(lines.map(toTags).join('\n'))
    set(b.header, [renderHeader(s, l.header.width)])
    if (l.chats) set(b.chats, renderChatList(s, l.chats.width, l.chats.height))
    set(b.messages, renderMessages(s, l.messages.width, l.messages.height))
    if (l.members) set(b.members, renderMembers(s, l.members.width, l.members.height))
    set(b.status, [renderStatusBar(s, l.status.width)])
    const input = renderInput(s, l.input.width)
    set(b.input, [input.line])
    screen.title = `hallway — ${s.focused}`
    screen.render()
    // blessed saves and restores the cursor around each draw: park it once
    // in the input line and it stays there.
    screen.program.cup(l.input.top, input.cursor)
    screen.program.showCursor()
  }

  private placeAll (screen: blessed.Widgets.Screen, b: Boxes, l: Layout): void {
    placeBox(b.header, l.header)
    placeBox(b.chats, l.chats)
    placeBox(b.messages, l.messages)
    placeBox(b.members, l.members)
    placeBox(b.status, l.status)
    placeBox(b.input, l.input)
    while (b.rules.length < l.rules.length) b.rules.push(createPaneBox(screen, l.rules[0]!))
    b.rules.forEach((box, i) => {
      const r = l.rules[i] ?? null
      placeBox(box, r)
      if (r) box.setContent(Array.from({ length: r.height }, () => '{gray-fg}│{/}').join('\n'))
    })
  }
}
