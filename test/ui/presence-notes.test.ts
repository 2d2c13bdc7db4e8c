import test from 'tape'
import { PresenceNotes } from '../../lib/ui/presence-notes.ts'

test('offline and back within the grace period: no lines at all', t => {
  const notes = new PresenceNotes(10_000)
  let announced = false
  notes.offline('bob', () => { announced = true })
  t.equal(notes.online('bob'), false, 'the return is not announced')
  notes.close()
  t.notOk(announced, 'nor the departure')
  t.equal(notes.online('carol'), true, 'someone arriving is')
  t.end()
})

test('offline for longer than the grace period: announced once', async t => {
  const notes = new PresenceNotes(20)
  const keepAlive = setTimeout(() => t.fail('never announced'), 5000)
  let count = 0
  await new Promise<void>(resolve => notes.offline('bob', () => { count++; resolve() }))
  clearTimeout(keepAlive)
  t.equal(count, 1)
  t.equal(notes.online('bob'), true, 'then coming back is announced')
  notes.close()
})
