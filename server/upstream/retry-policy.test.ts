import { expect, test } from 'vitest'
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
} from './retry-policy.ts'

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.UTC(2026, 0, 15, 8, 30, 0)
  expect(parseRetryAfter('3', now)).toBe(3000)
  expect(parseRetryAfter(' 0 ', now)).toBe(0)
  expect(parseRetryAfter('Thu, 15 Jan 2026 08:30:07 GMT', now)).toBe(7000)
  expect(parseRetryAfter('Thu, 15 Jan 2026 08:29:00 GMT', now)).toBe(0)
  expect(parseRetryAfter('soon', now)).toBeUndefined()
  expect(parseRetryAfter(null, now)).toBeUndefined()
})

test('backoff doubles per retry within half and all of the nominal delay, capped', () => {
  expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(125)
  expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 1)).toBe(250)
  expect(backoffMs(2, DEFAULT_RETRY_POLICY, () => 1)).toBe(500)
  expect(backoffMs(10, DEFAULT_RETRY_POLICY, () => 1)).toBe(2000)
})

test('only server-side failures are retried', () => {
  expect([500, 502, 503, 504].every(isRetryableStatus)).toBe(true)
  expect([400, 401, 403, 404, 405, 429, 501].some(isRetryableStatus)).toBe(false)
})
