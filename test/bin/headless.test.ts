// Multi-process tests of the real bin/ in headless mode, on loopback inside
// a namespace of their own (mDNS included: nothing leaves the namespace).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createLoopbackNs, netnsTest } from '../helpers/netns.ts'
import { tmpDir } from '../helpers/peers.ts'
import { BIN, ROOT, isPeer, isReady, isText, messages, startNode } from '../helpers/node-proc.ts'

const run = promisify(execFile)

netnsTest('two processes find each other over mDNS and talk both ways; a clean quit is seen at once', async t => {
  const host = await createLoopbackNs({ t })
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7101 })
  const b = startNode(t, host, { name: 'bob', data: await tmpDir(t, 'b'), port: 7102 })
  const ra = await a.waitFor(isReady, { what: 'a ready' })
  const rb = await b.waitFor(isReady, { what: 'b ready' })
  t.equal(ra.name, 'alice', 'ready carries the name')
  t.equal(ra.port, 7101, 'and the port')
  const started = Date.now()
  await a.waitFor(isPeer('online', rb.id), { what: 'b online at a' })
  await b.waitFor(isPeer('online', ra.id), { what: 'a online at b' })
  t.comment(`discovered each other ${Date.now() - started} ms after both were ready`)
  a.write('hello bob')
  const got = await b.waitFor(isText('hello bob'), { what: 'message at b' })
  t.equal(got.from.name, 'alice', 'sender name')
  t.equal(got.chat, '#general', 'in #general')
  t.equal(got.history, false, 'live')
  b.write('hi alice')
  await a.waitFor(isText('hi alice'), { what: 'reply at a' })
  t.pass('messages flow both ways')

  const quitAt = Date.now()
  b.write('/quit')
  await a.waitFor(isPeer('offline', rb.id), { what: 'b offline at a', timeoutMs: 1000 })
  t.comment(`clean quit seen as offline after ${Date.now() - quitAt} ms (limit 1000)`)
  t.equal((await b.exited).code, 0, 'b exits 0')
})

netnsTest('kill -9: offline within 15 s; restarted, it catches up from the others', async t => {
  const host = await createLoopbackNs({ t })
  const dataB = await tmpDir(t, 'b')
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7111 })
  let b = startNode(t, host, { name: 'bob', data: dataB, port: 7112 })
  const rb = await b.waitFor(isReady, { what: 'b ready' })
  await a.waitFor(isPeer('online', rb.id), { what: 'b online' })
  b.write('before the crash')
  await a.waitFor(isText('before the crash'), { what: 'first message' })
  const killedAt = Date.now()
  await b.stop()
  await a.waitFor(isPeer('offline', rb.id), { what: 'b offline after kill -9', timeoutMs: 15000 })
  t.comment(`kill -9 seen as offline after ${Date.now() - killedAt} ms (limit 15000)`)
  for (let i = 0; i < 25; i++) a.write(`missed ${i}`)
  await a.waitFor(isText('missed 24'), { what: 'a sent all' })
  b = startNode(t, host, { name: 'bob', data: dataB, port: 7112 })
  await b.waitFor(isText('missed 24'), { what: 'b caught up', timeoutMs: 15000 })
  const shown = messages(b).map(m => m.text)
  t.ok(shown.includes('before the crash') || shown.includes('missed 5'), 'history is there')
  t.deepEqual(shown.slice(-20), Array.from({ length: 20 }, (_, i) => `missed ${i + 5}`), 'the last 20, in order')
  b.write('/history 30')
  await b.waitFor(e => e.event === 'history', { what: '/history' })
  const hist = messages(b).filter(m => m.history).slice(-26).map(m => m.text)
  t.deepEqual(hist, ['before the crash', ...Array.from({ length: 25 }, (_, i) => `missed ${i}`)], 'nothing lost, in order')
})

netnsTest('--peer and --no-mdns connect nodes directly', async t => {
  const host = await createLoopbackNs({ t })
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7121, args: ['--no-mdns'] })
  const ra = await a.waitFor(isReady, { what: 'a ready' })
  const b = startNode(t, host, { name: 'bob', data: await tmpDir(t, 'b'), port: 7122, args: ['--no-mdns', '--peer', '127.0.0.1:7121'] })
  const rb = await b.waitFor(isReady, { what: 'b ready' })
  await a.waitFor(isPeer('online', rb.id), { what: 'b online at a' })
  await b.waitFor(isPeer('online', ra.id), { what: 'a online at b' })
  a.write('direct')
  await b.waitFor(isText('direct'), { what: 'message over a static peer' })
  t.pass('connected without mDNS')
})

netnsTest('commands: channels, errors with stable codes, /who', async t => {
  const host = await createLoopbackNs({ t })
  const a = startNode(t, host, { name: 'alice', data: await tmpDir(t, 'a'), port: 7131, args: ['--no-mdns'] })
  await a.waitFor(isReady, { what: 'ready' })
  a.write('/join #Ops')
  await a.waitFor(e => e.event === 'joined' && e.chat === '#ops', { what: 'joined #ops' })
  a.write('in ops')
  const m = await a.waitFor(isText('in ops'), { what: 'own message echoed' })
  t.equal(m.chat, '#ops', 'sent to the current chat')
  a.write('/leave #general')
  await a.waitFor(e => e.event === 'error' && e.code === 'CANNOT_LEAVE_GENERAL', { what: 'error for leaving #general' })
  a.write('/bogus')
  await a.waitFor(e => e.event === 'error' && e.code === 'UNKNOWN_COMMAND', { what: 'unknown command error' })
  a.write('/who')
  const who = await a.waitFor(e => e.event === 'who', { what: '/who' })
  t.equal(who.chat, '#ops', '/who of the current chat')
  t.pass('bad commands are errors, the node carries on')
  a.write('/quit')
  t.equal((await a.exited).code, 0, 'exits 0')
})

netnsTest('one process per data folder; bad arguments: a line and a code, no stack trace', async t => {
  const host = await createLoopbackNs({ t })
  const data = await tmpDir(t, 'a')
  const a = startNode(t, host, { name: 'alice', data, port: 7141, args: ['--no-mdns'] })
  await a.waitFor(isReady, { what: 'first owner ready' })
  const second = startNode(t, host, { name: 'alice', data, port: 7142, args: ['--no-mdns'] })
  const err = await second.waitFor(e => e.event === 'error', { what: 'DATA_LOCKED' })
  t.equal(err.code, 'DATA_LOCKED', 'second process refused')
  const exit = await second.exited
  t.notEqual(exit.code, 0, 'exits non-zero')
  t.notOk(/\n\s+at /.test(second.tail()), 'no stack trace')
  a.write('still here')
  await a.waitFor(isText('still here'), { what: 'owner unharmed' })

  try {
    await run(process.execPath, ['--import', 'tsx', BIN, '--port', 'lots'], { cwd: ROOT })
    t.fail('should exit non-zero')
  } catch (e) {
    const { code, stderr } = e as { code: number, stderr: string }
    t.equal(code, 1, 'exit 1')
    t.ok(stderr.includes('BAD_ARGUMENT'), 'stable code on stderr')
    t.notOk(/\n\s+at /.test(stderr), 'no stack trace')
  }
})
