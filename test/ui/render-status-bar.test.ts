import test from 'tape'
import { ALONE_HINT, renderStatusBar } from '../../lib/ui/render-status-bar.ts'
import { lineWidth, plainText } from '../../lib/ui/styled-text.ts'
import { setNotice, setPeers, tick } from '../../lib/ui/view-state.ts'
import { state, T0 } from './fixtures.ts'

test('name, workspace, peers, relay', t => {
  const s = setPeers(state(), 2, true)
  t.equal(plainText(renderStatusBar(s, 100)).trimEnd(), ' alice │ workspace 1a2b3c4d │ 2 peers │ relay connected')
  t.equal(lineWidth(renderStatusBar(s, 100)), 100, 'spans the width')
  t.equal(plainText(renderStatusBar(setPeers(state(), 1, false), 100)).trimEnd(), ' alice │ workspace 1a2b3c4d │ 1 peer │ no relay')
  t.end()
})

test('alone for more than 5 s: the hint', t => {
  const s = state()
  t.notOk(plainText(renderStatusBar(tick(s, T0 + 5000), 100)).includes(ALONE_HINT), 'not before 5 s')
  t.ok(plainText(renderStatusBar(tick(s, T0 + 5001), 100)).includes('no peers found — check multicast or use --peer'))
  t.end()
})

test('an error takes the bar, cut to fit at 80 columns', t => {
  const s = setNotice(state(), { level: 'error', text: 'unknown command /x: try /help (UNKNOWN_COMMAND)' })
  t.equal(plainText(renderStatusBar(s, 80)).trimEnd(), ' alice │  unknown command /x: try /help (UNKNOWN_COMMAND)')
  t.equal(lineWidth(renderStatusBar(s, 30)), 30)
  t.end()
})
