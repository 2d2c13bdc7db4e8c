// Issue 10, findings 3, 6 and 11, in process (real stores, in-memory Noise
// streams): Follow frames that one peer can blow past the frame limit; who
// learns who talks to whom; a peer that only says it is a relay.
import test from 'tape'
import type { Messenger } from '../../lib/chat/messenger.ts'
import { randomBytes } from '../../lib/identity/keys.ts'
import { Workspace } from '../../lib/identity/workspace.ts'
import { LIVE_VERSION, MAX_FOLLOWED_CHATS, type Live } from '../../lib/wire/index.ts'
import { connect, createPeer, type TestPeer } from '../helpers/peers.ts'
import { createEvil, general, recordingLog, type EvilPeer } from './evil-peer.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const deviceKey = (p: TestPeer): string => p.m.identity.device.publicKey.toString('hex')

// What a raw peer is told: the chats the node says it follows (deltas
// applied) and the chats it got writer lists for.
interface Heard { follows: Set<string>, writers: Set<string>, frames: Live[], next (pred: (f: Live) => boolean, what: string): Promise<Live> }

function listen (evil: EvilPeer): Heard {
  const heard: Heard = {
    follows: new Set(),
    writers: new Set(),
    frames: [],
    next: (pred, what) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20_000)
      const on = (f: Live): void => {
        if (!pred(f)) return
        clearTimeout(timer)
        evil.live!.off('live', on)
        resolve(f)
      }
      evil.live!.on('live', on)
    })
  }
  evil.live!.on('live', f => {
    heard.frames.push(f)
    if (f.type === 'follow') {
      if (f.chats.length > 0 || (!f.added && !f.removed)) heard.follows.clear()
      for (const c of [...f.chats, ...(f.added ?? [])]) heard.follows.add(hex(c))
      for (const c of f.removed ?? []) heard.follows.delete(hex(c))
    }
    if (f.type === 'writers') heard.writers.add(hex(f.chat))
  })
  return heard
}

function until (m: Messenger, cond: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), 60_000)
    const check = (): void => {
      if (!cond()) return
      clearTimeout(timer)
      m.off('chats', check)
      resolve()
    }
    m.on('chats', check)
    check()
  })
}

test('finding 6: a third peer learns nothing of a direct chat, even by claiming to follow it', async t => {
  const a = await createPeer(t, 'alice')
  const b = await createPeer(t, 'bob')
  connect(a, b)
  await a.waitPeer(p => p.id === b.m.id && p.state === 'online')
  const dm = await a.m.openDirect(b.m.id)
  await a.m.send(dm, 'between us')
  await b.waitMessage(e => e.text === 'between us')
  const dmDk = hex(new Workspace().direct(a.m.identity.identity, b.m.identity.identity.publicKey).discoveryKey)
  const later = new Workspace().channel('#later').discoveryKey

  const evil = await createEvil(t)
  let heard: Heard | null = null
  const opened = new Promise<void>(resolve => evil.connect(a.m, { then: () => { heard = listen(evil); resolve() } }))
  await opened
  await heard!.next(f => f.type === 'follow', 'alice\'s follows')
  t.ok(heard!.follows.has(hex(general.discoveryKey)), 'alice tells a stranger she follows #general')
  t.notOk(heard!.follows.has(dmDk), 'alice does not tell a stranger about her direct chat with bob')

  // The attacker names the chat (as if it had learned its key): nothing.
  evil.live!.send({ type: 'follow', chats: [general.discoveryKey, Buffer.from(dmDk, 'hex'), later] })
  // A writers frame for #later comes after anything alice sends for the claim.
  const laterWriters = heard!.next(f => f.type === 'writers' && hex(f.chat) === hex(later), 'writers of #later')
  await a.m.join('#later')
  await laterWriters
  t.ok(heard!.writers.has(hex(general.discoveryKey)), 'writers of #general are given')
  t.notOk(heard!.writers.has(dmDk), 'no writer feeds, lengths or times of the direct chat are given')
  t.notOk(heard!.follows.has(dmDk), 'nor is the direct chat ever named')

  await a.m.send(dm, 'still between us')
  await b.waitMessage(e => e.text === 'still between us')
  t.pass('the direct chat still flows between the two')
})

test('finding 11: a peer that says it is a relay is not one; a pinned relay is', async t => {
  const log = recordingLog()
  const a = await createPeer(t, 'alice', { log })
  const b = await createPeer(t, 'bob')
  connect(a, b)
  await a.waitPeer(p => p.id === b.m.id && p.state === 'online')
  const dm = await a.m.openDirect(b.m.id)
  const dmDk = hex(new Workspace().direct(a.m.identity.identity, b.m.identity.identity.publicKey).discoveryKey)

  const evil = await createEvil(t)
  let heard: Heard | null = null
  await new Promise<void>(resolve => evil.connect(a.m, {
    hello: { type: 'hello', version: LIVE_VERSION, identity: evil.person.identity.publicKey, certificate: evil.person.certificate, name: 'relay', relay: true, dhtPort: 49737 },
    then: () => { heard = listen(evil); resolve() }
  }))
  await heard!.next(f => f.type === 'follow', 'alice\'s follows')
  await a.waitPeer(p => p.id === hex(evil.person.identity.publicKey) && p.state === 'online', 'the self-styled relay online')
  t.notOk(a.m.relayConnected(), 'a peer claiming relay: true does not count as a relay')
  t.notOk(heard!.follows.has(dmDk), 'the self-styled relay is not told of the direct chat')
  t.ok(log.warnings.some(w => w.obj.reason === 'unverified-relay'), 'the claim is logged')

  // A relay whose device key alice pinned carries the direct chat.
  const r = await createPeer(t, 'relay', { relay: true })
  const a2 = await createPeer(t, 'ann', { relayKeys: [deviceKey(r)] })
  connect(a2, b)
  await a2.waitPeer(p => p.id === b.m.id && p.state === 'online')
  const dm2 = await a2.m.openDirect(b.m.id)
  const dm2Dk = new Workspace().direct(a2.m.identity.identity, b.m.identity.identity.publicKey).discoveryKey
  connect(a2, r)
  await a2.waitPeer(p => p.id === r.m.id && p.state === 'online')
  await until(r.m, () => r.m.storage().chats >= 3) // directory, #general, the DM
  t.ok(a2.m.relayConnected(), 'a pinned relay counts as a relay')
  await a2.m.send(dm2, 'for the relay to carry')
  t.ok(await a2.m.flushToRelays(), 'the pinned relay took the direct chat')
  t.ok(r.m.storage().feeds >= 1 && dm2Dk.length === 32, 'the relay stores it')
  await a.m.send(dm, 'honest')
  await b.waitMessage(e => e.text === 'honest')
  t.pass('honest direct messages still flow')
})

test('finding 3: Follow frames from peers cannot push a relay past the frame limit; the excess is refused', async t => {
  const log = recordingLog()
  const r = await createPeer(t, 'relay', { relay: true, log })
  const a = await createPeer(t, 'alice', { relayKeys: [deviceKey(r)] })
  const b = await createPeer(t, 'bob', { relayKeys: [deviceKey(r)] })
  connect(a, r)
  connect(b, r)
  await a.m.send('#general', 'before')
  await b.waitMessage(e => e.text === 'before')

  // Two identities from one address, each naming the most one frame holds.
  for (let i = 0; i < 2; i++) {
    const evil = await createEvil(t)
    // The relay answers the flood with a Follow frame of its own (one a
    // peer reads, or one past the frame limit that it rejects).
    await new Promise<void>(resolve => evil.connect(r.m, {
      then: live => {
        let first = true
        const answered = (): void => { if (first) first = false; else resolve() }
        live.on('live', f => { if (f.type === 'follow') answered() })
        live.on('invalid', answered)
        live.send({ type: 'follow', chats: Array.from({ length: MAX_FOLLOWED_CHATS }, () => randomBytes(32)) })
      }
    }))
  }
  const carried = r.m.storage().chats
  t.ok(carried <= 2048 + 3, `the relay carries ${carried} chats, not ${2 * MAX_FOLLOWED_CHATS}: the rest were refused`)
  const refusals = log.warnings.filter(w => /budget/.test(w.msg))
  t.ok(refusals.length >= 1 && refusals.every(w => typeof w.obj.refused === 'number' && w.obj.refused > 0 && /budget$/.test(String(w.obj.reason))), 'each refusal is counted and logged with a reason')

  // A newcomer connects to the relay after the flood, and messages still pass through it.
  const c = await createPeer(t, 'carol', { relayKeys: [deviceKey(r)] })
  connect(c, r)
  await a.m.send('#general', 'after the flood')
  await b.waitMessage(e => e.text === 'after the flood')
  await c.waitMessage(e => e.text === 'after the flood')
  t.ok(a.m.relayConnected() && b.m.relayConnected() && c.m.relayConnected(), 'nobody dropped the relay')
})

test('finding 3: a relay carrying more chats than one frame holds tells another relay all of them, in pages', async t => {
  const n = MAX_FOLLOWED_CHATS + 904
  const r1 = await createPeer(t, 'relay1', { relay: true, carryBudget: { perIdentity: n, perAddress: n } })
  const evil = await createEvil(t)
  const dks = Array.from({ length: n }, () => randomBytes(32))
  await new Promise<void>(resolve => evil.connect(r1.m, {
    then: live => {
      live.send({ type: 'follow', chats: dks.slice(0, MAX_FOLLOWED_CHATS) })
      live.send({ type: 'follow', chats: [], added: dks.slice(MAX_FOLLOWED_CHATS) })
      resolve()
    }
  }))
  await until(r1.m, () => r1.m.storage().chats >= n + 2)
  const r2 = await createPeer(t, 'relay2', { relay: true, relayKeys: [deviceKey(r1)] })
  // r1 trusts r2 back, so it tells r2 every chat it carries.
  const r1b = await r1.restart({ relay: true, relayKeys: [deviceKey(r2)] })
  connect(r1b, r2)
  await until(r2.m, () => r2.m.storage().chats >= n + 2)
  t.pass(`the second relay carries all ${n} chats of the first`)
})
