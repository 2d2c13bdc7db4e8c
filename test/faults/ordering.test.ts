// Finding 5 of issue 10: ordering a peer could game. A counter of
// 0xffffffff made an honest node stamp 2^32, which the wire stores as 0, so
// the reply sorted below what it answered; wall = 1 showed as 1970; a
// message could be slipped between two old ones. Now the counter is
// bounded, clocks before the epoch are invalid, and every entry must be
// after the one before it in its feed and after its feed's header
// (docs/protocol.md §3) — the same rule on every node.
import test from 'tape'
import { MAX_FUTURE_MS } from '../../lib/chat/hlc.ts'
import { encodeBlock, MAX_LOGICAL, type Entry, type Hlc } from '../../lib/wire/index.ts'
import { connect, createPeer } from '../helpers/peers.ts'
import { createEvil, recordingLog } from './evil-peer.ts'

const msg = (text: string, hlc: Hlc): Entry => ({ type: 'message', text, hlc })

test('counters past the bound, 1970, entries before their header or not after the one before: refused the same way on every node; replies sort after what they answer', async t => {
  const log = recordingLog()
  const v = await createPeer(t, 'victim', { log })
  const g = await createPeer(t, 'grace')
  connect(v, g)
  await g.m.send('#general', 'honest before')
  await v.waitMessage(e => e.text === 'honest before')

  const evil = await createEvil(t)
  const core = await evil.feed([])
  const header = evil.header(core.key!)
  const H = Date.now() // the header above was stamped at or before this
  await core.append([
    header,
    encodeBlock([msg('at the bound', { wall: H + 1, logical: MAX_LOGICAL })]),
    // Minutes ahead (inside the hold limit), so honest clocks jump to it.
    encodeBlock([msg('past the bound', { wall: H + MAX_FUTURE_MS - 60_000, logical: 0xffffffff })]),
    encodeBlock([msg('from 1970', { wall: 1, logical: 0 })]),
    encodeBlock([msg('before its header', { wall: H - 120_000, logical: 0 })]), // the header is dated a minute back (evil-peer.ts)
    encodeBlock([msg('in order', { wall: H + 3, logical: 0 })]),
    encodeBlock([msg('slipped back', { wall: H + 2, logical: 5 })]),
    encodeBlock([msg('in order 2', { wall: H + 10, logical: 0 }), msg('slipped back in its block', { wall: H + 9, logical: 0 })]),
    encodeBlock([msg('after the slips', { wall: H + 11, logical: 0 })])
  ])
  evil.connect(v.m, { then: () => evil.announce() })
  await v.waitMessage(e => e.text === 'after the slips')
  await g.waitMessage(e => e.text === 'after the slips')
  await g.m.send('#general', 'reply')
  await v.waitMessage(e => e.text === 'reply')

  const refused = ['past the bound', 'from 1970', 'before its header', 'slipped back', 'slipped back in its block']
  const shown = (await v.m.history('#general', 50)).map(e => e.text)
  t.deepEqual(shown.filter(x => refused.includes(x)), [], 'none of the gamed entries is shown')
  t.deepEqual((await g.m.history('#general', 50)).map(e => e.text), shown, 'grace orders the chat exactly as the victim')
  t.deepEqual(shown, ['honest before', 'at the bound', 'in order', 'in order 2', 'after the slips', 'reply'], 'the reply sorts after everything it answers')
  const reply = (await v.m.history('#general', 1))[0]!
  t.ok(reply.ts - Date.now() < 60_000, 'the honest clock did not jump minutes ahead')
  t.equal(log.warnings.filter(w => w.msg === 'block skipped' && w.obj.reason === 'bad-hlc').length, 2, 'two blocks refused for their clock (counter past the bound, 1970)')
  const outOfOrder = log.warnings.filter(w => w.msg === 'entries out of order skipped').reduce((n, w) => n + Number(w.obj.entries), 0)
  t.equal(outOfOrder, 3, 'three entries skipped and counted as out of order')

  await g.m.send('#general', 'honest after')
  await v.waitMessage(e => e.text === 'honest after')
  t.pass('honest messages still flow')
})
