import test from 'tape'
import { keyAction, KEY_HELP } from '../../lib/ui/key-action.ts'

const key = (full: string, o: { ctrl?: boolean, meta?: boolean } = {}): { full: string, ctrl?: boolean, meta?: boolean } => ({ full, ...o })

test('the keys of the issue', t => {
  t.deepEqual(keyAction('\r', key('enter')), { type: 'submit' })
  t.deepEqual(keyAction('\r', key('return')), { type: 'none' }, 'blessed reports Enter twice; one sends')
  t.deepEqual(keyAction('\n', key('linefeed')), { type: 'submit' }, 'a line typed ahead before the UI started ends in LF')
  t.deepEqual(keyAction(undefined, key('M-1', { meta: true })), { type: 'focus', index: 0 })
  t.deepEqual(keyAction(undefined, key('M-9', { meta: true })), { type: 'focus', index: 8 })
  t.deepEqual(keyAction(undefined, key('C-n', { ctrl: true })), { type: 'cycle', dir: 1 })
  t.deepEqual(keyAction(undefined, key('C-p', { ctrl: true })), { type: 'cycle', dir: -1 })
  t.deepEqual(keyAction('\t', key('tab')), { type: 'complete', dir: 1 })
  t.deepEqual(keyAction(undefined, key('up')), { type: 'recall', dir: -1 })
  t.deepEqual(keyAction(undefined, key('down')), { type: 'recall', dir: 1 })
  t.deepEqual(keyAction(undefined, key('pageup')), { type: 'scroll', amount: 'page', dir: 1 })
  t.deepEqual(keyAction(undefined, key('pagedown')), { type: 'scroll', amount: 'page', dir: -1 })
  t.deepEqual(keyAction('\x03', key('C-c', { ctrl: true })), { type: 'quit' })
  t.end()
})

test('printable characters are typed; other control keys do nothing', t => {
  t.deepEqual(keyAction('a', key('a')), { type: 'insert', text: 'a' })
  t.deepEqual(keyAction('é', key('é')), { type: 'insert', text: 'é' })
  t.deepEqual(keyAction('日', undefined), { type: 'insert', text: '日' })
  t.deepEqual(keyAction('\x1b', key('M-x', { meta: true })), { type: 'none' })
  t.deepEqual(keyAction('\x07', key('C-g', { ctrl: true })), { type: 'none' })
  t.ok(KEY_HELP.length > 5, 'keys are documented for /help')
  t.end()
})
