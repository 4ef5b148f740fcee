/**
 * The dashboard's HTTP server: the built SPA (with history fallback and cache headers), security
 * headers, compression, and the /api routes that proxy DCS calls with server-held credentials.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import type { DashboardConfig } from '../src/dcs/model.ts'
import { registerDashboardAccess } from './dashboard-access.ts'
import { DcsClient, UpstreamError, type UpstreamResponse } from './upstream/dcs-client.ts'
import { ProjectRegistry, type UpstreamProject } from './upstream/projects.ts'
import type { RetryPolicy } from './upstream/retry-policy.ts'

export interface AppOptions {
  projects: UpstreamProject[]
  /** The built SPA (vite build output); must contain index.html. */
  distDir: string
  /** Give up on a DCS call after this long (default 10 s). */
  upstreamTimeoutMs?: number
  /**
   * Reuse an upstream answer for this long; 0 only shares concurrent calls. The default is the
   * refresh interval, so any number of open screens cost one upstream call per interval.
   */
  cacheTtlMs?: number
  /** DASHBOARD_TOKEN: when set, pages and API need it (see dashboard-access.ts). */
  accessToken?: string
  retry?: RetryPolicy
  /** Poll interval the SPA should use (default 30 s). */
  refreshSeconds?: number
  logger?: boolean
}

/** The query parameters of the v1 list call the browser may pass through. */
export const LIST_QUERY_ALLOWLIST = [
  'start',
  'limit',
  'name',
  'status',
  'id',
  'ip',
  'include_failure',
] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const JSON_TYPE = 'application/json; charset=utf-8'
const MAX_QUERY_VALUE = 128
// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/
const API_PATHS = /^\/api\/(config|dcs\/[^/]+\/instances(\/[^/]+)?)$/

/** Browser input quoted in an error message: printable and short. */
function echo(value: string): string {
  const printable = value.replace(new RegExp(CONTROL_CHARS.source, 'g'), '?')
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable
}

function dashError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type(JSON_TYPE)
    .send({ error_code: code, error_msg: message })
}

/** index.html and its hash, re-read when a redeploy replaces the file. */
class IndexHtml {
  private cached: { stamp: string; html: Buffer; version: string } | undefined

  constructor(private readonly path: string) {}

  read(): { html: Buffer; version: string } {
    const stat = statSync(this.path)
    const stamp = `${stat.mtimeMs}:${stat.size}`
    if (this.cached?.stamp !== stamp) {
      const html = readFileSync(this.path)
      const version = createHash('sha256').update(html).digest('hex').slice(0, 16)
      this.cached = { stamp, html, version }
    }
    return this.cached
  }
}

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const registry = new ProjectRegistry(options.projects)
  const client = new DcsClient({
    timeoutMs: options.upstreamTimeoutMs ?? 10_000,
    cacheTtlMs: options.cacheTtlMs ?? (options.refreshSeconds ?? 30) * 1000,
    retry: options.retry,
  })
  const indexHtml = new IndexHtml(join(options.distDir, 'index.html'))
  const assetsDir = join(options.distDir, 'assets') + sep

  const app = Fastify({ logger: options.logger ?? false })
  if (options.accessToken !== undefined) {
    registerDashboardAccess(app, { token: options.accessToken })
  }

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        // React sets style props through the CSSOM, which CSP allows; no inline <style> exists.
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        // Served over plain HTTP on a LAN (wall screens): upgrading would break every asset.
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS belongs to whatever terminates TLS in front of us; includeSubDomains here could bite.
    strictTransportSecurity: false,
  })
  await app.register(fastifyCompress, { global: true, threshold: 1024 })
  await app.register(fastifyStatic, {
    root: options.distDir,
    prefix: '/',
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })

  const sendIndex = (reply: FastifyReply) =>
    reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml.read().html)

  // The static plugin answers a directory with 403, so the root page is served here.
  app.get('/', async (_request, reply) => sendIndex(reply))

  app.get('/api/config', async (_request, reply) => {
    const config: DashboardConfig = {
      projects: registry.publicInfo(),
      version: indexHtml.read().version,
      refreshSeconds: options.refreshSeconds ?? 30,
    }
    return reply.header('cache-control', 'no-store').send(config)
  })

  // Whether each upstream answered recently: within three refresh intervals of now.
  const recentMs = 3 * (options.refreshSeconds ?? 30) * 1000
  app.get('/healthz', async (_request, reply) => {
    const now = Date.now()
    const upstreams = client.healthReport(registry.all()).map((health) => {
      const project = registry.get(health.project)
      const okAt = health.lastOkAt === null ? null : Date.parse(health.lastOkAt)
      const errorAt = health.lastErrorAt === null ? null : Date.parse(health.lastErrorAt)
      return {
        ...health,
        source: project?.source,
        region: project?.region,
        auth: project?.auth.kind,
        lastOkAgeSeconds: okAt === null ? null : Math.round((now - okAt) / 1000),
        answeredRecently:
          okAt !== null && now - okAt <= recentMs && (errorAt === null || okAt >= errorAt),
      }
    })
    const failing = upstreams.some((u) => u.lastErrorAt !== null && !u.answeredRecently)
    return reply
      .header('cache-control', 'no-store')
      .send({ status: failing ? 'degraded' : 'ok', upstreams })
  })

  async function proxy(
    reply: FastifyReply,
    projectId: string,
    path: string,
    query?: URLSearchParams,
  ) {
    const project = registry.get(projectId)
    if (project === undefined) {
      return dashError(
        reply,
        404,
        'DASH.UNKNOWN_PROJECT',
        `The project ${echo(projectId)} is not configured on this dashboard.`,
      )
    }
    let answer: UpstreamResponse
    try {
      answer = await client.get(project, path, query)
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error
      const who = `The DCS endpoint for project ${project.name} (${project.id})`
      if (error.kind === 'auth') {
        return dashError(reply, 502, 'DASH.UPSTREAM_AUTH', `${who} needs a token: ${error.detail}`)
      }
      return error.kind === 'timeout'
        ? dashError(reply, 504, 'DASH.UPSTREAM_TIMEOUT', `${who} did not answer: ${error.detail}`)
        : dashError(
            reply,
            502,
            'DASH.UPSTREAM_UNREACHABLE',
            `${who} could not be reached: ${error.detail}`,
          )
    }
    const contentType =
      answer.contentType !== null && answer.contentType.includes('json')
        ? answer.contentType
        : JSON_TYPE
    if (
      answer.status === 429 &&
      answer.retryAfter !== null &&
      /^[\w ,:]{1,40}$/.test(answer.retryAfter)
    ) {
      reply.header('retry-after', answer.retryAfter)
    }
    return reply
      .code(answer.status)
      .header('content-type', contentType)
      .header('cache-control', 'no-store')
      .header('x-upstream-received-at', new Date(answer.receivedAt).toISOString())
      .send(answer.body)
  }

  app.get<{ Params: { projectId: string; instanceId: string } }>(
    '/api/dcs/:projectId/instances/:instanceId',
    async (request, reply) => {
      const { projectId, instanceId } = request.params
      if (!UUID.test(instanceId)) {
        return dashError(
          reply,
          400,
          'DASH.INVALID_INSTANCE_ID',
          `"${echo(instanceId)}" is not an instance id (expected a UUID).`,
        )
      }
      return proxy(
        reply,
        projectId,
        `/v1.0/${encodeURIComponent(projectId)}/instances/${instanceId}`,
      )
    },
  )

  app.get<{ Params: { projectId: string }; Querystring: Record<string, string | string[]> }>(
    '/api/dcs/:projectId/instances',
    async (request, reply) => {
      const { projectId } = request.params
      // A fixed order makes equal queries share one cache entry.
      const query = new URLSearchParams()
      for (const key of LIST_QUERY_ALLOWLIST) {
        const raw = request.query[key]
        const value = Array.isArray(raw) ? raw[0] : raw
        if (value === undefined) continue
        if (value.length > MAX_QUERY_VALUE || CONTROL_CHARS.test(value)) {
          return dashError(
            reply,
            400,
            'DASH.INVALID_QUERY',
            `The ${key} filter must be at most ${MAX_QUERY_VALUE} printable characters.`,
          )
        }
        query.set(key, value)
      }
      return proxy(reply, projectId, `/v1.0/${encodeURIComponent(projectId)}/instances`, query)
    },
  )

  // @fastify/static refuses odd page paths (very long, NUL bytes) with its own 403 JSON; a person
  // following such a link gets the app, which says "Page not found" in its own words.
  app.setErrorHandler((error: { code?: string }, request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const page = !path.startsWith('/api/') && !path.startsWith('/assets/')
    if (error.code === 'FST_STATIC_FORBIDDEN_PATH' && page && request.method === 'GET') {
      return sendIndex(reply)
    }
    throw error
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    if (path.startsWith('/api/') || path === '/api') {
      if (request.method !== 'GET' && request.method !== 'HEAD' && API_PATHS.test(path)) {
        reply.header('allow', 'GET, HEAD')
        return dashError(
          reply,
          405,
          'DASH.METHOD_NOT_ALLOWED',
          'The dashboard API is read-only: GET only.',
        )
      }
      return dashError(
        reply,
        404,
        'DASH.NOT_FOUND',
        `No API route for ${request.method} ${echo(path)}.`,
      )
    }
    const lastSegment = path.slice(path.lastIndexOf('/') + 1)
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/assets/') &&
      (!lastSegment.includes('.') || (request.headers.accept ?? '').includes('text/html'))
    if (!wantsPage) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    }
    // History fallback: deep links such as /projects/X/instances/Y load the SPA.
    return sendIndex(reply)
  })

  return app
}
