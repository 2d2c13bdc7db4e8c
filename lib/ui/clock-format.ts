// Times and days as the message pane shows them, in the local time zone.
// Hand-formatted (not Intl) so that the screen looks the same on every
// system and the tests can pin it.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const two = (n: number): string => String(n).padStart(2, '0')

export function timeOfDay (ts: number): string {
  const d = new Date(ts)
  return `${two(d.getHours())}:${two(d.getMinutes())}`
}

// A key that is the same for two times on the same local day.
export function dayKey (ts: number): string {
  const d = new Date(ts)
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}

export function dayLabel (ts: number, now: number): string {
  if (dayKey(ts) === dayKey(now)) return 'Today'
  if (dayKey(ts) === dayKey(now - 86_400_000)) return 'Yesterday'
  const d = new Date(ts)
  const label = `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`
  return d.getFullYear() === new Date(now).getFullYear() ? label : `${label} ${d.getFullYear()}`
}
