/**
 * Optional access control for the dashboard itself (`DASHBOARD_TOKEN`). A viewer proves it knows
 * the token in one of three ways:
 * - `?access_token=<token>` on any page link, once: the server sets an HttpOnly cookie and
 *   redirects to the same address without the token, so a wall screen is set up with one link
 *   and no keyboard and the token does not stay in the address bar;
 * - `Authorization: Bearer <token>` (scripts, monitoring);
 * - HTTP basic auth with any user name and the token as password (a browser asks for it).
 * The cookie holds a value derived from the token, not the token. `/healthz` stays open for
 * load balancers and monitors; it names projects but holds no secret.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export const ACCESS_COOKIE = 'dcs_dashboard_access'
const COOKIE_MAX_AGE_S = 400 * 24 * 3600
const OPEN_PATHS = new Set(['/healthz'])

export interface DashboardAccessOptions {
  token: string
}

export function registerDashboardAccess(
  app: FastifyInstance,
  options: DashboardAccessOptions,
): void {
  const tokenDigest = digest(options.token)
  const cookieValue = createHmac('sha256', options.token)
    .update('dcs-dashboard cookie v1')
    .digest('base64url')
  const cookieDigest = digest(cookieValue)

  const knowsToken = (given: string | undefined) =>
    given !== undefined && given !== '' && timingSafeEqual(digest(given), tokenDigest)

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const [path = '/', search = ''] = splitUrl(request.url)
    if (OPEN_PATHS.has(path)) return

    const query = new URLSearchParams(search)
    const offered = query.get('access_token')
    if (offered !== null) {
      if (!knowsToken(offered)) return refuse(request, reply, path)
      query.delete('access_token')
      const rest = query.toString()
      // Only a local path: `//host` or a backslash would make this an open redirect.
      const target = /^\/(?![/\\])[^\\]*$/.test(path) ? path : '/'
      const secure = request.protocol === 'https' ? '; Secure' : ''
      return reply
        .code(303)
        .header(
          'set-cookie',
          `${ACCESS_COOKIE}=${cookieValue}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`,
        )
        .header('cache-control', 'no-store')
        .header('location', rest === '' ? target : `${target}?${rest}`)
        .send()
    }

    const cookie = readCookie(request.headers.cookie, ACCESS_COOKIE)
    if (cookie !== undefined && timingSafeEqual(digest(cookie), cookieDigest)) return
    if (knowsToken(credentialFrom(request.headers.authorization))) return
    return refuse(request, reply, path)
  })
}

function refuse(request: FastifyRequest, reply: FastifyReply, path: string) {
  reply.code(401).header('cache-control', 'no-store')
  const api = path === '/api' || path.startsWith('/api/')
  // Pages get a basic-auth challenge a person can answer; API calls of the app just fail.
  if (!api && request.method === 'GET')
    reply.header('www-authenticate', 'Basic realm="DCS Dashboard", charset="UTF-8"')
  return reply.type('application/json; charset=utf-8').send({
    error_code: 'DASH.UNAUTHORIZED',
    error_msg:
      'This dashboard needs its access token (DASHBOARD_TOKEN): open a link with ?access_token=…, or sign in.',
  })
}

function credentialFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2)
  if (scheme.toLowerCase() === 'bearer') return value
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon === -1 ? undefined : decoded.slice(colon + 1)
  }
  return undefined
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?')
  return q === -1 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)]
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
