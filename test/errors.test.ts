import test from 'tape'
import { hallwayError, safetyCatch } from '../lib/errors.ts'

test('safetyCatch hands operational failures on and rethrows programmer errors', t => {
  const seen: unknown[] = []
  const c = safetyCatch(err => seen.push(err))
  const io = hallwayError('DISK_FULL', 'full')
  c(io)
  c(new Error('peer went away'))
  t.deepEqual(seen.length, 2, 'operational failures are handled')
  t.throws(() => c(new TypeError('x is undefined')), TypeError)
  t.throws(() => c(new RangeError('too many arguments')), RangeError)
  t.equal(seen.length, 2, 'programmer errors are not swallowed')
  t.end()
})
