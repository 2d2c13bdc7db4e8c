// Does a message mention a person? `@name` always does; the bare name does
// too (as IRC clients highlight it) when it is at least three characters
// long, so that a person called `al` is not pinged by every "al". Either must
// stand as a word: `alice` does not mention `ali`.
export function mentions (text: string, name: string): boolean {
  if (name === '') return false
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = [...name].length >= 3 ? `@?${escaped}` : `@${escaped}`
  return new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'iu').test(text)
}
