/**
 * IAM password sign-in for one project: `POST {auth_url}/v3/auth/tokens` with a password identity
 * and a project scope; the token comes back in `X-Subject-Token`, its expiry, project id and the
 * DCS endpoint in the body. The token is cached, renewed ahead of its expiry and once more when
 * DCS rejects it, and there is never more than one sign-in in flight per provider.
 */
import { z } from 'zod'
import type { PasswordAuth } from '../../config/project-target.ts'
import { isDcsServiceType } from '../../config/project-target.ts'
import type { AuthProvider, UpstreamRequestInfo } from '../auth.ts'

export interface IssuedToken {
  token: string
  /** Epoch ms. */
  expiresAt: number
  projectId: string
  projectName: string | undefined
  /** The DCS URL from the token's catalog for the wanted region, if the catalog has one. */
  catalogDcsUrl: string | undefined
}

/** IAM did not give a token. The message is for operators and holds no secret. */
export class IamSignInError extends Error {
  override name = 'IamSignInError'
  constructor(
    message: string,
    /** HTTP status of IAM's answer; undefined when IAM did not answer at all. */
    readonly status?: number,
  ) {
    super(message)
  }
}

export interface PasswordTokenOptions {
  /** Region whose DCS endpoint to take from the catalog. */
  region?: string
  /** Renew this long before expiry (10 min by default). */
  renewMarginMs?: number
  timeoutMs?: number
  now?: () => number
}

const KeystoneTokenBody = z.object({
  token: z.object({
    expires_at: z.string().optional(),
    project: z.object({ id: z.string(), name: z.string().optional() }).optional(),
    catalog: z
      .array(
        z.object({
          type: z.string(),
          endpoints: z
            .array(
              z.object({
                interface: z.string().optional(),
                region: z.string().nullish(),
                region_id: z.string().nullish(),
                url: z.string(),
              }),
            )
            .default([]),
        }),
      )
      .optional(),
  }),
})

const KeystoneError = z.object({ error: z.object({ message: z.string() }) })

/** Tokens without a readable expiry are renewed after an hour rather than trusted for a day. */
const FALLBACK_LIFETIME_MS = 3600_000

export class PasswordTokenProvider implements AuthProvider {
  readonly kind = 'iam-password'
  readonly #auth: PasswordAuth
  #current: IssuedToken | undefined
  private pending: Promise<IssuedToken> | undefined
  private readonly now: () => number
  private readonly marginMs: number
  private readonly timeoutMs: number
  /** Sign-ins performed (tests and /healthz). */
  signIns = 0

  constructor(
    auth: PasswordAuth,
    private readonly options: PasswordTokenOptions = {},
  ) {
    this.#auth = auth
    this.now = options.now ?? Date.now
    this.marginMs = options.renewMarginMs ?? 10 * 60_000
    this.timeoutMs = options.timeoutMs ?? 10_000
  }

  async headers(_request?: UpstreamRequestInfo): Promise<Record<string, string>> {
    const { token } = await this.token()
    return { 'X-Auth-Token': token }
  }

  /** The current token, signing in when there is none or it is about to expire. */
  async token(): Promise<IssuedToken> {
    const current = this.#current
    const now = this.now()
    if (current !== undefined && now < current.expiresAt - this.marginMs) return current
    const renewal = this.renew()
    // Inside the margin the old token still works: a failed early renewal must not stop calls.
    if (current !== undefined && now < current.expiresAt) return renewal.catch(() => current)
    return renewal
  }

  /**
   * DCS refused a token: forget it so the next call signs in again. Only the token that was
   * refused is dropped; when several calls fail with it at once, one sign-in serves them all.
   */
  invalidate(rejected?: Record<string, string>): void {
    const token = rejected?.['X-Auth-Token']
    if (token === undefined || token === this.#current?.token) this.#current = undefined
  }

  /** Known once a token was issued (a project scoped by name learns its id this way). */
  get projectId(): string | undefined {
    return this.#current?.projectId ?? this.#auth.projectId
  }

  toJSON(): Record<string, string> {
    return { kind: this.kind, username: this.#auth.username }
  }

  private renew(): Promise<IssuedToken> {
    this.pending ??= this.signIn()
      .then((issued) => {
        this.#current = issued
        return issued
      })
      .finally(() => {
        this.pending = undefined
      })
    return this.pending
  }

  private async signIn(): Promise<IssuedToken> {
    const auth = this.#auth
    const url = `${keystoneBase(auth.authUrl)}/auth/tokens`
    const scope =
      auth.projectId !== undefined
        ? { project: { id: auth.projectId } }
        : { project: { name: auth.projectName, domain: { name: auth.userDomainName } } }
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: auth.username,
              password: auth.password,
              domain: { name: auth.userDomainName },
            },
          },
        },
        scope,
      },
    })
    const who = `${auth.username} for project ${auth.projectId ?? auth.projectName}`
    const host = new URL(url).host
    this.signIns += 1

    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf8', Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      })
    } catch (error) {
      throw new IamSignInError(
        `IAM at ${host} did not answer the sign-in of ${who}: ${networkReason(error)}`,
      )
    }
    const text = await response.text().catch(() => '')
    if (response.status !== 201 && response.status !== 200) {
      throw new IamSignInError(
        `IAM at ${host} refused the sign-in of ${who}: HTTP ${response.status} ${keystoneMessage(text)}`.trim(),
        response.status,
      )
    }
    const token = response.headers.get('x-subject-token')
    if (token === null || token === '') {
      throw new IamSignInError(
        `IAM at ${host} answered without an X-Subject-Token header`,
        response.status,
      )
    }
    const parsed = KeystoneTokenBody.safeParse(safeJson(text))
    if (!parsed.success) {
      throw new IamSignInError(
        `IAM at ${host} answered with a token body it could not read`,
        response.status,
      )
    }
    const body_ = parsed.data.token
    const expiresAt = body_.expires_at === undefined ? Number.NaN : Date.parse(body_.expires_at)
    const projectId = body_.project?.id ?? auth.projectId
    if (projectId === undefined) {
      throw new IamSignInError(
        `IAM at ${host} issued a token without a project for ${who}`,
        response.status,
      )
    }
    return {
      token,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : this.now() + FALLBACK_LIFETIME_MS,
      projectId,
      projectName: body_.project?.name ?? auth.projectName,
      catalogDcsUrl: catalogDcsUrl(body_.catalog ?? [], this.options.region),
    }
  }
}

/** `https://iam…/v3` whether the configured URL ends in `/v3`, `/v3/` or nothing. */
export function keystoneBase(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '')
  return trimmed.endsWith('/v3') ? trimmed : `${trimmed}/v3`
}

type Catalog = NonNullable<z.infer<typeof KeystoneTokenBody>['token']['catalog']>

function catalogDcsUrl(catalog: Catalog, region: string | undefined): string | undefined {
  const endpoints = catalog
    .filter((service) => isDcsServiceType(service.type))
    .flatMap((service) => service.endpoints)
    .filter((endpoint) => endpoint.interface === undefined || endpoint.interface === 'public')
  const inRegion = endpoints.find(
    (endpoint) =>
      region !== undefined && (endpoint.region_id === region || endpoint.region === region),
  )
  return (inRegion ?? (region === undefined ? endpoints[0] : undefined))?.url
}

function keystoneMessage(text: string): string {
  const parsed = KeystoneError.safeParse(safeJson(text))
  const message = parsed.success ? parsed.data.error.message : ''
  return message.replace(/\s+/g, ' ').slice(0, 200)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'no answer in time'
  }
  const cause = (error as { cause?: { code?: unknown } }).cause
  if (typeof cause?.code === 'string') return cause.code
  return error instanceof Error ? error.message : String(error)
}
