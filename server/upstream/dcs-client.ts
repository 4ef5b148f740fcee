/**
 * Calls a project's DCS endpoint: adds auth headers, enforces a timeout, shares identical
 * concurrent calls, and remembers per project when it last got an answer.
 */
import { CoalescingCache } from './coalescing-cache.ts'
import type { UpstreamProject } from './projects.ts'

export interface UpstreamResponse {
  status: number
  /** The body exactly as received. */
  body: string
  contentType: string | null
  /** Epoch ms when the answer arrived (may be up to the cache TTL old). */
  receivedAt: number
}

/** No HTTP answer at all: the endpoint refused, was unreachable, or did not answer in time. */
export class UpstreamError extends Error {
  override name = 'UpstreamError'
  constructor(
    readonly kind: 'unreachable' | 'timeout',
    /** e.g. ECONNREFUSED, ENOTFOUND, or "no answer within 10000 ms". */
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
    return this.cache.get(url.href, () => this.fetchOnce(project, url))
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

  private async fetchOnce(project: UpstreamProject, url: URL): Promise<UpstreamResponse> {
    const authHeaders = await project.auth.headers({ method: 'GET', url })
    try {
      const response = await fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...authHeaders },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      })
      const body = await response.text()
      const result: UpstreamResponse = {
        status: response.status,
        body,
        contentType: response.headers.get('content-type'),
        receivedAt: Date.now(),
      }
      this.record(project.id, response.status >= 500 ? `HTTP ${response.status}` : null)
      return result
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      const failure = timedOut
        ? new UpstreamError('timeout', `no answer within ${this.options.timeoutMs} ms`)
        : new UpstreamError('unreachable', networkErrorCode(error))
      this.record(project.id, failure.message)
      throw failure
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
