/**
 * One DCS project the dashboard watches in a real cloud: where it is and how to authenticate.
 * Produced by the configuration loader; the secrets in `auth` stay on the server.
 */

/** Project scope of an IAM password login: by id, or by name within the user's domain. */
export type ProjectScope =
  { projectId: string; projectName?: undefined } | { projectName: string; projectId?: undefined }

export type PasswordAuth = {
  kind: 'password'
  /** Keystone v3 base, e.g. https://iam.eu-de.otc.t-systems.com/v3 (with or without /v3). */
  authUrl: string
  username: string
  password: string
  userDomainName: string
} & ProjectScope

export interface TokenAuth {
  kind: 'token'
  token: string
}

export interface AkSkAuth {
  kind: 'aksk'
  ak: string
  sk: string
  projectId: string
}

export type TargetAuth = PasswordAuth | TokenAuth | AkSkAuth

export interface ProjectTarget {
  /** Display name: the clouds.yaml entry (and project) or the project from OS_* variables. */
  name: string
  /** Known up front for token and AK/SK; for a password login it may come from the token. */
  projectId?: string
  projectName?: string
  region: string
  /** An explicit endpoint override; otherwise the token's catalog, else derived from region. */
  dcsEndpoint?: string
  auth: TargetAuth
}

const CATALOG_DCS_TYPES = ['dcs', 'dcsv1', 'dcsv2']

/** True for service-catalog types that name the DCS API. */
export function isDcsServiceType(type: string): boolean {
  return CATALOG_DCS_TYPES.includes(type.toLowerCase())
}

/** `https://dcs.<region>.otc.t-systems.com`, the OTC naming pattern (REFERENCE §1). */
export function defaultDcsEndpoint(region: string): string {
  return `https://dcs.${region}.otc.t-systems.com`
}

/**
 * The DCS base URL for a target: the explicit override, else the token catalog's entry, else the
 * OTC host for its region. Catalog URLs often end in `/v1.0/<project_id>`; that part is dropped
 * because the client builds the versioned paths itself.
 */
export function resolveDcsEndpoint(target: ProjectTarget, catalogUrl?: string): string {
  if (target.dcsEndpoint !== undefined) return stripTrailingSlash(target.dcsEndpoint)
  if (catalogUrl !== undefined) return stripVersionSuffix(catalogUrl)
  return defaultDcsEndpoint(target.region)
}

export function stripVersionSuffix(url: string): string {
  return stripTrailingSlash(url).replace(/\/v[0-9.]+(\/[^/]*)?$/, '')
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** One line for the start-up log: which source and how it signs in, never a secret. */
export function describeTarget(target: ProjectTarget): string {
  const project = target.projectName ?? target.projectId ?? '?'
  const endpoint =
    target.dcsEndpoint ??
    (target.auth.kind === 'password'
      ? `from the token catalog, else ${defaultDcsEndpoint(target.region)}`
      : defaultDcsEndpoint(target.region))
  const how =
    target.auth.kind === 'password'
      ? `IAM password sign-in as ${target.auth.username} at ${target.auth.authUrl}`
      : target.auth.kind === 'token'
        ? 'a pre-issued token'
        : `AK/SK request signing (AK ${maskKey(target.auth.ak)})`
  return `${target.name}: project ${project} in ${target.region} via ${how}; DCS ${endpoint}`
}

/** First four characters of an access key: enough to recognise it, not to use it. */
export function maskKey(key: string): string {
  return key.length <= 4 ? '****' : `${key.slice(0, 4)}****`
}
