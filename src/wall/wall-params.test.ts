import { expect, test } from 'vitest'
import { matchesStatusFilter, parseWallParams } from './wall-params'

test('an empty query gives the defaults: all projects, all statuses, dark, 75/90 %', () => {
  expect(parseWallParams('')).toEqual({
    projects: null,
    statusClasses: null,
    statuses: null,
    refreshSeconds: null,
    pageSeconds: 20,
    theme: 'dark',
    thresholds: { warning: 75, critical: 90 },
    ignored: [],
  })
})

test('a full TV link is read as written', () => {
  const params = parseWallParams(
    '?projects=9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6,3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9&status=failed,stopped&refresh=15&page=30&theme=light&warn=70&crit=85',
  )
  expect(params).toEqual({
    projects: ['9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6', '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9'],
    statusClasses: ['failed', 'stopped'],
    statuses: null,
    refreshSeconds: 15,
    pageSeconds: 30,
    theme: 'light',
    thresholds: { warning: 70, critical: 85 },
    ignored: [],
  })
})

test('status classes come back in severity order, case-insensitive, unknown words ignored', () => {
  const params = parseWallParams('status=Healthy,FAILED,broken')
  expect(params.statusClasses).toEqual(['failed', 'healthy'])
  expect(params.ignored).toEqual(['status: broken'])
})

test('single statuses mix with classes, case-insensitive, in severity order', () => {
  const params = parseWallParams('status=running,Frozen,failed,ERROR,closing')
  expect(params.statusClasses).toEqual(['failed'])
  // ERROR is already covered by "failed"; the others come in severity order.
  expect(params.statuses).toEqual(['FROZEN', 'CLOSING', 'RUNNING'])
  expect(params.ignored).toEqual([])
  expect(parseWallParams('status=ERROR,FROZEN')).toMatchObject({
    statusClasses: null,
    statuses: ['ERROR', 'FROZEN'],
    ignored: [],
  })
})

test('a status that is neither a class nor a known status is ignored, the rest kept', () => {
  const params = parseWallParams('status=ERROR,RUNNIN,stoped,%20FROZEN%20')
  expect(params.statuses).toEqual(['ERROR', 'FROZEN'])
  expect(params.statusClasses).toBeNull()
  expect(params.ignored).toEqual(['status: RUNNIN, stoped'])
  const none = parseWallParams('status=nope')
  expect(none).toMatchObject({ statusClasses: null, statuses: null, ignored: ['status: nope'] })
})

test('a status list with one unusable value names that value, not the applied ones', () => {
  const params = parseWallParams('status=FROZEN,bogus')
  expect(params.statuses).toEqual(['FROZEN'])
  expect(params.ignored).toEqual(['status: bogus'])
  expect(params.ignored.join()).not.toContain('FROZEN')
})

test('the status filter passes whole classes and single statuses, or everything when empty', () => {
  const filter = parseWallParams('status=failed,FROZEN')
  expect(matchesStatusFilter('CREATEFAILED', filter)).toBe(true)
  expect(matchesStatusFilter('frozen ', filter)).toBe(true)
  expect(matchesStatusFilter('CLOSED', filter)).toBe(false)
  expect(matchesStatusFilter('RUNNING', filter)).toBe(false)
  expect(matchesStatusFilter('WHATEVER', parseWallParams(''))).toBe(true)
  expect(matchesStatusFilter('PAUSED', parseWallParams('status=unknown'))).toBe(true)
})

test('units are tolerated: 30s and 80%', () => {
  const params = parseWallParams('refresh=30s&page=10S&warn=80%25')
  expect(params.refreshSeconds).toBe(30)
  expect(params.pageSeconds).toBe(10)
  expect(params.thresholds.warning).toBe(80)
})

test.each([
  ['refresh=0', 'refresh'],
  ['refresh=-5', 'refresh'],
  ['refresh=1', 'refresh'],
  ['refresh=abc', 'refresh'],
  ['refresh=1e3', 'refresh'],
  ['refresh=99999', 'refresh'],
  ['page=2', 'page'],
  ['page=NaN', 'page'],
  ['theme=purple', 'theme'],
])('%s falls back to the default', (query, name) => {
  const params = parseWallParams(query)
  expect(params.refreshSeconds).toBeNull()
  expect(params.pageSeconds).toBe(20)
  expect(params.theme).toBe('dark')
  expect(params.ignored).toEqual([name])
})

test('thresholds out of range or crossed fall back to 75/90 as a pair', () => {
  expect(parseWallParams('warn=0&crit=150').thresholds).toEqual({ warning: 75, critical: 90 })
  expect(parseWallParams('warn=95').thresholds).toEqual({ warning: 75, critical: 90 })
  expect(parseWallParams('warn=95').ignored).toEqual(['warn', 'crit'])
  expect(parseWallParams('warn=90&crit=80').thresholds).toEqual({ warning: 75, critical: 90 })
  expect(parseWallParams('crit=95').thresholds).toEqual({ warning: 75, critical: 95 })
})

test('project ids that are not URL-safe are dropped; none left means every project', () => {
  expect(parseWallParams('projects=abc,../etc,abc').projects).toEqual(['abc'])
  const params = parseWallParams('projects=,,%2F')
  expect(params.projects).toBeNull()
  expect(params.ignored).toEqual(['projects'])
})

test('a hostile or broken query never throws', () => {
  for (const query of [
    '%',
    '&&&',
    'refresh',
    'theme=&warn=&crit=',
    'projects=' + 'a,'.repeat(5000),
  ]) {
    expect(() => parseWallParams(query)).not.toThrow()
  }
})
