import { expect, test } from 'vitest'
import {
  formatWindowInZone,
  formatWindowUtc,
  maintenanceWindow,
  parseTimeOfDay,
} from '@/dcs/maintenance-window'

const at = (iso: string) => new Date(iso)

test('seed window 22:00–02:00 crosses midnight and is 4 h long', () => {
  const window = maintenanceWindow('22:00:00', '02:00:00', at('2024-03-10T12:00:00Z'))
  expect(window).toEqual({
    beginMinutes: 1320,
    endMinutes: 120,
    durationMinutes: 240,
    crossesMidnight: true,
    inWindowNow: false,
    currentEnd: null,
    nextStart: at('2024-03-10T22:00:00Z'),
  })
})

test('after midnight inside a wrapping window: current end today, next start tonight', () => {
  const window = maintenanceWindow('22:00:00', '02:00:00', at('2024-03-10T01:30:00Z'))
  expect(window?.inWindowNow).toBe(true)
  expect(window?.currentEnd).toEqual(at('2024-03-10T02:00:00Z'))
  expect(window?.nextStart).toEqual(at('2024-03-10T22:00:00Z'))
})

test('before midnight inside a wrapping window: ends tomorrow, next start is tomorrow', () => {
  const window = maintenanceWindow('22:00:00', '02:00:00', at('2024-03-10T23:15:00Z'))
  expect(window?.inWindowNow).toBe(true)
  expect(window?.currentEnd).toEqual(at('2024-03-11T02:00:00Z'))
  expect(window?.nextStart).toEqual(at('2024-03-11T22:00:00Z'))
})

test('the end is exclusive and the start inclusive', () => {
  expect(maintenanceWindow('02:00:00', '06:00:00', at('2024-03-10T06:00:00Z'))?.inWindowNow).toBe(
    false,
  )
  const atStart = maintenanceWindow('02:00:00', '06:00:00', at('2024-03-10T02:00:00Z'))
  expect(atStart?.inWindowNow).toBe(true)
  expect(atStart?.currentEnd).toEqual(at('2024-03-10T06:00:00Z'))
})

test('a 1 h v2 window 18:00–19:00 before it starts', () => {
  const window = maintenanceWindow('18:00:00', '19:00:00', at('2024-03-10T17:59:30Z'))
  expect(window).toMatchObject({
    durationMinutes: 60,
    crossesMidnight: false,
    inWindowNow: false,
    nextStart: at('2024-03-10T18:00:00Z'),
  })
})

test('23:00–00:00 wraps to the next day and lasts 1 h', () => {
  const window = maintenanceWindow('23:00:00', '00:00:00', at('2024-03-10T23:59:59Z'))
  expect(window).toMatchObject({
    beginMinutes: 1380,
    endMinutes: 0,
    durationMinutes: 60,
    crossesMidnight: true,
    inWindowNow: true,
    currentEnd: at('2024-03-11T00:00:00Z'),
  })
  expect(maintenanceWindow('23:00:00', '00:00:00', at('2024-03-11T00:00:00Z'))?.inWindowNow).toBe(
    false,
  )
})

test('unparseable or missing times give null', () => {
  const now = at('2024-03-10T12:00:00Z')
  expect(maintenanceWindow(null, '02:00:00', now)).toBeNull()
  expect(maintenanceWindow('25:00:00', '02:00:00', now)).toBeNull()
  expect(maintenanceWindow('noon', '02:00:00', now)).toBeNull()
  expect(maintenanceWindow('22:00:00', '02:60:00', now)).toBeNull()
  expect(formatWindowInZone('x', '02:00:00', 'UTC', now)).toBeNull()
})

test('time of day accepts HH:mm:ss, HH:mm and the catalogue format HH', () => {
  expect(parseTimeOfDay('02:00:00')).toBe(120)
  expect(parseTimeOfDay('02:30')).toBe(150)
  expect(parseTimeOfDay('22')).toBe(1320)
  expect(parseTimeOfDay('24:00:00')).toBe(0)
  expect(parseTimeOfDay('')).toBeNull()
})

test('UTC rendering', () => {
  expect(formatWindowUtc('22:00:00', '02:00:00')).toBe('22:00–02:00 UTC')
  expect(formatWindowInZone('22:00:00', '02:00:00', 'UTC', at('2024-01-15T12:00:00Z'))).toBe(
    '22:00–02:00 (UTC)',
  )
})

test('Berlin shows CET in winter and CEST in summer', () => {
  expect(
    formatWindowInZone('22:00:00', '02:00:00', 'Europe/Berlin', at('2024-01-15T12:00:00Z')),
  ).toBe('23:00–03:00 (CET)')
  expect(
    formatWindowInZone('22:00:00', '02:00:00', 'Europe/Berlin', at('2024-07-15T12:00:00Z')),
  ).toBe('00:00–04:00 (CEST)')
})

test('Kolkata is UTC+5:30 all year', () => {
  expect(
    formatWindowInZone('18:00:00', '19:00:00', 'Asia/Kolkata', at('2024-07-15T12:00:00Z')),
  ).toBe('23:30–00:30 (GMT+5:30)')
})

test('New York in English (US) uses EST and EDT', () => {
  expect(
    formatWindowInZone(
      '02:00:00',
      '06:00:00',
      'America/New_York',
      at('2024-01-15T12:00:00Z'),
      'en-US',
    ),
  ).toBe('21:00–01:00 (EST)')
  expect(
    formatWindowInZone(
      '02:00:00',
      '06:00:00',
      'America/New_York',
      at('2024-07-15T12:00:00Z'),
      'en-US',
    ),
  ).toBe('22:00–02:00 (EDT)')
})

test('the rendered occurrence is the next one, across a DST switch', () => {
  // Berlin switches to summer time on 2024-03-31 at 01:00 UTC; the next window after Saturday
  // noon starts Saturday 22:00 UTC (still CET) and ends after the switch, at 04:00 CEST.
  expect(
    formatWindowInZone('22:00:00', '02:00:00', 'Europe/Berlin', at('2024-03-30T12:00:00Z')),
  ).toBe('23:00–04:00 (CET)')
})

test('an unknown time zone gives null instead of throwing', () => {
  expect(
    formatWindowInZone('22:00:00', '02:00:00', 'Mars/Olympus', at('2024-01-15T12:00:00Z')),
  ).toBeNull()
})
