// The identities the relay holds for API members (issue 5, "HTTP API"):
// each member is a Messenger of its own, with no network, its data in
// `<relay data>/members/<name>/`, joined to the relay's node by an
// in-memory link. A member exists from its first /connect on and is opened
// again whenever the pool starts, so it is online while the relay runs.
// Bearer tokens are random; only their hashes are kept (member-file.ts).
//
// Slots are few (each member holds a Corestore open), so nobody may take
// them for good (issue 10, finding 7): a member can remove itself, and when
// the pool is full a new member takes the slot of one that was never used
// (no request with its token) for `unusedMs`, or else of one idle for
// `idleMs`. A script that makes members without using them only holds slots
// until someone needs one.
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { hallwayError, safetyCatch } from '../errors.ts'
import { checkName } from '../wire/index.ts'
import type { Messenger } from '../chat/messenger.ts'
import { apiError } from './api-error.ts'
import { MemberFile } from './member-file.ts'
import { MemberLink } from './member-link.ts'
import { MEMBER_NAME_RE } from './schemas.ts'

export interface MemberPoolOptions {
  // The relay's own node; members reach the workspace through it, and use
  // its workspace key.
  relay: Messenger
  // The relay's data folder: members.json goes there.
  dataDir: string
  // Makes the (not yet opened) node of a member; bin/ decides how.
  member: (name: string) => Messenger
  // At most this many members (default 64): each holds a Corestore open.
  maxMembers?: number
  // How long ready() and connect() wait for one member's node to open
  // (default 10 s). One that takes longer is logged and left opening, so a
  // stuck member never keeps the relay or the other members down.
  openWaitMs?: number
  // A member never used this long gives its slot to a new one when the pool
  // is full (default 10 min); one used, but not for idleMs (default 30
  // days), does too.
  unusedMs?: number
  idleMs?: number
  // The clock (tests move it).
  now?: () => number
  log?: Messenger['log']
}

export interface MemberPoolEvents {
  // The member is gone (removed, or its slot taken); its node is closed.
  removed: [member: ApiMember]
}

export interface ApiMember {
  readonly name: string
  readonly messenger: Messenger
  readonly link: MemberLink
}

export interface Connected {
  member: ApiMember
  token: string
  created: boolean
}

export const DEFAULT_MAX_MEMBERS = 64
export const DEFAULT_OPEN_WAIT_MS = 10_000
export const DEFAULT_UNUSED_MS = 10 * 60_000
export const DEFAULT_IDLE_MS = 30 * 24 * 3600_000
const NAME = new RegExp(MEMBER_NAME_RE)

export class MemberPool extends EventEmitter<MemberPoolEvents> {
  readonly opts: MemberPoolOptions
  private readonly file: MemberFile
  private readonly open = new Map<string, ApiMember>()
  private readonly starting = new Map<string, Promise<ApiMember>>()
  private readonly log: Messenger['log']
  // Connects run one at a time: each may create a folder and rewrite the file.
  private queue: Promise<unknown> = Promise.resolve()
  private opening: Promise<void> | null = null
  private closing: Promise<void> | null = null

  constructor (opts: MemberPoolOptions) {
    super()
    // One listener per open event stream.
    this.setMaxListeners(0)
    this.opts = opts
    this.file = new MemberFile(opts.dataDir)
    this.log = opts.log ?? opts.relay.log.child({ module: 'members' })
  }

  get size (): number {
    return this.open.size
  }

  get maxMembers (): number {
    return this.opts.maxMembers ?? DEFAULT_MAX_MEMBERS
  }

  // Reads members.json and opens every member in it. The relay node must be
  // ready first (its identity keys the links).
  ready (): Promise<void> {
    this.opening ??= this.load()
    return this.opening
  }

  private async load (): Promise<void> {
    await this.opts.relay.ready()
    await this.file.load()
    await Promise.all(this.file.names().map(async name => {
      try {
        if (await this.startBounded(name) === null) this.log.error({ member: name }, 'API member is still opening; it is unavailable until it has')
      } catch (err) {
        this.log.error({ member: name, err: String(err) }, 'could not open API member')
      }
    }))
  }

  members (): ApiMember[] {
    return [...this.open.values()]
  }

  // Creates the member `name`, or loads it again: an existing member needs
  // its token, so that nobody who can reach the API takes over a bot's
  // identity by knowing its name.
  connect (name: string, token: string | null = null): Promise<Connected> {
    const run = this.queue.then(() => this.connectNow(name, token))
    this.queue = run.catch(() => {})
    return run
  }

  // The open member a token belongs to.
  byToken (token: string): ApiMember | null {
    const name = this.file.nameOf(token)
    return name === null ? null : this.open.get(name) ?? null
  }

  // Whether this pool issued the token, open member or not (a member whose
  // node failed to open, or is still opening, is unavailable, not unknown).
  knows (token: string): boolean {
    return this.file.nameOf(token) !== null
  }

  // A request carried the member's token: its slot is in use.
  touch (member: ApiMember): void {
    this.file.touch(member.name, this.now()).catch(safetyCatch(err => this.log.warn({ member: member.name, err: String(err) }, 'could not note the use of an API member')))
  }

  // Removes the member: its node is closed, its token and its folder are
  // gone, and its name is free.
  remove (member: ApiMember): Promise<void> {
    const run = this.queue.then(() => this.removeNow(member.name))
    this.queue = run.catch(() => {})
    return run
  }

  close (): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private now (): number {
    return (this.opts.now ?? Date.now)()
  }

  private async removeNow (name: string): Promise<void> {
    if (this.closing) throw hallwayError('CLOSED', 'the relay is shutting down')
    // Out of the file first: if the rest fails, the name is still free and
    // the token dead.
    await this.file.remove(name)
    await this.starting.get(name)?.catch(() => {})
    const member = this.open.get(name)
    this.open.delete(name)
    if (member) {
      member.link.close()
      await member.messenger.close().catch(err => this.log.warn({ member: name, err: String(err) }, 'member close failed'))
      this.emit('removed', member)
    }
    // The folder bin/relay-node.ts gives a member (memberNode).
    await fs.rm(path.join(this.opts.dataDir, 'members', name), { recursive: true, force: true })
    this.log.info({ member: name }, 'API member removed')
  }

  // The member whose slot a new one may take, or null: never used for
  // unusedMs, oldest first; else idle for idleMs, longest idle first.
  private reclaimable (): string | null {
    const now = this.now()
    const unusedMs = this.opts.unusedMs ?? DEFAULT_UNUSED_MS
    const idleMs = this.opts.idleMs ?? DEFAULT_IDLE_MS
    let unused: [string, number] | null = null
    let idle: [string, number] | null = null
    for (const name of this.file.names()) {
      const rec = this.file.record(name)!
      if (rec.lastUsed === null) {
        if (now - rec.created >= unusedMs && (!unused || rec.created < unused[1])) unused = [name, rec.created]
      } else if (now - rec.lastUsed >= idleMs && (!idle || rec.lastUsed < idle[1])) idle = [name, rec.lastUsed]
    }
    return unused?.[0] ?? idle?.[0] ?? null
  }

  private async connectNow (name: string, token: string | null): Promise<Connected> {
    await this.ready()
    if (this.closing) throw hallwayError('CLOSED', 'the relay is shutting down')
    if (!NAME.test(name)) throw hallwayError('BAD_NAME', `${name} is not a member name: 1-32 of A-Z a-z 0-9 . _ -, not starting with a dot`)
    if (this.file.has(name)) {
      if (token === null || !this.file.matches(name, token)) {
        throw apiError('NAME_TAKEN', `${name} is an existing member: connect with its token (Authorization: Bearer), or choose another name`)
      }
      const member = this.open.get(name) ?? await this.startBounded(name)
      if (member === null) throw apiError('UNAVAILABLE', `${name} is still opening: try again later`)
      this.touch(member)
      return { member, token, created: false }
    }
    // A new member takes no name (nor look-alike) the relay has seen in use:
    // the person who had it keeps it plain, and `@name` keeps meaning them
    // (issue 10, finding 12). People the relay has not met yet keep theirs
    // too when they appear: their profile is the earlier claim.
    checkName(name)
    if (this.opts.relay.directory.taken(name)) throw apiError('NAME_TAKEN', `${name} is in use in this workspace (or looks like a name that is): choose another name`)
    if (this.file.names().length >= this.maxMembers) {
      const gone = this.reclaimable()
      if (gone === null) {
        this.log.warn({ member: name, max: this.maxMembers }, 'API member refused: the pool is full')
        throw apiError('FORBIDDEN', `this relay holds at most ${this.maxMembers} API members, all in use (a member leaves with DELETE /connect)`)
      }
      this.log.warn({ member: gone, for: name }, 'API member removed: unused, and its slot is needed')
      await this.removeNow(gone)
    }
    const member = await this.startBounded(name)
    if (member === null) throw apiError('UNAVAILABLE', `${name} is still opening: try again later`)
    const fresh = randomBytes(32).toString('hex')
    try {
      await this.file.add(name, fresh, this.now())
    } catch (err) {
      // Without its token on disk the member would be lost: undo the open.
      // Its folder stays, and the next connect of the name adopts it.
      this.open.delete(name)
      member.link.close()
      await member.messenger.close().catch(() => {})
      throw err
    }
    this.log.info({ member: name, id: member.messenger.id }, 'API member created')
    return { member, token: fresh, created: true }
  }

  // Opens a member once however often asked; null if it is not open within
  // openWaitMs (it goes on opening, and joins the pool when it is done).
  private async startBounded (name: string): Promise<ApiMember | null> {
    let started = this.starting.get(name)
    if (!started) {
      started = this.openMember(name).finally(() => this.starting.delete(name))
      started.catch(() => {}) // awaited below, or by a later caller
      this.starting.set(name, started)
    }
    let timer: NodeJS.Timeout | null = null
    const late = new Promise<null>(resolve => { timer = setTimeout(() => resolve(null), this.opts.openWaitMs ?? DEFAULT_OPEN_WAIT_MS) })
    try {
      return await Promise.race([started, late])
    } finally {
      clearTimeout(timer!)
    }
  }

  private async openMember (name: string): Promise<ApiMember> {
    if (!NAME.test(name)) throw hallwayError('BAD_NAME', `${name} is not a member name`)
    const messenger = this.opts.member(name)
    try {
      await messenger.ready()
      if (this.closing) throw hallwayError('CLOSED', 'the relay is shutting down')
    } catch (err) {
      await messenger.close().catch(() => {})
      throw err
    }
    const link = new MemberLink(this.opts.relay, messenger)
    link.open()
    const member: ApiMember = { name, messenger, link }
    this.open.set(name, member)
    return member
  }

  // Members still opening are not waited for: they close themselves when
  // they are done (openMember).
  private async shutdown (): Promise<void> {
    await this.opening?.catch(() => {})
    await this.queue
    const members = [...this.open.values()]
    this.open.clear()
    for (const m of members) m.link.close()
    await Promise.all(members.map(m => m.messenger.close().catch(err => this.log.warn({ member: m.name, err: String(err) }, 'member close failed'))))
  }
}
