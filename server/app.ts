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
import { DcsClient, UpstreamError, type UpstreamResponse } from './upstream/dcs-client.ts'
import { ProjectRegistry, type UpstreamProject } from './upstream/projects.ts'

export interface AppOptions {
  projects: UpstreamProject[]
  /** The built SPA (vite build output); must contain index.html. */
  distDir: string
  /** Give up on a DCS call after this long (default 10 s). */
  upstreamTimeoutMs?: number
  /** Reuse an upstream answer for this long (default 2 s); 0 only shares concurrent calls. */
  cacheTtlMs?: number
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
    cacheTtlMs: options.cacheTtlMs ?? 2_000,
  })
  const indexHtml = new IndexHtml(join(options.distDir, 'index.html'))
  const assetsDir = join(options.distDir, 'assets') + sep

  const app = Fastify({ logger: options.logger ?? false })

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

  app.get('/healthz', async (_request, reply) => {
    return reply
      .header('cache-control', 'no-store')
      .send({ status: 'ok', upstreams: client.healthReport(registry.all()) })
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
        `The project ${projectId} is not configured on this dashboard.`,
      )
    }
    let answer: UpstreamResponse
    try {
      answer = await client.get(project, path, query)
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error
      const who = `The DCS endpoint for project ${project.name} (${project.id})`
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
          `"${instanceId}" is not an instance id (expected a UUID).`,
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
        if (value !== undefined) query.set(key, value)
      }
      return proxy(reply, projectId, `/v1.0/${encodeURIComponent(projectId)}/instances`, query)
    },
  )

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    if (path.startsWith('/api/') || path === '/api') {
      return dashError(reply, 404, 'DASH.NOT_FOUND', `No API route for ${request.method} ${path}.`)
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
