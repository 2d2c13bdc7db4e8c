import test from 'tape'
import { parsePeerService, serviceTxt } from '../../lib/discovery/peer-service.ts'

const pk = Buffer.alloc(32, 7)
const txt = serviceTxt(pk, 'abcd')

test('a hallway service of our workspace becomes a hint', t => {
  const hint = parsePeerService({ port: 47470, txt, addresses: ['10.0.0.2'], referer: { address: '10.0.0.2', family: 'IPv4' } }, 'abcd')
  t.deepEqual(hint, { publicKey: pk, host: '10.0.0.2', port: 47470 })
  const lo = parsePeerService({ port: 1, txt, addresses: [], referer: { address: '127.0.0.1', family: 'IPv4' } }, 'abcd')
  t.equal(lo?.host, '127.0.0.1', 'loopback-only hosts: the packet source')
  t.equal(Object.keys(txt).sort().join(','), 'pk,v,ws', 'TXT holds only version, key and workspace tag')
  t.end()
})

test('anything else is ignored', t => {
  const base = { port: 47470, addresses: ['10.0.0.2'] }
  t.equal(parsePeerService({ ...base, txt }, 'other'), null, 'other workspace')
  t.equal(parsePeerService({ ...base, txt: { ...txt, v: '9' } }, 'abcd'), null, 'other version')
  t.equal(parsePeerService({ ...base, txt: { ...txt, pk: 'zz' } }, 'abcd'), null, 'bad key')
  t.equal(parsePeerService({ ...base, txt: null }, 'abcd'), null, 'no txt')
  t.equal(parsePeerService({ ...base, port: 70000, txt }, 'abcd'), null, 'bad port')
  t.equal(parsePeerService({ port: 1, txt, addresses: [] }, 'abcd'), null, 'no address')
  t.end()
})
