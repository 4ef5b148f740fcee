/**
 * Calls a project's DCS endpoint: adds auth headers, enforces a timeout, shares identical
 * concurrent calls, and remembers per project when it last got an answer.
 */
import { CoalescingCache } from './coalescing-cache.ts'
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.ts'
import type { UpstreamProject } from './projects.ts'

export interface UpstreamResponse {
  status: number
  /** The body exactly as received. */
  body: string
  contentType: string | null
  /** The upstream's Retry-After header, passed on with a 429. */
  retryAfter: string | null
  /** Epoch ms when the answer arrived (may be up to the cache TTL old). */
  receivedAt: number
}

/** No HTTP answer: the endpoint refused, was unreachable or too slow, or IAM gave no token. */
export class UpstreamError extends Error {
  override name = 'UpstreamError'
  constructor(
    readonly kind: 'unreachable' | 'timeout' | 'auth',
    /** e.g. ECONNREFUSED, ENOTFOUND, "no answer within 10000 ms", or why IAM gave no token. */
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`)
  }
}

export interface UpstreamHealth {
  project: string
  lastOkAt: string | null
  lastError: string | null
  lastErrorAt: string | null
}

export interface DcsClientOptions {
  timeoutMs: number
  /** How long an answer is reused; 0 shares only concurrent calls. */
  cacheTtlMs: number
  retry?: RetryPolicy
}

function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause
  if (typeof cause === 'object' && cause !== null) {
    const { code, errors } = cause as { code?: unknown; errors?: unknown }
    if (typeof code === 'string') return code
    if (Array.isArray(errors)) {
      const inner = errors.find((e): e is { code: string } => typeof e?.code === 'string')
      if (inner !== undefined) return inner.code
    }
    if (cause instanceof Error) return cause.message
  }
  return error instanceof Error ? error.message : String(error)
}

export class DcsClient {
  private readonly cache: CoalescingCache<UpstreamResponse>
  private readonly health = new Map<string, UpstreamHealth>()

  constructor(private readonly options: DcsClientOptions) {
    this.cache = new CoalescingCache(options.cacheTtlMs)
  }

  /** GET `{endpoint}{path}?{query}`; resolves with any HTTP answer, rejects with UpstreamError. */
  get(project: UpstreamProject, path: string, query?: URLSearchParams): Promise<UpstreamResponse> {
    const url = new URL(project.endpoint.replace(/\/+$/, '') + path)
    if (query !== undefined) url.search = query.toString()
    return this.cache.get(url.href, () => this.fetchWithRetries(project, url))
  }

  healthReport(projects: UpstreamProject[]): UpstreamHealth[] {
    return projects.map(
      (project) =>
        this.health.get(project.id) ?? {
          project: project.id,
          lastOkAt: null,
          lastError: null,
          lastErrorAt: null,
        },
    )
  }

  /**
   * One logical GET: a 401 renews the credential and tries once more; 5xx answers and network
   * failures are retried with backoff (a timeout only once, so a hung endpoint costs at most two
   * timeouts); a 429 is waited out when its Retry-After is short, else passed on.
   */
  private async fetchWithRetries(project: UpstreamProject, url: URL): Promise<UpstreamResponse> {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY
    let renewedAuth = false
    let timeouts = 0
    for (let attempt = 1; ; attempt += 1) {
      const more = attempt < policy.attempts
      let authHeaders: Record<string, string>
      try {
        authHeaders = await project.auth.headers({ method: 'GET', url })
      } catch (error) {
        const failure = new UpstreamError(
          'auth',
          error instanceof Error ? error.message : String(error),
        )
        this.record(project.id, failure.message)
        throw failure
      }
      let result: UpstreamResponse
      try {
        result = await this.fetchOnce(url, authHeaders)
      } catch (error) {
        const failure = error as UpstreamError
        if (failure.kind === 'timeout') timeouts += 1
        if (more && timeouts < 2) {
          await sleep(backoffMs(attempt, policy))
          continue
        }
        this.record(project.id, failure.message)
        throw failure
      }
      if (result.status === 401 && !renewedAuth && project.auth.invalidate !== undefined) {
        project.auth.invalidate(authHeaders)
        renewedAuth = true
        attempt -= 1
        continue
      }
      if (result.status === 429 && more) {
        const wait = parseRetryAfter(result.retryAfter) ?? backoffMs(attempt, policy)
        if (wait <= policy.maxRetryAfterMs) {
          await sleep(wait)
          continue
        }
      }
      if (isRetryableStatus(result.status) && more) {
        await sleep(backoffMs(attempt, policy))
        continue
      }
      this.record(project.id, result.status >= 500 ? `HTTP ${result.status}` : null)
      return result
    }
  }

  private async fetchOnce(
    url: URL,
    authHeaders: Record<string, string>,
  ): Promise<UpstreamResponse> {
    try {
      const response = await fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeaders },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      })
      const body = await response.text()
      return {
        status: response.status,
        body,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        receivedAt: Date.now(),
      }
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      throw timedOut
        ? new UpstreamError('timeout', `no answer within ${this.options.timeoutMs} ms`)
        : new UpstreamError('unreachable', networkErrorCode(error))
    }
  }

  private record(projectId: string, error: string | null): void {
    const now = new Date().toISOString()
    const entry = this.health.get(projectId) ?? {
      project: projectId,
      lastOkAt: null,
      lastError: null,
      lastErrorAt: null,
    }
    if (error === null) {
      entry.lastOkAt = now
    } else {
      entry.lastError = error
      entry.lastErrorAt = now
    }
    this.health.set(projectId, entry)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
