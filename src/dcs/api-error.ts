import { apiErrorCodesLoaded, describeErrorCode, loadApiErrorCodes } from '@/dcs/error-codes'

/**
 * The one error type of DCS calls (STYLE.md §3): HTTP status plus the decoded DCS error body,
 * whichever of the four shapes of dcs/REFERENCE.md §8 it came in.
 */

/** Which body shape the error arrived in; `none` for empty or non-JSON bodies. */
export type DcsErrorShape = 'flat' | 'nested' | 'legacy-flat' | 'gateway' | 'none'

export type DcsErrorKind =
  | 'not-found'
  | 'auth'
  | 'forbidden'
  | 'bad-request'
  | 'conflict'
  | 'rate-limited'
  | 'upstream'
  | 'unreachable'
  | 'invalid-response'

export interface DcsApiErrorInit {
  /** 0 when no HTTP answer arrived at all. */
  httpStatus: number
  kind?: DcsErrorKind
  message: string
  code?: string | null
  requestId?: string | null
  shape?: DcsErrorShape
  /** `error_ext_msg` / `ext_message`, documented as always null but kept when sent. */
  extMessage?: string | null
  cause?: unknown
}

export class DcsApiError extends Error {
  override name = 'DcsApiError'
  readonly httpStatus: number
  readonly kind: DcsErrorKind
  readonly code: string | null
  readonly requestId: string | null
  readonly shape: DcsErrorShape
  readonly extMessage: string | null

  constructor(init: DcsApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.httpStatus = init.httpStatus
    this.code = init.code ?? null
    this.kind = init.kind ?? errorKind(init.httpStatus, this.code)
    this.requestId = init.requestId ?? null
    this.shape = init.shape ?? 'none'
    this.extMessage = init.extMessage ?? null
  }

  /** Worth retrying unchanged: the cloud or the network, not the request, was at fault. */
  get retryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'upstream' || this.kind === 'unreachable'
  }
}

/** The 200 answer could not be read as the DCS contract; thrown by the parsers. */
export class InvalidResponseError extends DcsApiError {
  override name = 'InvalidResponseError'

  constructor(message: string, httpStatus = 200) {
    super({ httpStatus, kind: 'invalid-response', message })
  }
}

const NOT_FOUND_CODES = new Set(['dcs.3022', '111404022', 'dcs.4001'])

/** The code wins over the status where it is more specific (an instance-missing 400, say). */
export function errorKind(httpStatus: number, code: string | null = null): DcsErrorKind {
  const key = code?.replace(/\s+/g, '').toLowerCase() ?? ''
  if (NOT_FOUND_CODES.has(key)) return 'not-found'
  if (/^(dcs\.100[1-4]|11140100[1-4])$/.test(key)) return 'auth'
  if (httpStatus === 0) return 'unreachable'
  if (httpStatus === 401) return 'auth'
  if (httpStatus === 403) return 'forbidden'
  if (httpStatus === 404) return 'not-found'
  if (httpStatus === 409) return 'conflict'
  if (httpStatus === 429) return 'rate-limited'
  if (httpStatus >= 400 && httpStatus < 500) return 'bad-request'
  if (httpStatus >= 200 && httpStatus < 300) return 'invalid-response'
  return 'upstream'
}

interface DecodedBody {
  shape: DcsErrorShape
  code: string | null
  message: string | null
  extMessage: string | null
  requestId: string | null
}

/**
 * decodeErrorBody for the fetch client: when the body carries an error code, loads the API code
 * table first (once; see error-codes.ts), so a code without a message still gets its documented
 * message. Without the table (its chunk could not be fetched) it decodes all the same. Never
 * rejects.
 */
export async function decodeErrorResponse(
  httpStatus: number,
  body: unknown,
  requestId: string | null = null,
): Promise<DcsApiError> {
  const error = decodeErrorBody(httpStatus, body, requestId)
  if (error.code === null || apiErrorCodesLoaded()) return error
  try {
    await loadApiErrorCodes()
  } catch {
    return error
  }
  return decodeErrorBody(httpStatus, body, requestId)
}

/**
 * Decodes an error answer. `body` is the parsed JSON, or the raw text when it was not JSON
 * (a string that holds JSON is parsed here too). Never throws. API codes get their documented
 * message only once the API code table has loaded (decodeErrorResponse sees to that).
 */
export function decodeErrorBody(
  httpStatus: number,
  body: unknown,
  requestId: string | null = null,
): DcsApiError {
  const decoded = decodeShape(typeof body === 'string' ? parseMaybeJson(body) : body)
  const known = decoded.code ? describeErrorCode(decoded.code) : null
  const message =
    decoded.message ??
    (known?.known ? known.message : null) ??
    (decoded.shape === 'none' ? textMessage(body) : null) ??
    fallbackMessage(httpStatus)
  return new DcsApiError({
    httpStatus,
    message,
    code: decoded.code,
    requestId: decoded.requestId ?? requestId,
    shape: decoded.shape,
    extMessage: decoded.extMessage,
  })
}

function decodeShape(body: unknown): DecodedBody {
  const none: DecodedBody = {
    shape: 'none',
    code: null,
    message: null,
    extMessage: null,
    requestId: null,
  }
  if (!isRecord(body)) return none
  const requestId = text(body.request_id)
  const flatCode = text(body.error_code)
  if (flatCode !== null || text(body.error_msg) !== null) {
    const gateway = requestId !== null || /^apigw\./i.test(flatCode ?? '')
    return {
      shape: gateway ? 'gateway' : 'flat',
      code: flatCode,
      message: text(body.error_msg),
      extMessage: text(body.error_ext_msg),
      requestId,
    }
  }
  if (isRecord(body.error)) {
    return {
      shape: 'nested',
      code: text(body.error.code),
      message: text(body.error.message),
      extMessage: text(body.error.ext_message),
      requestId,
    }
  }
  if (text(body.code) !== null || text(body.message) !== null) {
    return {
      shape: 'legacy-flat',
      code: text(body.code),
      message: text(body.message),
      extMessage: text(body.ext_message),
      requestId,
    }
  }
  return { ...none, requestId }
}

function parseMaybeJson(raw: string): unknown {
  const trimmed = raw.trim()
  if (!trimmed.startsWith('{')) return raw
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return raw
  }
}

/** A short, single-line excerpt of a text body (an HTML error page, a proxy message). */
function textMessage(body: unknown): string | null {
  if (typeof body !== 'string') return null
  const plain = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (plain === '') return null
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
}

function fallbackMessage(httpStatus: number): string {
  const label = STATUS_TEXT[httpStatus]
  return label ? `${label} (HTTP ${httpStatus})` : `HTTP ${httpStatus}`
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
