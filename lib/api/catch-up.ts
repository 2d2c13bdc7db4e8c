// A member that was just created (or loaded at start) has nothing of a
// chat until its link to the relay has replicated it, yet POST /connect
// promises the newest messages of #general. So before answering, wait —
// on the member's own events, bounded — until the member has every message
// of the relay's newest n in that chat.
import type { Messenger } from '../chat/messenger.ts'

export const CATCH_UP_MS = 5000

// Resolves true once caught up, false if the time ran out first.
export async function catchUp (relay: Messenger, member: Messenger, chat: string, n: number, timeoutMs = CATCH_UP_MS): Promise<boolean> {
  let target: string[]
  try {
    target = (await relay.history(chat, n)).map(e => e.id)
  } catch {
    return true // the relay does not read this chat: nothing to wait for
  }
  if (target.length === 0) return true
  return new Promise(resolve => {
    let running = false
    let again = false
    let done = false
    const finish = (ok: boolean): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      member.off('message', poke)
      member.off('members', poke)
      resolve(ok)
    }
    // One check at a time; events during a check ask for one more.
    const check = async (): Promise<void> => {
      running = true
      try {
        // Twice n: messages newer than the target may have come in meanwhile.
        const have = new Set((await member.history(chat, 2 * n)).map(e => e.id))
        if (target.every(id => have.has(id))) finish(true)
      } catch {
        // not following the chat yet: wait for more events
      } finally {
        running = false
      }
      if (again && !done) {
        again = false
        void check()
      }
    }
    function poke (): void {
      if (running) again = true
      else void check()
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    member.on('message', poke)
    member.on('members', poke)
    poke()
  })
}
