// A person's name when they have not chosen one: their OS user name, made
// valid, or `anon`.
import os from 'node:os'
import { isAllowedName, MAX_NAME_CHARS } from '../wire/index.ts'

export function defaultName (): string {
  let user = ''
  try {
    user = os.userInfo().username
  } catch {
    // no passwd entry (some containers): fall back below
  }
  const clean = [...user.replace(/[\s@#]/g, '')].slice(0, MAX_NAME_CHARS).join('')
  return isAllowedName(clean) ? clean : 'anon'
}
