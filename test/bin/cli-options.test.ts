// The relay's connection budget flag (issue 10, finding 8).
import test from 'tape'
import { parseCli } from '../../bin/cli-options.ts'
import { isHallwayError } from '../../lib/errors.ts'

const code = (argv: string[]): string | null => {
  try { parseCli(argv); return null } catch (err) { return isHallwayError(err) ? err.code : 'OTHER' }
}

test('--max-connections: a relay option, a whole number of at least 16', t => {
  t.equal(parseCli(['relay', '--max-connections', '8000']).maxConnections, 8000)
  t.equal(parseCli(['relay']).maxConnections, null, 'default: the relay limits')
  t.equal(code(['--max-connections', '100']), 'BAD_ARGUMENT', 'not an option of a node')
  t.equal(code(['relay', '--max-connections', '3']), 'BAD_ARGUMENT', 'below 16')
  t.equal(code(['relay', '--max-connections', 'lots']), 'BAD_ARGUMENT')
  t.end()
})
