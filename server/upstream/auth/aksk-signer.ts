/**
 * AK/SK request signing as the Huawei / OTC API gateway checks it (`SDK-HMAC-SHA256`), following
 * the public APIG signer SDKs: a canonical request (method, path with a trailing slash, sorted
 * query, lowercase sorted signed headers, hex SHA-256 of the body) hashed into a string to sign,
 * HMAC-SHA256'd with the secret key. Only node:crypto; the secret key never leaves this object.
 */
import { createHash, createHmac } from 'node:crypto'
import type { AuthProvider, UpstreamRequestInfo } from '../auth.ts'

export const SDK_ALGORITHM = 'SDK-HMAC-SHA256'
const SIGNED_HEADERS = ['content-type', 'host', 'x-sdk-date'] as const
const CONTENT_TYPE = 'application/json'

/** RFC 3986 encoding: everything but A–Z a–z 0–9 - _ . ~ (like Python's quote(s, safe='~')). */
export function sdkEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** Each path segment decoded then re-encoded, always ending in `/` as the SDKs do. */
export function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => sdkEncode(safeDecode(segment)))
    .join('/')
  return path.endsWith('/') ? path : `${path}/`
}

export function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .map(([key, value]) => [sdkEncode(key), sdkEncode(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka === kb ? compare(va, vb) : compare(ka, kb)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

export interface SigningInput {
  method: string
  url: URL
  /** Lowercase header name → value, for every header named in signedHeaders. */
  headers: Record<string, string>
  signedHeaders: readonly string[]
  body?: string | Buffer
}

export function canonicalRequest(input: SigningInput): string {
  const headerLines = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`)
    .join('')
  return [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQuery(input.url.searchParams),
    headerLines,
    input.signedHeaders.join(';'),
    sha256Hex(input.body ?? ''),
  ].join('\n')
}

export function stringToSign(canonical: string, sdkDate: string): string {
  return `${SDK_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`
}

export function signature(sk: string, toSign: string): string {
  return createHmac('sha256', sk).update(toSign, 'utf8').digest('hex')
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export interface AkSkSignerOptions {
  now?: () => number
}

/** Signs every DCS call of one project with its access key pair. */
export class AkSkSigner implements AuthProvider {
  readonly kind = 'aksk'
  readonly #sk: string
  private readonly now: () => number

  constructor(
    private readonly ak: string,
    sk: string,
    private readonly projectId: string,
    options: AkSkSignerOptions = {},
  ) {
    this.#sk = sk
    this.now = options.now ?? Date.now
  }

  async headers(request: UpstreamRequestInfo & { body?: string }): Promise<Record<string, string>> {
    return this.sign(request)
  }

  /** The headers that make `request` acceptable to the gateway; Host is the URL's own. */
  sign(request: UpstreamRequestInfo & { body?: string }): Record<string, string> {
    const date = sdkDate(this.now())
    const canonical = canonicalRequest({
      method: request.method,
      url: request.url,
      headers: { 'content-type': CONTENT_TYPE, host: request.url.host, 'x-sdk-date': date },
      signedHeaders: SIGNED_HEADERS,
      body: request.body,
    })
    const signed = signature(this.#sk, stringToSign(canonical, date))
    return {
      'Content-Type': CONTENT_TYPE,
      'X-Sdk-Date': date,
      'X-Project-Id': this.projectId,
      Authorization: `${SDK_ALGORITHM} Access=${this.ak}, SignedHeaders=${SIGNED_HEADERS.join(';')}, Signature=${signed}`,
    }
  }

  /** Signatures carry their own date; there is nothing to renew. */
  invalidate(): void {}

  toJSON(): Record<string, string> {
    return { kind: this.kind, projectId: this.projectId }
  }
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
