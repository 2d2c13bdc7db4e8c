// Who is in a chat, as the members pane and /who show it: online first,
// then present before away, then by name; the person themself always in.
import type { Directory } from './directory.ts'
import type { Member } from './events.ts'
import type { Presence } from './presence.ts'

export interface MemberSources {
  self: string
  selfAway: boolean
  presence: Presence
  directory: Directory
  isAway: (identity: string) => boolean
}

export function memberList (ids: Iterable<string>, s: MemberSources): Member[] {
  const all = new Set(ids)
  all.add(s.self)
  return [...all].map(id => {
    const self = id === s.self
    return {
      id,
      name: s.directory.name(id),
      display: s.directory.display(id),
      online: self || s.presence.isOnline(id),
      away: self ? s.selfAway : s.isAway(id),
      self
    }
  }).sort((a, b) => Number(b.online) - Number(a.online) || Number(a.away) - Number(b.away) || a.display.localeCompare(b.display))
}
