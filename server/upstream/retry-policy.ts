/**
 * When to try a DCS GET again. GETs are safe to repeat; a few quick retries hide a gateway hiccup
 * from every open screen, while a bound keeps a dead endpoint from multiplying the load.
 */

export interface RetryPolicy {
  /** Tries in total, the first included. */
  attempts: number
  /** Backoff before retry n (1-based) is about baseDelayMs × 2^(n−1), with jitter. */
  baseDelayMs: number
  maxDelayMs: number
  /** A 429 whose Retry-After asks for longer than this is passed on instead of waited out. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 5_000,
}

/** Statuses worth another try: the gateway or DCS failing, not the request being wrong. */
export function isRetryableStatus(status: number): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504
}

/** Exponential backoff with "equal jitter": between half and all of the nominal delay. */
export function backoffMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.round(nominal / 2 + (random() * nominal) / 2)
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or bad. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
