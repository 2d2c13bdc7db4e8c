// The real console UI on a real (tmux) terminal, next to a headless node, in
// a network namespace of their own: what is typed on the screen reaches the
// other node, what it sends shows on the screen, and quitting is clean.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import test from 'tape'
import { createLoopbackNs, netnsAvailable } from '../helpers/netns.ts'
import { BIN, isPeer, isReady, isText, ROOT, startNode } from '../helpers/node-proc.ts'
import { tmpDir } from '../helpers/peers.ts'
import { textWidth } from '../../lib/ui/text-width.ts'
import { sockets, TmuxPane, tmuxAvailable } from './tmux-pane.ts'

const WIDTH = 100
const HEIGHT = 30

const lines = (screen: string): string[] => screen.replace(/\n$/, '').split('\n')
// The terminal column of the last rule (the one left of the member list).
const ruleColumn = (line: string): number => textWidth(line.slice(0, line.lastIndexOf('│')))

test('console UI: type a message, it reaches the other node; replies, switching, resize, Ctrl+C', async t => {
  const ns = await netnsAvailable()
  if (!ns.ok) return t.skip(`network namespaces unavailable: ${ns.reason}`)
  if (!await tmuxAvailable()) return t.skip('tmux is not installed (scripts/test.sh installs it)')

  const host = await createLoopbackNs({ t })
  const bob = startNode(t, host, { name: 'bob', data: await tmpDir(t, 'bob'), port: 7301 })
  await bob.waitFor(isReady, { what: 'bob ready' })

  const data = await tmpDir(t, 'alice')
  const command = `cd ${ROOT} && NCURSES_NO_UTF8_ACS=1 ${process.execPath} --import tsx ${BIN} --data ${data} --name alice --port 7302; echo "hallway exited with $?"; sleep 60`
  const pane = await TmuxPane.start(t, host, { width: WIDTH, height: HEIGHT, command })

  let screen = await pane.waitFor(s => s.includes('#general>') && s.includes('● bob'), 'the UI, with bob online in the member list')
  t.pass('the UI is up and shows bob online')
  t.ok(lines(screen).some(l => l.startsWith(' alice │ workspace')), 'status bar: own name and workspace')
  await bob.waitFor(e => e.event === 'peer' && e.state === 'online' && e.name === 'alice', { what: 'alice online at bob' })
  t.pass('bob sees alice online')

  const text = 'hello from the console: Привет, 日本語, 😀'
  await pane.type(text)
  await pane.keys('Enter')
  const got = await bob.waitFor(isText(text), { what: 'the typed message at bob' })
  t.equal(got.from.name, 'alice', 'bob got it from alice')
  t.equal(got.chat, '#general', 'in #general')

  bob.write('hi alice, {bold}not bold{/bold} \x1b[2J')
  screen = await pane.waitFor(s => s.includes('bob hi alice'), 'bob\'s reply on the screen')
  t.ok(screen.includes('{bold}not bold{/bold} ␛[2J'), 'tags and escapes from a peer are shown, not applied')
  const own = lines(screen).find(l => l.includes('hello from the console'))!
  t.equal(ruleColumn(own), ruleColumn(lines(screen)[1]!), 'the line with emoji and CJK keeps the right rule in its column')
  t.ok(lines(screen).every(l => textWidth(l) <= WIDTH), `every line fits ${WIDTH} columns`)

  await pane.type('/join #smoke')
  await pane.keys('Enter')
  await pane.waitFor(s => lines(s)[0]!.includes('#smoke') && s.includes('#smoke>'), '#smoke shown after /join')
  await pane.keys('M-1')
  await pane.waitFor(s => lines(s)[0]!.includes('#general') && s.includes('#general>'), 'Alt+1 back to #general')
  t.pass('/join and Alt+1 switch chats')

  await pane.type('/frobnicate')
  await pane.keys('Enter')
  await pane.waitFor(s => s.includes('UNKNOWN_COMMAND'), 'the error in the status bar')
  t.pass('a failed command shows its error in the status bar')

  await pane.resize(80, 24)
  screen = await pane.waitFor(s => lines(s).length === 24 && lines(s)[22]!.startsWith(' alice │') && lines(s)[23]!.startsWith('#general>'), 'the layout at 80x24')
  t.ok(lines(screen).every(l => textWidth(l) <= 80), 'every line fits 80 columns')
  t.ok(screen.includes('hello from the console'), 'the conversation is still there')

  await pane.keys('C-c')
  screen = await pane.waitFor(s => s.includes('hallway exited with'), 'hallway to exit')
  t.ok(screen.includes('hallway exited with 0'), 'exit code 0')
  t.notOk(/Error|\bat .*\.ts:\d+/.test(screen), 'no error or stack trace on the terminal')
  t.notOk(screen.includes('#general>'), 'the terminal was restored (the UI is gone)')
  await bob.waitFor(isPeer('offline', got.from.id), { what: 'alice offline at bob' })
  t.pass('the node closed: bob sees alice go offline')
})

const run = promisify(execFile)

test('no tmux server is left behind', async t => {
  for (const socket of sockets) {
    const alive = await run('tmux', ['-S', socket, 'has-session']).then(() => true, () => false)
    t.notOk(alive, `tmux server ${socket} is gone`)
    t.notOk(existsSync(socket), 'and its socket file')
  }
})
