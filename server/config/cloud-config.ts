/**
 * Reads the cloud configuration the way OpenStack and OTC tools have it: `clouds.yaml` (with
 * `secure.yaml` beside it for secrets) selected by `OS_CLOUD`, or the `OS_*` variables, and turns
 * it into the list of projects the dashboard watches. No cloud configured → an empty list, and
 * the server uses its emulator. Anything broken → a one-line ConfigError, never a stack trace.
 *
 * Extensions beyond openstacksdk, all optional:
 * - `DCS_CLOUDS=a,b` watches several clouds.yaml entries at once (`OS_CLOUD` names one);
 * - per cloud, `projects:` lists several projects/regions sharing that cloud's credentials;
 * - `dcs_endpoint` (per cloud or per project) or `DCS_ENDPOINT` overrides the DCS base URL;
 * - `auth.ak` / `auth.sk` (or `OS_ACCESS_KEY` / `OS_SECRET_KEY`) sign requests with AK/SK.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { ConfigError } from './config-error.ts'
import type { PasswordAuth, ProjectTarget, TargetAuth } from './project-target.ts'

export type Env = Record<string, string | undefined>

export interface ConfigSources {
  env: Env
  /** Where clouds.yaml is looked for, in order; the OpenStack defaults when omitted. */
  searchDirs?: string[]
}

export function defaultSearchDirs(): string[] {
  return [process.cwd(), join(homedir(), '.config', 'openstack'), '/etc/openstack']
}

/** Every project to watch; empty when no cloud is configured. Throws ConfigError. */
export function loadProjectTargets(sources: ConfigSources): ProjectTarget[] {
  const env = sources.env
  const cloudNames = selectedClouds(env)
  const targets =
    cloudNames.length > 0
      ? targetsFromCloudsFile(cloudNames, env, sources.searchDirs ?? defaultSearchDirs())
      : targetsFromEnv(env)
  assertDistinct(targets)
  return targets
}

function selectedClouds(env: Env): string[] {
  const list = nonEmpty(env.DCS_CLOUDS) ?? nonEmpty(env.OS_CLOUD)
  if (list === undefined) return []
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return [...new Set(names)]
}

// ---------------------------------------------------------------------------------------------
// OS_* variables

const ENV_MARKERS = ['OS_AUTH_URL', 'OS_TOKEN', 'OS_AUTH_TOKEN', 'OS_ACCESS_KEY', 'OS_SECRET_KEY']

function targetsFromEnv(env: Env): ProjectTarget[] {
  if (!ENV_MARKERS.some((name) => nonEmpty(env[name]) !== undefined)) return []
  const where = 'OS_* variables'
  const projectId = nonEmpty(env.OS_PROJECT_ID) ?? nonEmpty(env.OS_TENANT_ID)
  const projectName = nonEmpty(env.OS_PROJECT_NAME) ?? nonEmpty(env.OS_TENANT_NAME)
  const fields: RawAuth = {
    authUrl: nonEmpty(env.OS_AUTH_URL),
    username: nonEmpty(env.OS_USERNAME),
    password: env.OS_PASSWORD === '' ? undefined : env.OS_PASSWORD,
    userDomainName:
      nonEmpty(env.OS_USER_DOMAIN_NAME) ??
      nonEmpty(env.OS_DOMAIN_NAME) ??
      nonEmpty(env.OS_PROJECT_DOMAIN_NAME),
    token: nonEmpty(env.OS_TOKEN) ?? nonEmpty(env.OS_AUTH_TOKEN),
    ak: nonEmpty(env.OS_ACCESS_KEY),
    sk: nonEmpty(env.OS_SECRET_KEY),
  }
  const names: FieldNames = {
    authUrl: 'OS_AUTH_URL',
    username: 'OS_USERNAME',
    password: 'OS_PASSWORD',
    userDomainName: 'OS_USER_DOMAIN_NAME',
    projectId: 'OS_PROJECT_ID',
    projectName: 'OS_PROJECT_NAME',
    region: 'OS_REGION_NAME',
    ak: 'OS_ACCESS_KEY',
    sk: 'OS_SECRET_KEY',
  }
  const target = buildTarget({
    where,
    names,
    name: projectName ?? projectId ?? 'cloud',
    auth: fields,
    projectId,
    projectName,
    region: nonEmpty(env.OS_REGION_NAME),
    dcsEndpoint: nonEmpty(env.DCS_ENDPOINT),
  })
  return [target]
}

// ---------------------------------------------------------------------------------------------
// clouds.yaml + secure.yaml

interface LoadedYaml {
  path: string
  clouds: Record<string, unknown>
}

function targetsFromCloudsFile(names: string[], env: Env, searchDirs: string[]): ProjectTarget[] {
  const explicit = nonEmpty(env.OS_CLIENT_CONFIG_FILE)
  const cloudsPath = explicit ?? findFile('clouds.yaml', searchDirs)
  const variable = nonEmpty(env.DCS_CLOUDS) !== undefined ? 'DCS_CLOUDS' : 'OS_CLOUD'
  if (cloudsPath === undefined) {
    throw new ConfigError(
      `${variable} is set but no clouds.yaml was found in ${searchDirs.join(', ')} (OS_CLIENT_CONFIG_FILE names one explicitly)`,
    )
  }
  const clouds = readCloudsYaml(cloudsPath, true)
  const securePath =
    nonEmpty(env.OS_CLIENT_SECURE_FILE) ??
    findFile('secure.yaml', [
      dirOf(cloudsPath),
      ...searchDirs.filter((d) => d !== dirOf(cloudsPath)),
    ])
  const secure = securePath === undefined ? undefined : readCloudsYaml(securePath, false)

  return names.flatMap((cloudName) => {
    const base = clouds?.clouds[cloudName]
    if (base === undefined) {
      const known = Object.keys(clouds?.clouds ?? {})
      throw new ConfigError(
        `${variable} names the cloud "${cloudName}", which ${cloudsPath} does not define (it defines: ${known.length > 0 ? known.join(', ') : 'none'})`,
      )
    }
    const merged = deepMerge(base, secure?.clouds[cloudName])
    return targetsFromCloud(cloudName, merged, `${cloudsPath}, cloud "${cloudName}"`, env)
  })
}

function targetsFromCloud(
  cloudName: string,
  value: unknown,
  where: string,
  env: Env,
): ProjectTarget[] {
  const cloud = asRecord(value, where)
  const auth = asRecord(cloud.auth ?? {}, `${where}, auth`)
  const str = (record: Record<string, unknown>, key: string, at: string) =>
    scalar(record[key], `${at}, ${key}`)

  const rawAuth: RawAuth = {
    authUrl: str(auth, 'auth_url', where),
    username: str(auth, 'username', where) ?? str(auth, 'user_name', where),
    password: str(auth, 'password', where),
    userDomainName:
      str(auth, 'user_domain_name', where) ??
      str(auth, 'domain_name', where) ??
      str(auth, 'project_domain_name', where),
    token: str(auth, 'token', where),
    ak: str(auth, 'ak', where) ?? str(auth, 'access_key', where),
    sk: str(auth, 'sk', where) ?? str(auth, 'secret_key', where),
  }
  const names: FieldNames = {
    authUrl: 'auth.auth_url',
    username: 'auth.username',
    password: 'auth.password (here or in secure.yaml)',
    userDomainName: 'auth.user_domain_name',
    projectId: 'auth.project_id',
    projectName: 'auth.project_name',
    region: 'region_name',
    ak: 'auth.ak',
    sk: 'auth.sk (here or in secure.yaml)',
  }
  const cloudRegion = str(cloud, 'region_name', where)
  const cloudEndpoint = str(cloud, 'dcs_endpoint', where) ?? nonEmpty(env.DCS_ENDPOINT)
  const cloudProjectId = str(auth, 'project_id', where)
  const cloudProjectName = str(auth, 'project_name', where)

  if (cloud.projects === undefined) {
    return [
      buildTarget({
        where,
        names,
        name: cloudName,
        auth: rawAuth,
        projectId: cloudProjectId,
        projectName: cloudProjectName,
        region: cloudRegion,
        dcsEndpoint: cloudEndpoint,
      }),
    ]
  }
  if (!Array.isArray(cloud.projects) || cloud.projects.length === 0) {
    throw new ConfigError(`${where}: projects must be a non-empty list`)
  }
  return cloud.projects.map((item: unknown, index) => {
    const at = `${where}, projects[${index}]`
    const entry = asRecord(item, at)
    const projectId = str(entry, 'project_id', at)
    const projectName = str(entry, 'project_name', at)
    const explicitName = str(entry, 'name', at)
    return buildTarget({
      where: at,
      names,
      name: explicitName ?? `${cloudName}/${projectName ?? projectId ?? index}`,
      auth: rawAuth,
      // A project entry replaces the cloud's project, it does not mix with it.
      projectId: projectId ?? (projectName === undefined ? cloudProjectId : undefined),
      projectName: projectName ?? (projectId === undefined ? cloudProjectName : undefined),
      region: str(entry, 'region_name', at) ?? cloudRegion,
      dcsEndpoint: str(entry, 'dcs_endpoint', at) ?? cloudEndpoint,
    })
  })
}

function readCloudsYaml(path: string, required: boolean): LoadedYaml | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error'
    if (!required && code === 'ENOENT') return undefined
    throw new ConfigError(`cannot read ${path} (${code})`)
  }
  // The failsafe schema keeps every scalar as written: a password like 0123 stays "0123".
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'failsafe' })
  const first = doc.errors[0]
  if (first !== undefined) {
    const pos = first.linePos?.[0]
    const at = pos === undefined ? '' : ` at line ${pos.line}, column ${pos.col}`
    // Only the first line: the rest quotes the file, which may hold a password.
    const reason = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    throw new ConfigError(`${path}: YAML syntax error${at}: ${reason}`)
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return { path, clouds: {} }
  const root = asRecord(data, path)
  const clouds = root.clouds === undefined ? {} : asRecord(root.clouds, `${path}, clouds`)
  return { path, clouds }
}

function findFile(name: string, dirs: string[]): string | undefined {
  for (const dir of dirs) {
    const path = join(dir, name)
    try {
      readFileSync(path)
      return path
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // A file that exists but cannot be read is reported, not skipped.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new ConfigError(`cannot read ${path} (${code})`)
    }
  }
  return undefined
}

function dirOf(path: string): string {
  const index = path.lastIndexOf('/')
  return index <= 0 ? '/' : path.slice(0, index)
}

// ---------------------------------------------------------------------------------------------
// building and checking one target

interface RawAuth {
  authUrl?: string
  username?: string
  password?: string
  userDomainName?: string
  token?: string
  ak?: string
  sk?: string
}

type FieldNames = Record<
  | 'authUrl'
  | 'username'
  | 'password'
  | 'userDomainName'
  | 'projectId'
  | 'projectName'
  | 'region'
  | 'ak'
  | 'sk',
  string
>

interface TargetInput {
  where: string
  names: FieldNames
  name: string
  auth: RawAuth
  projectId?: string
  projectName?: string
  region?: string
  dcsEndpoint?: string
}

function buildTarget(input: TargetInput): ProjectTarget {
  const { where, names, auth } = input
  const missing = (field: keyof FieldNames, why: string) =>
    new ConfigError(`${where}: ${names[field]} is missing (${why})`)

  if (input.dcsEndpoint !== undefined) checkUrl(input.dcsEndpoint, `${where}: dcs_endpoint`)
  const region = input.region ?? regionFromProjectName(input.projectName)
  if (region === undefined) {
    throw missing('region', 'the region the project lives in, e.g. eu-de')
  }

  let targetAuth: TargetAuth
  if (auth.ak !== undefined || auth.sk !== undefined) {
    if (auth.ak === undefined) throw missing('ak', 'the access key that goes with the secret key')
    if (auth.sk === undefined) throw missing('sk', 'the secret key that goes with the access key')
    if (input.projectId === undefined) {
      throw missing(
        'projectId',
        'AK/SK signing needs the project id, it has no token to take it from',
      )
    }
    targetAuth = { kind: 'aksk', ak: auth.ak, sk: auth.sk, projectId: input.projectId }
  } else if (auth.token !== undefined) {
    if (input.projectId === undefined) {
      throw missing('projectId', 'a pre-issued token needs the id of the project it is scoped to')
    }
    targetAuth = { kind: 'token', token: auth.token }
  } else {
    if (auth.authUrl === undefined) throw missing('authUrl', 'the IAM endpoint to sign in at')
    checkUrl(auth.authUrl, `${where}: ${names.authUrl}`)
    if (auth.username === undefined) throw missing('username', 'the IAM user to sign in as')
    if (auth.password === undefined) throw missing('password', `for user ${auth.username}`)
    if (auth.userDomainName === undefined) {
      throw missing('userDomainName', 'the domain (account) the user belongs to')
    }
    const base = {
      kind: 'password' as const,
      authUrl: auth.authUrl,
      username: auth.username,
      password: auth.password,
      userDomainName: auth.userDomainName,
    }
    let passwordAuth: PasswordAuth
    if (input.projectId !== undefined) passwordAuth = { ...base, projectId: input.projectId }
    else if (input.projectName !== undefined)
      passwordAuth = { ...base, projectName: input.projectName }
    else throw missing('projectName', `or ${names.projectId}: the project to scope the token to`)
    targetAuth = passwordAuth
  }

  const target: ProjectTarget = { name: input.name, region, auth: targetAuth }
  if (input.projectId !== undefined) target.projectId = input.projectId
  if (input.projectName !== undefined) target.projectName = input.projectName
  if (input.dcsEndpoint !== undefined) target.dcsEndpoint = input.dcsEndpoint
  return target
}

/** OTC project names start with their region: `eu-de` or `eu-de_myproject`. */
function regionFromProjectName(projectName: string | undefined): string | undefined {
  return projectName === undefined
    ? undefined
    : /^([a-z]{2}-[a-z]+[0-9]*)(?:_|$)/.exec(projectName)?.[1]
}

function checkUrl(value: string, what: string): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`${what} is not a URL: ${value}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${what} must be an http(s) URL: ${value}`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(`${what} must not carry credentials in the URL`)
  }
}

function assertDistinct(targets: ProjectTarget[]): void {
  const seen = new Set<string>()
  for (const target of targets) {
    const key = `${target.region}|${target.dcsEndpoint ?? ''}|${target.projectId ?? target.projectName}`
    if (seen.has(key)) {
      throw new ConfigError(
        `project ${target.projectId ?? target.projectName} in ${target.region} is configured twice (${target.name})`,
      )
    }
    seen.add(key)
  }
}

// ---------------------------------------------------------------------------------------------
// small helpers

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${where}: expected a mapping (key: value), found ${describe(value)}`)
  }
  return value as Record<string, unknown>
}

/** Strings as they are; numbers (an all-digit id or password) as written; nothing else. */
function scalar(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value === '' ? undefined : value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  throw new ConfigError(`${where}: expected text, found ${describe(value)}`)
}

function describe(value: unknown): string {
  if (value === null) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`
}

function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base
  if (isPlainRecord(base) && isPlainRecord(override)) {
    const result: Record<string, unknown> = { ...base }
    for (const [key, value] of Object.entries(override)) result[key] = deepMerge(base[key], value)
    return result
  }
  return override
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
