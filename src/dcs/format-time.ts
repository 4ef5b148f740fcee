/** Human time formatting. Every function takes `now` (and a zone where it matters) as a parameter. */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A compact duration: "45 s", "3 min", "2 h 5 min", "4 days". */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, Math.abs(ms))
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR)
    const minutes = Math.floor((abs % HOUR) / MINUTE)
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`
  }
  const days = Math.floor(abs / DAY)
  if (days < 60) return `${days} ${days === 1 ? 'day' : 'days'}`
  const months = Math.floor(days / 30.44)
  if (months < 24) return `${months} months`
  return `${Math.floor(days / 365.25)} years`
}

/** "12 s ago" for a past instant, "in 3 h 20 min" for a future one. */
export function formatRelative(then: Date, now: Date): string {
  const diff = then.getTime() - now.getTime()
  if (Math.abs(diff) < SECOND) return 'just now'
  return diff < 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(diff)}`
}

/** Parses an ISO-8601 timestamp; null for anything that is not a valid date. */
export function parseTimestamp(value: string | null | undefined): Date | null {
  // Only ISO dates: `new Date("0")` would invent the year 2000.
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "2017-03-31 14:24 CEST" in the given zone (24 h clock, ISO-like date for unambiguous reading). */
export function formatDateTime(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`
}

/** "14:24:05" in the given zone. */
export function formatClock(date: Date, timeZone?: string, seconds = true): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(date)
}
