import { expect, test } from 'vitest'
import { formatDateTime, formatDuration, formatRelative, parseTimestamp } from './format-time'

const now = new Date('2026-12-03T16:00:00.000Z')

test('past instants read as "N ago" with the largest fitting unit', () => {
  expect(formatRelative(new Date('2026-12-03T15:59:48.000Z'), now)).toBe('12 s ago')
  expect(formatRelative(new Date('2026-12-03T15:57:00.000Z'), now)).toBe('3 min ago')
  expect(formatRelative(new Date('2026-12-03T13:40:00.000Z'), now)).toBe('2 h 20 min ago')
  expect(formatRelative(new Date('2026-11-29T16:00:00.000Z'), now)).toBe('4 days ago')
})

test('the seed instance created 2017-03-31 is nine years old on 2026-12-03', () => {
  expect(formatRelative(new Date('2017-03-31T12:24:46.297Z'), now)).toBe('9 years ago')
})

test('future instants read as "in N"', () => {
  expect(formatRelative(new Date('2026-12-03T22:00:00.000Z'), now)).toBe('in 6 h')
  expect(formatDuration(90 * 60 * 1000)).toBe('1 h 30 min')
})

test('timestamps that are not dates give null, never Invalid Date', () => {
  expect(parseTimestamp('2021-04-18T18:55:43.509Z')?.toISOString()).toBe('2021-04-18T18:55:43.509Z')
  expect(parseTimestamp('not a date')).toBeNull()
  expect(parseTimestamp(null)).toBeNull()
  expect(parseTimestamp('')).toBeNull()
})

test('absolute times are shown in the viewer zone with its abbreviation', () => {
  const created = new Date('2017-03-31T12:24:46.297Z')
  expect(formatDateTime(created, 'UTC')).toBe('2017-03-31 12:24 UTC')
  expect(formatDateTime(created, 'Europe/Berlin')).toBe('2017-03-31 14:24 CEST')
})

test('numbers and bare digits are not taken for dates', () => {
  expect(parseTimestamp('0')).toBeNull()
  expect(parseTimestamp('1684191548248')).toBeNull()
  expect(parseTimestamp('2021-04-18')?.toISOString()).toBe('2021-04-18T00:00:00.000Z')
})
