// A real terminal for the console UI's smoke test: a tmux server started
// inside a test namespace (so the node in it never touches the machine's own
// network), driven with send-keys and read with capture-pane.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tape'
import { cleanup, type Host } from '../helpers/netns.ts'

const run = promisify(execFile)

export interface PaneOptions {
  width: number
  height: number
  // one shell command line, run in the pane
  command: string
}

export async function tmuxAvailable (): Promise<boolean> {
  try {
    await run('tmux', ['-V'])
    return true
  } catch {
    return false
  }
}

// Every tmux socket this process used, so a test can check none is left.
export const sockets: string[] = []

export class TmuxPane {
  // a socket file in a folder of its own (tmux -S), removed with the server
  readonly socket: string
  // the pane's shell, whose child is the program under test
  private panePid = 0
  private last = ''

  private constructor (socket: string) {
    this.socket = socket
  }

  static async start (t: Test, host: Host, o: PaneOptions): Promise<TmuxPane> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallway-tmux-'))
    const pane = new TmuxPane(path.join(dir, 'tmux.sock'))
    sockets.push(pane.socket)
    // Runs before the namespace is deleted (the caller registered that
    // earlier; cleanups run last-in first-out).
    cleanup(t, async () => {
      await pane.kill()
      await fs.rm(dir, { recursive: true, force: true })
    })
    // -u: UTF-8 whatever the locale; -f /dev/null: no personal tmux.conf.
    await run('ip', ['netns', 'exec', host.ns, 'tmux', '-u', '-S', pane.socket, '-f', '/dev/null',
      'new-session', '-d', '-s', 'smoke', '-x', String(o.width), '-y', String(o.height), o.command])
    pane.panePid = Number((await pane.tmux('display-message', '-p', '-t', 'smoke', '#{pane_pid}')).stdout.trim())
    return pane
  }

  // tmux client commands reach the server through its socket file, from any
  // namespace.
  private tmux (...args: string[]): Promise<{ stdout: string }> {
    return run('tmux', ['-S', this.socket, ...args])
  }

  // Keys by tmux name (Enter, C-c, M-1, PageUp, ...).
  async keys (...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', 'smoke', ...keys)
  }

  // Text typed as is.
  async type (text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'smoke', '-l', text)
  }

  async resize (width: number, height: number): Promise<void> {
    await this.tmux('resize-window', '-t', 'smoke', '-x', String(width), '-y', String(height))
  }

  async screen (): Promise<string> {
    this.last = (await this.tmux('capture-pane', '-p', '-t', 'smoke')).stdout
    return this.last
  }

  // Polls the screen until `pred` holds: waiting on the screen changing, with
  // a deadline that fails the test with what the screen showed last.
  async waitFor (pred: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      let screen: string
      try {
        screen = await this.screen()
      } catch (err) {
        throw new Error(`tmux went away while waiting for ${what}: ${(err as Error).message}\nlast screen:\n${this.last}`, { cause: err })
      }
      if (pred(screen)) return screen
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen showed:\n${screen}`)
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }

  // Ends the tmux server and waits until the pane's processes are gone, so
  // that nothing still writes to the test's folders when they are deleted.
  async kill (): Promise<void> {
    const pids = this.panePid > 0 ? [this.panePid, ...children(this.panePid)] : []
    await this.tmux('kill-server').catch(() => { /* already gone */ })
    const deadline = Date.now() + 5000
    while (pids.some(alive)) {
      if (Date.now() > deadline) {
        for (const pid of pids) { try { process.kill(pid, 'SIGKILL') } catch { /* gone */ } }
        break
      }
      await new Promise(resolve => setTimeout(resolve, 20))
    }
  }
}

function children (pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

// A zombie (dead, not yet reaped) counts as gone.
function alive (pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}
