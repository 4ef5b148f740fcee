/**
 * The emulator's IAM: a Keystone-v3-style token service (password method, project scope by name
 * within a domain or by id, expiry, a service catalog naming the DCS endpoint) and the API
 * gateway's AK/SK signature check. Both are strict and answer refusals with the bodies the cloud
 * uses: Keystone's `{"error": {...}}` from IAM, DCS.100x from DCS, APIGW.0301 from the gateway.
 *
 * The signature check recomputes the canonical request here on its own rather than importing
 * the client's signer, so a canonicalization mistake cannot hide by being made twice.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

export interface IamUser {
  name: string
  password: string
  /** Domain (account) name, e.g. OTC-EU-DE-00000000001000000001. */
  domain: string
}

export interface IamProject {
  id: string
  name: string
  region: string
  /** Domain name the project belongs to. */
  domain: string
}

export interface IamAccessKey {
  ak: string
  sk: string
  /** Domain whose projects the key may call. */
  domain: string
}

export interface IamOptions {
  users: IamUser[]
  projects: IamProject[]
  accessKeys?: IamAccessKey[]
  /** Token lifetime; 24 h like the cloud when omitted. */
  tokenLifetimeMs?: number
  /** Largest accepted difference between X-Sdk-Date and now; 15 min like the gateway. */
  maxClockSkewMs?: number
  now?: () => number
  /** Base URL of the DCS endpoint to put in the catalog (known once the emulator listens). */
  dcsEndpoint: () => string
}

export interface IamRefusal {
  status: number
  body: Record<string, unknown>
}

/** A refused DCS call: DCS.100x or APIGW.0301, flat string-valued bodies. */
export interface CallRefusal {
  status: number
  body: Record<string, string>
}

export type IamCheck = { ok: true; via: 'token' | 'aksk' } | { ok: false; refusal: CallRefusal }

export interface IamStats {
  /** Tokens issued by POST /v3/auth/tokens. */
  issued: number
  /** Sign-ins refused (wrong user, password, project or body). */
  refusedSignIns: number
  /** DCS calls refused for their token or signature. */
  refusedCalls: number
}

/** What the DCS routes need to see of a request to check it. */
export interface IncomingCall {
  method: string
  /** Raw path and query exactly as received, e.g. `/v1.0/p/instances?limit=10`. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body?: string | Buffer
}

interface IssuedToken {
  projectId: string
  expiresAt: number
}

const KEYSTONE_UNAUTHORIZED: IamRefusal = {
  status: 401,
  body: {
    error: {
      code: 401,
      message: 'The request you have made requires authentication.',
      title: 'Unauthorized',
    },
  },
}

function keystoneBadRequest(message: string): IamRefusal {
  return { status: 400, body: { error: { code: 400, message, title: 'Bad Request' } } }
}

function dcsRefusal(code: string, message: string): CallRefusal {
  return { status: 401, body: { error_code: code, error_msg: message } }
}

export const DCS_AUTH_REFUSALS = {
  invalidToken: dcsRefusal('DCS.1001', 'Invalid token.'),
  expiredToken: dcsRefusal('DCS.1002', 'Token expired.'),
  noToken: dcsRefusal('DCS.1003', 'No token in the request.'),
  projectMismatch: dcsRefusal('DCS.1004', 'Project ID does not match the token.'),
}

function gatewayRefusal(detail: string): CallRefusal {
  return {
    status: 401,
    body: {
      error_msg: `Incorrect IAM authentication information: ${detail}`,
      error_code: 'APIGW.0301',
      request_id: randomBytes(16).toString('hex'),
    },
  }
}

const AUTHORIZATION_PATTERN =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/
const SDK_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

export class EmulatedIam {
  private readonly tokens = new Map<string, IssuedToken>()
  private readonly now: () => number
  private readonly lifetimeMs: number
  private readonly maxSkewMs: number
  private counters: IamStats = { issued: 0, refusedSignIns: 0, refusedCalls: 0 }

  constructor(private readonly options: IamOptions) {
    this.now = options.now ?? Date.now
    this.lifetimeMs = options.tokenLifetimeMs ?? 24 * 3600_000
    this.maxSkewMs = options.maxClockSkewMs ?? 15 * 60_000
  }

  stats(): IamStats {
    return { ...this.counters }
  }

  resetStats(): void {
    this.counters = { issued: 0, refusedSignIns: 0, refusedCalls: 0 }
  }

  /** Forgets every issued token, as if IAM had revoked them: the next DCS call gets a 401. */
  revokeAll(): void {
    this.tokens.clear()
  }

  /** Mounts `POST /v3/auth/tokens`. */
  register(app: FastifyInstance): void {
    app.post('/v3/auth/tokens', async (request, reply) => {
      const result = this.signIn(request.body)
      if ('refusal' in result) {
        this.counters.refusedSignIns += 1
        return reply.code(result.refusal.status).send(result.refusal.body)
      }
      return reply.code(201).header('X-Subject-Token', result.token).send(result.body)
    })
  }

  /** Keystone's password method; returns the token and the body, or Keystone's refusal. */
  signIn(body: unknown): { token: string; body: unknown } | { refusal: IamRefusal } {
    const auth = field(field(body, 'auth'), 'identity')
    const methods = field(auth, 'methods')
    if (!Array.isArray(methods) || !methods.includes('password')) {
      return { refusal: keystoneBadRequest('Expecting to find identity.methods with "password".') }
    }
    const user = field(field(auth, 'password'), 'user')
    const userName = text(field(user, 'name'))
    const password = text(field(user, 'password'))
    const userDomain = text(field(field(user, 'domain'), 'name'))
    if (userName === undefined || password === undefined || userDomain === undefined) {
      return { refusal: keystoneBadRequest('Expecting to find user name, password and domain.') }
    }
    const found = this.options.users.find((u) => u.name === userName && u.domain === userDomain)
    if (found === undefined || !sameText(found.password, password)) {
      return { refusal: KEYSTONE_UNAUTHORIZED }
    }

    const scope = field(field(field(body, 'auth'), 'scope'), 'project')
    const projectId = text(field(scope, 'id'))
    const projectName = text(field(scope, 'name'))
    const projectDomain = text(field(field(scope, 'domain'), 'name')) ?? userDomain
    if (projectId === undefined && projectName === undefined) {
      // Unscoped tokens exist in Keystone but cannot call DCS; the emulator only issues scoped ones.
      return { refusal: keystoneBadRequest('Expecting a project scope (id, or name and domain).') }
    }
    const project = this.options.projects.find((p) =>
      projectId !== undefined
        ? p.id === projectId
        : p.name === projectName && p.domain === projectDomain,
    )
    if (project === undefined || project.domain !== found.domain) {
      return { refusal: KEYSTONE_UNAUTHORIZED }
    }

    const issuedAt = this.now()
    const expiresAt = issuedAt + this.lifetimeMs
    const token = `MIIemu${randomBytes(24).toString('base64url')}`
    this.tokens.set(token, { projectId: project.id, expiresAt })
    this.counters.issued += 1
    const dcs = this.options.dcsEndpoint().replace(/\/+$/, '')
    const domain = { id: domainId(project.domain), name: project.domain }
    return {
      token,
      body: {
        token: {
          expires_at: keystoneTime(expiresAt),
          issued_at: keystoneTime(issuedAt),
          methods: ['password'],
          user: { id: domainId(`${found.domain}/${found.name}`), name: found.name, domain },
          project: { id: project.id, name: project.name, domain },
          roles: [{ id: domainId('readonly'), name: 'readonly' }],
          catalog: [
            {
              type: 'dcsv1',
              name: 'dcsv1',
              id: domainId('dcsv1'),
              endpoints: [
                {
                  id: domainId(`dcs/${project.region}`),
                  interface: 'public',
                  region: project.region,
                  region_id: project.region,
                  url: `${dcs}/v1.0/${project.id}`,
                },
              ],
            },
          ],
        },
      },
    }
  }

  /** Checks a DCS call for `projectId`: AK/SK when signed, else X-Auth-Token. */
  authorize(call: IncomingCall, projectId: string): IamCheck {
    const authorization = header(call.headers, 'authorization')
    const check =
      authorization !== undefined && authorization.startsWith('SDK-HMAC-SHA256')
        ? this.checkSignature(call, projectId)
        : this.checkToken(header(call.headers, 'x-auth-token'), projectId)
    if (!check.ok) this.counters.refusedCalls += 1
    return check
  }

  checkToken(token: string | undefined, projectId: string): IamCheck {
    if (token === undefined || token === '')
      return { ok: false, refusal: DCS_AUTH_REFUSALS.noToken }
    const issued = this.tokens.get(token)
    if (issued === undefined) return { ok: false, refusal: DCS_AUTH_REFUSALS.invalidToken }
    if (this.now() >= issued.expiresAt)
      return { ok: false, refusal: DCS_AUTH_REFUSALS.expiredToken }
    if (issued.projectId !== projectId)
      return { ok: false, refusal: DCS_AUTH_REFUSALS.projectMismatch }
    return { ok: true, via: 'token' }
  }

  checkSignature(call: IncomingCall, projectId: string): IamCheck {
    const refuse = (detail: string): IamCheck => ({ ok: false, refusal: gatewayRefusal(detail) })
    const match = AUTHORIZATION_PATTERN.exec(header(call.headers, 'authorization') ?? '')
    if (match === null) return refuse('authorization header format incorrect')
    const [, ak = '', signedList = '', given = ''] = match
    const signedHeaders = signedList.split(';')
    if (!signedHeaders.includes('host') || !signedHeaders.includes('x-sdk-date')) {
      return refuse('host and x-sdk-date must be signed')
    }
    const key = this.options.accessKeys?.find((k) => k.ak === ak)
    if (key === undefined) return refuse('ak not found')

    const dateText = header(call.headers, 'x-sdk-date') ?? ''
    const signedAt = parseSdkDate(dateText)
    if (signedAt === undefined)
      return refuse('x-sdk-date format incorrect, expected YYYYMMDDTHHMMSSZ')
    if (Math.abs(this.now() - signedAt) > this.maxSkewMs) {
      return refuse('request date (x-sdk-date) differs from server time by more than 15 minutes')
    }

    const values: Record<string, string> = {}
    for (const name of signedHeaders) {
      const value = header(call.headers, name)
      if (value === undefined) return refuse(`signed header ${name} is missing`)
      values[name] = value
    }
    const expected = this.expectedSignature(call, key.sk, signedHeaders, values, dateText)
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      return refuse('verify aksk signature fail')
    }

    const project = this.options.projects.find((p) => p.id === projectId)
    const claimed = header(call.headers, 'x-project-id')
    if (
      project === undefined ||
      project.domain !== key.domain ||
      (claimed !== undefined && claimed !== projectId)
    ) {
      return { ok: false, refusal: DCS_AUTH_REFUSALS.projectMismatch }
    }
    return { ok: true, via: 'aksk' }
  }

  private expectedSignature(
    call: IncomingCall,
    sk: string,
    signedHeaders: string[],
    values: Record<string, string>,
    date: string,
  ): string {
    const queryStart = call.url.indexOf('?')
    const rawPath = queryStart === -1 ? call.url : call.url.slice(0, queryStart)
    const rawQuery = queryStart === -1 ? '' : call.url.slice(queryStart + 1)
    const segments = rawPath.split('/').map((s) => strictEncode(decodeOrKeep(s)))
    let path = segments.join('/')
    if (!path.endsWith('/')) path += '/'
    const pairs = rawQuery === '' ? [] : rawQuery.split('&').filter((p) => p !== '')
    const query = pairs
      .map((pair) => {
        const eq = pair.indexOf('=')
        const key = eq === -1 ? pair : pair.slice(0, eq)
        const value = eq === -1 ? '' : pair.slice(eq + 1)
        return [strictEncode(decodeQueryPart(key)), strictEncode(decodeQueryPart(value))] as const
      })
      // By key, then value: sorting "k=v" strings would put "a-b=1" before "a=1".
      .sort(([ka, va], [kb, vb]) => (ka === kb ? order(va, vb) : order(ka, kb)))
      .map(([key, value]) => `${key}=${value}`)
      .join('&')
    const canonical = [
      call.method.toUpperCase(),
      path,
      query,
      signedHeaders.map((name) => `${name}:${(values[name] ?? '').trim()}\n`).join(''),
      signedHeaders.join(';'),
      createHash('sha256')
        .update(call.body ?? '')
        .digest('hex'),
    ].join('\n')
    const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`
    return createHmac('sha256', sk).update(toSign).digest('hex')
  }
}

// ---------------------------------------------------------------------------------------------

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function sameText(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  return timingSafeEqual(left, right)
}

function header(headers: IncomingCall['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Keystone writes microseconds: 2026-01-15T08:30:00.000000Z. */
function keystoneTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/** A stable 32-hex id for a name, like the cloud's ids. */
function domainId(name: string): string {
  return createHash('md5').update(name).digest('hex')
}

function parseSdkDate(value: string): number | undefined {
  const m = SDK_DATE_PATTERN.exec(value)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number)
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0)
  return Number.isNaN(ms) ? undefined : ms
}

function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function decodeQueryPart(value: string): string {
  return decodeOrKeep(value.replace(/\+/g, ' '))
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
