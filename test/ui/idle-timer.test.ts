import test from 'tape'
import { IdleTimer } from '../../lib/ui/idle-timer.ts'

test('idle after the timeout, active again on the next key', async t => {
  const seen: string[] = []
  let idle!: () => void
  const wentIdle = new Promise<void>(resolve => { idle = resolve })
  const timer = new IdleTimer({ timeoutMs: 30, onIdle: () => { seen.push('idle'); idle() }, onActive: () => seen.push('active') })
  // The timer does not keep a process alive (a quitting UI must not wait
  // for it); this one bounds the test instead.
  const deadline = setTimeout(() => t.fail('never went idle'), 5000)
  await wentIdle
  clearTimeout(deadline)
  t.ok(timer.isIdle)
  timer.activity()
  timer.activity()
  t.deepEqual(seen, ['idle', 'active'], 'one idle, one active')
  timer.close()
})

test('keys keep it from going idle', async t => {
  let idled = false
  const timer = new IdleTimer({ timeoutMs: 1000, onIdle: () => { idled = true }, onActive: () => {} })
  for (let i = 0; i < 5; i++) timer.activity()
  timer.close()
  t.notOk(idled)
  t.notOk(timer.isIdle)
})
