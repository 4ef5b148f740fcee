import { INSTANCE_ERROR_CODES } from '@/dcs/error-code-table'

/**
 * Decodes DCS error codes of both tables (dcs/REFERENCE.md §8):
 * - instance error codes `dcs.NN.NNNN` from the `error_code` field of an instance (seed Table 3);
 * - API error codes `DCS.nnnn` / `111xxxxxx` from error bodies (dcs/error-codes.tsv).
 *
 * The tables are generated (server/tools/generate-error-codes.ts). The 19 instance codes are
 * imported synchronously: wall tiles and the detail page name them on first paint. The 287 API
 * codes (about 3.7 KB gzip, more than 3 % of the bundle budget) load on demand with
 * `loadApiErrorCodes()`: the fetch client awaits it before it decodes an error body that carries
 * a code (decodeErrorResponse), and the error panel loads it for an API code. Until the table
 * has loaded, describeErrorCode() reports an API code as not known, the same as an
 * undocumented one.
 */

export type ErrorCodeFamily = 'instance' | 'api'

export interface ErrorCodeInfo {
  /** The code as documented when known (e.g. "DCS.5094"), else the raw text, trimmed. */
  code: string
  known: boolean
  family: ErrorCodeFamily
  /** The documented message; templates such as "Invalid {0} parameter" stay as text. */
  message: string | null
  httpStatus: number | null
  /** What the code means for an operator; null when there is nothing useful to say. */
  advice: string | null
}

interface Entry {
  code: string
  message: string
  httpStatus: number | null
}

const INSTANCE_PATTERN = /^dcs\.(\d{2})\.\d{4}$/i

const INSTANCE_FAMILY_ADVICE: Record<string, string> = {
  '01': 'An internal error of the DCS service: retry the operation, and contact support with the instance ID if it keeps failing.',
  '02': 'Creating the network resources failed: check that the VPC, subnet and security group exist and that their quotas and free subnet addresses are not exhausted.',
  '03': 'The servers (ECS) underneath the instance could not be created or started: usually compute capacity or quota in the AZ; retry later, in another AZ or with another flavor.',
  '04': 'The cache could not be deployed or reached: check the subnet and security-group rules between the nodes, and contact support if it persists.',
}

/** Codes the Terraform provider retries as "instance busy" (REFERENCE §2). */
const BUSY_CODES = new Set(
  [
    '4026',
    '4049',
    '4096',
    '4097',
    '4111',
    '4113',
    '4114',
    '4115',
    '4116',
    '4117',
    '4118',
    '4120',
    '4975',
  ].map((n) => `dcs.${n}`),
)

const API_STATUS_ADVICE: Record<number, string> = {
  400: 'The request was rejected as invalid; retrying it unchanged will not help.',
  401: 'Authentication failed: the token is missing, invalid or expired, or belongs to another project.',
  403: 'The account is not allowed to do this (missing permission or a read-only tenant).',
  404: 'The instance or the API path does not exist (any more).',
  405: 'The API does not allow this method here.',
  500: 'An internal error of the DCS service; retry later and contact support if it persists.',
}

const BUSY_ADVICE =
  'The instance is busy with another operation; retry when that operation has finished.'

let instanceIndex: Map<string, Entry> | null = null
let apiIndex: Map<string, Entry> | null = null
let apiLoading: Promise<void> | null = null

function instanceTable(): Map<string, Entry> {
  if (instanceIndex) return instanceIndex
  instanceIndex = new Map()
  for (const [code, message] of INSTANCE_ERROR_CODES) {
    instanceIndex.set(normalize(code), { code, message, httpStatus: null })
  }
  return instanceIndex
}

/** True once the API code table has loaded; describeErrorCode() knows API codes from then on. */
export function apiErrorCodesLoaded(): boolean {
  return apiIndex !== null
}

/**
 * Loads the API code table once; later calls share the load. A failed load (the chunk could
 * not be fetched) rejects and is tried again on the next call.
 */
export function loadApiErrorCodes(): Promise<void> {
  apiLoading ??= import('@/dcs/api-error-code-table').then(
    ({ API_ERROR_CODES }) => {
      const table = new Map<string, Entry>()
      for (const [code, httpStatus, message] of API_ERROR_CODES) {
        table.set(normalize(code), { code, message, httpStatus })
      }
      apiIndex = table
    },
    (error: unknown) => {
      apiLoading = null
      throw error
    },
  )
  return apiLoading
}

/** Case- and whitespace-insensitive, so "DCS. 5094" and "dcs.5094" find DCS.5094. */
function normalize(code: string): string {
  return code.replace(/\s+/g, '').toLowerCase()
}

export function describeErrorCode(code: string): ErrorCodeInfo {
  const key = normalize(code)
  const entry = instanceTable().get(key) ?? apiIndex?.get(key)
  const instanceFamily = INSTANCE_PATTERN.exec(key)
  if (instanceFamily) {
    return {
      code: entry?.code ?? code.trim(),
      known: entry !== undefined,
      family: 'instance',
      message: entry?.message ?? null,
      httpStatus: null,
      advice: INSTANCE_FAMILY_ADVICE[instanceFamily[1] ?? ''] ?? null,
    }
  }
  if (!entry) {
    return {
      code: code.trim(),
      known: false,
      family: 'api',
      message: null,
      httpStatus: null,
      advice: null,
    }
  }
  return {
    code: entry.code,
    known: true,
    family: 'api',
    message: entry.message,
    httpStatus: entry.httpStatus,
    advice: apiAdvice(entry),
  }
}

function apiAdvice(entry: Entry): string | null {
  const key = normalize(entry.code)
  // The legacy twin of DCS.4xyz is 111400xyz; both mean the same condition.
  const twin = /^111400(\d{3})$/.exec(key)
  if (BUSY_CODES.has(key) || (twin && BUSY_CODES.has(`dcs.4${twin[1]}`))) return BUSY_ADVICE
  return entry.httpStatus === null ? null : (API_STATUS_ADVICE[entry.httpStatus] ?? null)
}
