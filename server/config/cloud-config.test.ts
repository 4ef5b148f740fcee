import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { loadProjectTargets, type Env } from './cloud-config.ts'
import { ConfigError } from './config-error.ts'
import { describeTarget, resolveDcsEndpoint } from './project-target.ts'

let root: string
let cwd: string
let userDir: string
let etcDir: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dcs-config-'))
  cwd = join(root, 'cwd')
  userDir = join(root, 'home', '.config', 'openstack')
  etcDir = join(root, 'etc', 'openstack')
  for (const dir of [cwd, userDir, etcDir]) mkdirSync(dir, { recursive: true })
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function load(env: Env) {
  return loadProjectTargets({ env, searchDirs: [cwd, userDir, etcDir] })
}

function configError(env: Env): string {
  try {
    load(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a ConfigError')
}

const OTC_CLOUDS = `
clouds:
  otc-de:
    auth:
      auth_url: https://iam.eu-de.otc.t-systems.com/v3
      username: ops-viewer
      user_domain_name: OTC-EU-DE-00000000001000012345
      project_name: eu-de_ops
    region_name: eu-de
  otc-nl:
    auth:
      auth_url: https://iam.eu-nl.otc.t-systems.com/v3
      username: ops-viewer
      password: "0123"
      user_domain_name: OTC-EU-DE-00000000001000012345
      project_id: 3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9
    region_name: eu-nl
`
const OTC_SECURE = `
clouds:
  otc-de:
    auth:
      password: s3cret-de
`

test('no cloud configured: no targets, the emulator is used', () => {
  expect(load({})).toEqual([])
  expect(load({ OS_REGION_NAME: 'eu-de', OS_USERNAME: 'someone' })).toEqual([])
})

test('OS_CLOUD picks one clouds.yaml entry and merges the password from secure.yaml beside it', () => {
  writeFileSync(join(userDir, 'clouds.yaml'), OTC_CLOUDS)
  writeFileSync(join(userDir, 'secure.yaml'), OTC_SECURE)
  expect(load({ OS_CLOUD: 'otc-de' })).toEqual([
    {
      name: 'otc-de',
      projectName: 'eu-de_ops',
      region: 'eu-de',
      auth: {
        kind: 'password',
        authUrl: 'https://iam.eu-de.otc.t-systems.com/v3',
        username: 'ops-viewer',
        password: 's3cret-de',
        userDomainName: 'OTC-EU-DE-00000000001000012345',
        projectName: 'eu-de_ops',
      },
    },
  ])
})

test('clouds.yaml is searched in ./ first, then ~/.config/openstack, then /etc/openstack', () => {
  writeFileSync(join(etcDir, 'clouds.yaml'), OTC_CLOUDS.replace('ops-viewer', 'etc-user'))
  writeFileSync(join(etcDir, 'secure.yaml'), OTC_SECURE)
  expect(load({ OS_CLOUD: 'otc-de' })[0]?.auth).toMatchObject({ username: 'etc-user' })
  writeFileSync(join(userDir, 'clouds.yaml'), OTC_CLOUDS.replace('ops-viewer', 'home-user'))
  expect(load({ OS_CLOUD: 'otc-de' })[0]?.auth).toMatchObject({ username: 'home-user' })
  writeFileSync(join(cwd, 'clouds.yaml'), OTC_CLOUDS.replace('ops-viewer', 'cwd-user'))
  expect(load({ OS_CLOUD: 'otc-de' })[0]?.auth).toMatchObject({
    username: 'cwd-user',
    password: 's3cret-de',
  })
})

test('DCS_CLOUDS watches several clouds at once; numbers-looking values stay text', () => {
  writeFileSync(join(cwd, 'clouds.yaml'), OTC_CLOUDS)
  writeFileSync(join(cwd, 'secure.yaml'), OTC_SECURE)
  const targets = load({ DCS_CLOUDS: 'otc-de, otc-nl' })
  expect(targets.map((t) => [t.name, t.region, t.projectId ?? t.projectName])).toEqual([
    ['otc-de', 'eu-de', 'eu-de_ops'],
    ['otc-nl', 'eu-nl', '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9'],
  ])
  expect(targets[1]?.auth).toMatchObject({
    password: '0123',
    projectId: '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9',
  })
})

test('a projects list shares one cloud credential across projects and regions', () => {
  writeFileSync(
    join(cwd, 'clouds.yaml'),
    `clouds:
  otc:
    auth:
      auth_url: https://iam.eu-de.otc.t-systems.com/v3
      username: viewer
      password: pw
      user_domain_name: OTC-EU-DE-1
    region_name: eu-de
    projects:
      - project_name: eu-de_shop
      - project_name: eu-nl_shop
        region_name: eu-nl
      - name: swiss
        project_id: 0123456789abcdef0123456789abcdef
        region_name: eu-ch2
        dcs_endpoint: https://dcs.eu-ch2.sc.otc.t-systems.com
`,
  )
  const targets = load({ OS_CLOUD: 'otc' })
  expect(targets.map((t) => [t.name, t.region, t.dcsEndpoint])).toEqual([
    ['otc/eu-de_shop', 'eu-de', undefined],
    ['otc/eu-nl_shop', 'eu-nl', undefined],
    ['swiss', 'eu-ch2', 'https://dcs.eu-ch2.sc.otc.t-systems.com'],
  ])
  expect(targets[2]?.auth).toMatchObject({
    kind: 'password',
    projectId: '0123456789abcdef0123456789abcdef',
  })
})

test('OS_* variables: password sign-in scoped by project name or id, region from the name', () => {
  const base = {
    OS_AUTH_URL: 'https://iam.eu-de.otc.t-systems.com/v3',
    OS_USERNAME: 'viewer',
    OS_PASSWORD: 'pw',
    OS_USER_DOMAIN_NAME: 'OTC-EU-DE-1',
  }
  const [byName] = load({ ...base, OS_PROJECT_NAME: 'eu-de_ops' })
  expect(byName).toMatchObject({ name: 'eu-de_ops', region: 'eu-de' })
  expect(byName?.auth).toMatchObject({ kind: 'password', projectName: 'eu-de_ops' })
  const [byId] = load({ ...base, OS_PROJECT_ID: 'abc123', OS_REGION_NAME: 'eu-nl' })
  expect(byId).toMatchObject({ name: 'abc123', region: 'eu-nl', projectId: 'abc123' })
  expect(byId?.auth).toMatchObject({ projectId: 'abc123' })
})

test('OS_TOKEN / OS_AUTH_TOKEN: a pre-issued token for one project id', () => {
  const env = { OS_AUTH_TOKEN: 'tok-123', OS_PROJECT_ID: 'p1', OS_REGION_NAME: 'eu-de' }
  expect(load(env)).toEqual([
    { name: 'p1', projectId: 'p1', region: 'eu-de', auth: { kind: 'token', token: 'tok-123' } },
  ])
  expect(load({ ...env, OS_AUTH_TOKEN: undefined, OS_TOKEN: 'tok-9' })[0]?.auth).toEqual({
    kind: 'token',
    token: 'tok-9',
  })
})

test('AK/SK from OS_ACCESS_KEY / OS_SECRET_KEY or auth.ak / auth.sk in clouds.yaml', () => {
  const [fromEnv] = load({
    OS_ACCESS_KEY: 'AKEXAMPLE',
    OS_SECRET_KEY: 'SKEXAMPLE',
    OS_PROJECT_ID: 'p1',
    OS_REGION_NAME: 'eu-de',
    DCS_ENDPOINT: 'http://127.0.0.1:9999',
  })
  expect(fromEnv).toEqual({
    name: 'p1',
    projectId: 'p1',
    region: 'eu-de',
    dcsEndpoint: 'http://127.0.0.1:9999',
    auth: { kind: 'aksk', ak: 'AKEXAMPLE', sk: 'SKEXAMPLE', projectId: 'p1' },
  })
  writeFileSync(
    join(cwd, 'clouds.yaml'),
    'clouds:\n  keys:\n    auth:\n      ak: AKFILE\n      project_id: p2\n    region_name: eu-nl\n',
  )
  writeFileSync(join(cwd, 'secure.yaml'), 'clouds:\n  keys:\n    auth:\n      sk: SKFILE\n')
  expect(load({ OS_CLOUD: 'keys' })[0]?.auth).toEqual({
    kind: 'aksk',
    ak: 'AKFILE',
    sk: 'SKFILE',
    projectId: 'p2',
  })
})

test('broken configurations are refused with one clear line naming the problem', () => {
  writeFileSync(join(cwd, 'clouds.yaml'), OTC_CLOUDS)
  expect(configError({ OS_CLOUD: 'otc-de' })).toMatch(
    /cloud "otc-de": auth\.password .* is missing \(for user ops-viewer\)/,
  )
  expect(configError({ OS_CLOUD: 'otc-fr' })).toMatch(
    /OS_CLOUD names the cloud "otc-fr", which .*clouds\.yaml does not define \(it defines: otc-de, otc-nl\)/,
  )
  expect(
    configError({ OS_AUTH_URL: 'https://iam.example', OS_USERNAME: 'u', OS_PROJECT_NAME: 'eu-de' }),
  ).toBe('OS_* variables: OS_PASSWORD is missing (for user u)')
  expect(configError({ OS_TOKEN: 't', OS_REGION_NAME: 'eu-de' })).toMatch(
    /OS_PROJECT_ID is missing/,
  )
  expect(configError({ OS_ACCESS_KEY: 'a', OS_PROJECT_ID: 'p', OS_REGION_NAME: 'eu-de' })).toMatch(
    /OS_SECRET_KEY is missing/,
  )
  expect(configError({ OS_TOKEN: 't', OS_PROJECT_ID: 'p' })).toMatch(/OS_REGION_NAME is missing/)
  expect(
    configError({
      OS_TOKEN: 't',
      OS_PROJECT_ID: 'p',
      OS_REGION_NAME: 'eu-de',
      DCS_ENDPOINT: 'ftp://x',
    }),
  ).toMatch(/must be an http\(s\) URL/)
})

test('an unreadable file and a missing clouds.yaml are reported by path', () => {
  expect(configError({ OS_CLOUD: 'otc-de' })).toMatch(
    /OS_CLOUD is set but no clouds\.yaml was found in .*cwd/,
  )
  const path = join(cwd, 'clouds.yaml')
  writeFileSync(path, OTC_CLOUDS)
  chmodSync(path, 0o000)
  const isRoot = process.getuid?.() === 0
  if (!isRoot) expect(configError({ OS_CLOUD: 'otc-de' })).toBe(`cannot read ${path} (EACCES)`)
  chmodSync(path, 0o600)
  expect(
    configError({
      OS_CLOUD: 'otc-de',
      OS_CLIENT_CONFIG_FILE: join(isRoot ? cwd : userDir, 'nope.yaml'),
    }),
  ).toMatch(/cannot read .*nope\.yaml \(ENOENT\)/)
})

test('a YAML syntax error names file, line and column, and never quotes the file', () => {
  writeFileSync(
    join(cwd, 'clouds.yaml'),
    'clouds:\n  otc-de:\n    auth:\n      password: "hunter2\n      username: x\n',
  )
  const message = configError({ OS_CLOUD: 'otc-de' })
  expect(message).toMatch(/clouds\.yaml: YAML syntax error at line \d+, column \d+: /)
  expect(message).not.toContain('hunter2')
  writeFileSync(join(cwd, 'clouds.yaml'), 'clouds:\n  a: {}\n  a: {}\n')
  expect(configError({ OS_CLOUD: 'a' })).toMatch(/line 3, column 3: Map keys must be unique/)
  writeFileSync(join(cwd, 'clouds.yaml'), 'clouds:\n  a: just text\n')
  expect(configError({ OS_CLOUD: 'a' })).toMatch(/cloud "a": expected a mapping/)
})

test('the same project twice is refused', () => {
  const env = { OS_TOKEN: 't', OS_PROJECT_ID: 'p', OS_REGION_NAME: 'eu-de' }
  expect(load(env)).toHaveLength(1)
  writeFileSync(
    join(cwd, 'clouds.yaml'),
    'clouds:\n  a:\n    auth: {token: t}\n    region_name: eu-de\n    projects:\n      - project_id: p\n      - project_id: p\n',
  )
  expect(configError({ OS_CLOUD: 'a' })).toMatch(/project p in eu-de is configured twice/)
})

test('the DCS endpoint: override, else the token catalog, else the OTC host of the region', () => {
  const target = load({ OS_TOKEN: 't', OS_PROJECT_ID: 'p', OS_REGION_NAME: 'eu-nl' })[0]
  if (target === undefined) throw new Error('no target')
  expect(resolveDcsEndpoint(target)).toBe('https://dcs.eu-nl.otc.t-systems.com')
  expect(resolveDcsEndpoint(target, 'https://dcs.eu-nl.otc.t-systems.com/v1.0/p')).toBe(
    'https://dcs.eu-nl.otc.t-systems.com',
  )
  expect(resolveDcsEndpoint({ ...target, dcsEndpoint: 'http://127.0.0.1:1/' }, 'https://x')).toBe(
    'http://127.0.0.1:1',
  )
})

test('the start-up description names source and method but no secret', () => {
  writeFileSync(join(cwd, 'clouds.yaml'), OTC_CLOUDS)
  writeFileSync(join(cwd, 'secure.yaml'), OTC_SECURE)
  const lines = load({ DCS_CLOUDS: 'otc-de,otc-nl' }).map(describeTarget)
  expect(lines[0]).toBe(
    'otc-de: project eu-de_ops in eu-de via IAM password sign-in as ops-viewer at https://iam.eu-de.otc.t-systems.com/v3; DCS from the token catalog, else https://dcs.eu-de.otc.t-systems.com',
  )
  expect(lines.join('\n')).not.toMatch(/s3cret-de|0123/)
  const [keys] = load({
    OS_ACCESS_KEY: 'AKEXAMPLE',
    OS_SECRET_KEY: 'SKEXAMPLE',
    OS_PROJECT_ID: 'p',
    OS_REGION_NAME: 'eu-de',
  })
  if (keys === undefined) throw new Error('no target')
  expect(describeTarget(keys)).toContain('AK/SK request signing (AK AKEX****)')
  expect(describeTarget(keys)).not.toContain('SKEXAMPLE')
})
