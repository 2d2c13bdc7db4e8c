// `GET /messages?before=ID`: the `limit` messages just older than a given
// one. The chat layer fetches a chat's newest n messages (tail first,
// DESIGN.md §5), so this widens n until the given message is in the window,
// up to MAX_SCAN messages back.
import type { MessageEvent } from '../chat/events.ts'
import type { Messenger } from '../chat/messenger.ts'
import { apiError } from './api-error.ts'

export const MAX_SCAN = 10_000

export async function historyPage (m: Messenger, chat: string, limit: number, before?: string): Promise<MessageEvent[]> {
  if (before === undefined) return m.history(chat, limit)
  for (let n = Math.max(2 * limit, 64); ; n = Math.min(n * 4, MAX_SCAN)) {
    const list = await m.history(chat, n)
    const i = list.findIndex(e => e.id === before)
    const complete = list.length < n || n >= MAX_SCAN
    // Found, with `limit` older ones in the window (or all there are).
    if (i >= 0 && (i >= limit || complete)) return list.slice(Math.max(0, i - limit), i)
    if (i >= 0) continue
    if (list.length < n) throw apiError('UNKNOWN_MESSAGE', `${chat} has no message ${before}`)
    if (n >= MAX_SCAN) throw apiError('UNKNOWN_MESSAGE', `${before} is not among the newest ${MAX_SCAN} messages of ${chat}`)
  }
}
