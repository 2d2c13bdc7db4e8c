// What the fault tests read back from real nodes: a chat's history as the
// node shows it, and the problems its log recorded.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Proc } from '../helpers/netns.ts'
import type { MessageOut } from '../helpers/node-proc.ts'

// `/history n` of the node's current chat: the message events it answers
// with, in order: the `count` message events just before its `history`
// event (other message events, a start-up replay say, may come between).
export async function historyOf (p: Proc, n: number, timeoutMs = 20_000): Promise<MessageOut[]> {
  const mark = p.events.length
  p.write(`/history ${n}`)
  const end = await p.waitFor(e => p.events.indexOf(e) >= mark && e.event === 'history', { what: `/history ${n}`, timeoutMs })
  const count = Number(end.count)
  return count === 0 ? [] : p.events.slice(0, p.events.indexOf(end)).filter((e): e is MessageOut => e.event === 'message').slice(-count)
}

// The node's log (on a folder's first start Corestore moves the file it finds
// beside it into db/, so both places are read).
export async function readLog (dataDir: string): Promise<string[]> {
  const parts = await Promise.all(['db/hallway.log', 'hallway.log'].map(f => fs.readFile(path.join(dataDir, f), 'utf8').catch(() => '')))
  return parts.join('\n').split('\n').filter(Boolean)
}

// Log lines that mean a block or a feed failed: verification, decoding, reading.
const PROBLEMS = /"msg":"(block skipped|feed rejected|feed read failed|background task failed)"|"level":(50|60)/
export async function logProblems (dataDir: string): Promise<string[]> {
  return (await readLog(dataDir)).filter(l => PROBLEMS.test(l))
}
