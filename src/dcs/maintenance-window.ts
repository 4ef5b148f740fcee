/**
 * Maintenance windows (dcs/REFERENCE.md §6): `maintain_begin` / `maintain_end` are `HH:mm:ss` in
 * UTC, 4 h long in v1 and 1 h in v2, and may wrap past midnight (22:00→02:00, 23:00→00:00).
 * All math is on minutes of the UTC day; `now` is always a parameter.
 */

const MINUTES_PER_DAY = 24 * 60
const MS_PER_MINUTE = 60_000
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE

export interface MaintenanceWindow {
  /** Minutes after 00:00 UTC. */
  beginMinutes: number
  endMinutes: number
  durationMinutes: number
  /** The end falls on the next UTC day (22:00→02:00, also 23:00→00:00). */
  crossesMidnight: boolean
  inWindowNow: boolean
  /** End of the running window, or null when not in a window now. */
  currentEnd: Date | null
  /** Start of the next window; while in a window, tomorrow's start. */
  nextStart: Date
}

/**
 * Accepts `HH:mm:ss`, `HH:mm` and the catalogue's bare `HH` (REFERENCE §9.11). Returns minutes
 * after midnight, or null for anything else.
 */
export function parseTimeOfDay(text: string | null): number | null {
  if (text === null) return null
  const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(text.trim())
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2] ?? '0')
  const seconds = Number(match[3] ?? '0')
  if (hours > 24 || minutes > 59 || seconds > 59) return null
  if (hours === 24 && (minutes > 0 || seconds > 0)) return null
  return (hours * 60 + minutes + seconds / 60) % MINUTES_PER_DAY
}

/** Null when either end is missing or unparseable. Equal begin and end mean a full day. */
export function maintenanceWindow(
  begin: string | null,
  end: string | null,
  now: Date,
): MaintenanceWindow | null {
  const beginMinutes = parseTimeOfDay(begin)
  const endMinutes = parseTimeOfDay(end)
  if (beginMinutes === null || endMinutes === null || Number.isNaN(now.getTime())) return null
  const durationMinutes =
    (endMinutes - beginMinutes + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY
  const nowMs = now.getTime()
  const msOfDay = ((nowMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY
  // Time since the most recent start at or before now.
  const sinceStartMs = (msOfDay - beginMinutes * MS_PER_MINUTE + MS_PER_DAY) % MS_PER_DAY
  const lastStartMs = nowMs - sinceStartMs
  const inWindowNow = sinceStartMs < durationMinutes * MS_PER_MINUTE
  return {
    beginMinutes,
    endMinutes,
    durationMinutes,
    crossesMidnight: endMinutes <= beginMinutes,
    inWindowNow,
    currentEnd: inWindowNow ? new Date(lastStartMs + durationMinutes * MS_PER_MINUTE) : null,
    nextStart: new Date(lastStartMs + MS_PER_DAY),
  }
}

/** "22:00–02:00 UTC", or null when unparseable. */
export function formatWindowUtc(begin: string | null, end: string | null): string | null {
  const beginMinutes = parseTimeOfDay(begin)
  const endMinutes = parseTimeOfDay(end)
  if (beginMinutes === null || endMinutes === null) return null
  return `${clock(beginMinutes)}–${clock(endMinutes)} UTC`
}

/**
 * The window in a viewer's zone, e.g. "23:00–03:00 (CET)". The local hours depend on the date
 * (daylight saving), so the occurrence rendered is the running one or else the next one after
 * `now`. Zone names come from Intl and differ by locale: en-GB says "CET", en-US "GMT+1".
 */
export function formatWindowInZone(
  begin: string | null,
  end: string | null,
  timeZone: string,
  now: Date,
  locale = 'en-GB',
): string | null {
  const window = maintenanceWindow(begin, end, now)
  if (!window) return null
  const start = window.currentEnd
    ? new Date(window.currentEnd.getTime() - window.durationMinutes * MS_PER_MINUTE)
    : window.nextStart
  const finish =
    window.currentEnd ?? new Date(start.getTime() + window.durationMinutes * MS_PER_MINUTE)
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
  } catch {
    return null
  }
  const from = localParts(format, start)
  const to = localParts(format, finish)
  return `${from.time}–${to.time} (${from.zone})`
}

function localParts(format: Intl.DateTimeFormat, date: Date): { time: string; zone: string } {
  const parts = format.formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return { time: `${part('hour')}:${part('minute')}`, zone: part('timeZoneName') }
}

function clock(minutes: number): string {
  const whole = Math.floor(minutes)
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`
}
