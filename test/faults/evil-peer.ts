// A hostile peer for the bad-input tests, in process: its own Corestore and
// Noise key, speaking hallway's live protocol by hand, so that it can say
// and serve what a real node never would (forged hellos, feeds with bad
// headers, blocks that do not decrypt or do not validate).
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import NoiseSecretStream from '@hyperswarm/secret-stream'
import type { Test } from 'tape'
import type { Messenger } from '../../lib/chat/messenger.ts'
import { certifyDevice, signFeed } from '../../lib/identity/device-certificate.ts'
import { identityFromSeeds, type Identity } from '../../lib/identity/identity.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { Workspace, type ChatKeys } from '../../lib/identity/workspace.ts'
import type { Log } from '../../lib/log.ts'
import { LiveChannel } from '../../lib/net/live-channel.ts'
import { encodeBlock, type Entry, type Live, type WriterInfo } from '../../lib/wire/index.ts'
import { cleanup } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'

export const general: ChatKeys = new Workspace().channel('#general')

export interface HeaderFaults {
  // sign the certificate with another identity than the one named
  foreignCertificate?: boolean
  // sign the feed with another device than the one named
  foreignFeedSignature?: boolean
  // name another chat
  chat?: Uint8Array
  // claim this identity (with this certificate)
  identity?: { publicKey: Buffer, certificate: Buffer }
}

export class EvilPeer {
  readonly person: Identity = identityFromSeeds(randomBytes(32), randomBytes(32))
  readonly store: Corestore
  readonly feeds: Hypercore[] = []
  stream: NoiseSecretStream | null = null
  live: LiveChannel | null = null
  closed: Promise<void> = Promise.resolve()

  constructor (dir: string) {
    this.store = new Corestore(dir)
  }

  // A writer feed for a chat, encrypted with `encryptionKey` (the chat's key
  // unless the test wants blocks that do not decrypt).
  async feed (blocks: Uint8Array[], encryptionKey: Uint8Array = general.key): Promise<Hypercore> {
    const core = this.store.namespace(`evil-${this.feeds.length}`).get({ name: 'writer', encryption: { key: encryptionKey } })
    await core.ready()
    if (blocks.length) await core.append(blocks)
    this.feeds.push(core)
    return core
  }

  header (feedKey: Uint8Array, faults: HeaderFaults = {}, chat: ChatKeys = general): Uint8Array {
    const other = identityFromSeeds(randomBytes(32), randomBytes(32))
    const identity = faults.identity?.publicKey ?? this.person.identity.publicKey
    const certificate = faults.identity?.certificate ?? (faults.foreignCertificate ? certifyDevice(other.identity, this.person.device.publicKey) : this.person.certificate)
    const entry: Entry = {
      type: 'header',
      // A minute back: entries a test stamps "now" come after their header,
      // as the ordering rule asks (docs/protocol.md §3).
      hlc: { wall: Date.now() - 60_000, logical: 0 },
      header: {
        version: 1,
        identity,
        device: this.person.device.publicKey,
        certificate,
        feedSignature: signFeed(faults.foreignFeedSignature ? other.device : this.person.device, feedKey, chat.id),
        chat: faults.chat ?? chat.id,
        name: 'mallory'
      }
    }
    return encodeBlock([entry])
  }

  // Connect to a node over an in-memory Noise pair; `hello` replaces the
  // honest hello (forged certificates), `then` runs once the channel is open.
  connect (victim: Messenger, opts: { hello?: Live, then?: (live: LiveChannel) => void } = {}): void {
    const sa = new NoiseSecretStream(true, null, { keyPair: victim.identity.device })
    const sb = new NoiseSecretStream(false, null, { keyPair: this.person.device })
    sa.rawStream.pipe(sb.rawStream).pipe(sa.rawStream)
    sa.opened.then(ok => { if (ok) victim.addConnection(sa) }, () => {})
    sb.on('error', () => {})
    this.store.replicate(sb)
    const live = new LiveChannel(sb)
    this.stream = sb
    this.live = live
    this.closed = new Promise(resolve => sb.once('close', () => resolve()))
    live.on('open', () => {
      live.send(opts.hello ?? { type: 'hello', version: 1, identity: this.person.identity.publicKey, certificate: this.person.certificate, name: 'mallory', relay: false, dhtPort: 0 })
      live.send({ type: 'follow', chats: [general.discoveryKey] })
      opts.then?.(live)
    })
  }

  announce (feeds: Hypercore[] = this.feeds): void {
    const infos: WriterInfo[] = feeds.map(f => ({ key: f.key!, length: f.length, last: { wall: Date.now(), logical: 0 } }))
    this.live?.send({ type: 'writers', chat: general.discoveryKey, feeds: infos })
  }

  get dropped (): boolean {
    return this.stream?.destroyed === true
  }

  async close (): Promise<void> {
    this.stream?.destroy()
    await this.store.close()
  }
}

export async function createEvil (t: Test): Promise<EvilPeer> {
  const evil = new EvilPeer(await tmpDir(t, 'evil'))
  cleanup(t, () => evil.close())
  return evil
}

export interface Warning { msg: string, obj: Record<string, unknown> }
export interface RecordingLog extends Log {
  warnings: Warning[]
  // Resolves once `n` warnings match (a safety timeout rejects).
  until (pred: (w: Warning) => boolean, n?: number, timeoutMs?: number): Promise<void>
}

// A Log that keeps warnings, so a test can see what the node counted and why.
export function recordingLog (): RecordingLog {
  const warnings: Warning[] = []
  const waiters = new Set<() => void>()
  const note = (obj: object, msg?: string): void => {
    warnings.push({ msg: msg ?? '', obj: obj as Record<string, unknown> })
    for (const w of [...waiters]) w()
  }
  const log: RecordingLog = {
    warnings,
    debug: () => {},
    info: () => {},
    warn: note,
    error: note,
    child: () => log,
    until: (pred, n = 1, timeoutMs = 20_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${n} matching warnings; have ${warnings.filter(pred).length}`)) }, timeoutMs)
      const check = (): void => {
        if (warnings.filter(pred).length < n) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  }
  return log
}
