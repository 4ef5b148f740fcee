/**
 * The whole path to a cloud, over real HTTP with the real code: configuration → auth providers →
 * dashboard proxy → emulator (DCS + IAM). Each config form, token renewal, every refusal, the
 * proxy probes, a secret-leak search, retries and 429, coalescing, and the latency the proxy adds.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createApp, type AppOptions } from './app.ts'
import { loadProjectTargets, type Env } from './config/cloud-config.ts'
import { ConfigError } from './config/config-error.ts'
import type { ProjectTarget } from './config/project-target.ts'
import {
  DEMO_PROJECT_EU_DE as DE,
  DEMO_PROJECT_EU_NL as NL,
  SEED_EXAMPLE_ID,
} from './emulator/demo-fleet.ts'
import {
  createEmulator,
  EMULATOR_ACCESS_KEY,
  EMULATOR_DOMAIN,
  EMULATOR_USER,
  type Emulator,
} from './emulator/emulator.ts'
import { writeEmulatorClouds } from './emulator/emulator-clouds.ts'
import { connectCloudProjects } from './upstream/cloud-projects.ts'
import type { UpstreamProject } from './upstream/projects.ts'

const HOUR = 3600_000
let offsetMs = 0
/** The emulator's clock; tests move it to expire tokens. */
const emulatorNow = () => Date.now() + offsetMs

let emulator: Emulator
const apps: FastifyInstance[] = []
const configDir = mkdtempSync(join(tmpdir(), 'dcs-cloud-'))
const distDir = mkdtempSync(join(tmpdir(), 'dcs-cloud-dist-'))
mkdirSync(join(distDir, 'assets'))
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>DCS</title><div id="root"></div>')

beforeAll(async () => {
  emulator = await createEmulator({
    control: true,
    simulate: false,
    timeoutFaultMs: 5_000,
    iam: { tokenLifetimeMs: HOUR, now: emulatorNow },
  })
  writeEmulatorClouds(configDir, emulator.url)
})
afterEach(() => {
  offsetMs = 0
  emulator.reset()
})
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()))
  await emulator.close()
})

function targets(env: Env): ProjectTarget[] {
  return loadProjectTargets({ env, searchDirs: [configDir] })
}

interface Served {
  base: string
  projects: UpstreamProject[]
}

async function serve(
  list: ProjectTarget[],
  app: Partial<AppOptions> = {},
  providerNow: () => number = emulatorNow,
): Promise<Served> {
  const { projects } = await connectCloudProjects(list, { now: providerNow })
  const instance = await createApp({ projects, distDir, cacheTtlMs: 0, ...app })
  apps.push(instance)
  return { base: await instance.listen({ host: '127.0.0.1', port: 0 }), projects }
}

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, init)
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    response,
  }
}

async function signInToken(): Promise<string> {
  const response = await fetch(`${emulator.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: EMULATOR_USER.name,
              password: EMULATOR_USER.password,
              domain: { name: EMULATOR_DOMAIN },
            },
          },
        },
        scope: { project: { id: DE } },
      },
    }),
  })
  return response.headers.get('x-subject-token') ?? ''
}

const dcsCalls = () => emulator.stats().total

// ---------------------------------------------------------------------------------------------
// each configuration form reaches data

test('clouds.yaml + secure.yaml with a password: IAM token, project id and endpoint from the catalog', async () => {
  const { base, projects } = await serve(targets({ OS_CLOUD: 'emu' }))
  expect(projects[0]).toMatchObject({
    id: DE,
    name: 'eu-de_demo',
    source: 'cloud',
    endpoint: emulator.url,
  })
  const config = await getJson(`${base}/api/config`)
  expect(config.body.projects).toEqual([
    { id: DE, name: 'eu-de_demo', region: 'eu-de', source: 'cloud' },
  ])
  const list = await getJson(`${base}/api/dcs/${DE}/instances`)
  expect(list.status).toBe(200)
  expect(list.body.instance_num).toBeGreaterThan(5)
  expect((await getJson(`${base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`)).status).toBe(200)
  expect(emulator.iam.stats()).toMatchObject({ issued: 1, refusedCalls: 0 })
})

test('OS_* variables with a project id', async () => {
  const { base } = await serve(
    targets({
      OS_AUTH_URL: emulator.url,
      OS_USERNAME: EMULATOR_USER.name,
      OS_PASSWORD: EMULATOR_USER.password,
      OS_USER_DOMAIN_NAME: EMULATOR_DOMAIN,
      OS_PROJECT_ID: NL,
      OS_REGION_NAME: 'eu-nl',
    }),
  )
  expect((await getJson(`${base}/api/dcs/${NL}/instances`)).status).toBe(200)
})

test('a pre-issued OS_TOKEN with DCS_ENDPOINT', async () => {
  const token = await signInToken()
  const { base } = await serve(
    targets({
      OS_TOKEN: token,
      OS_PROJECT_ID: DE,
      OS_REGION_NAME: 'eu-de',
      DCS_ENDPOINT: emulator.url,
    }),
  )
  expect((await getJson(`${base}/api/dcs/${DE}/instances`)).status).toBe(200)
})

test('AK/SK signing, and several clouds at once with DCS_CLOUDS', async () => {
  const { base } = await serve(targets({ DCS_CLOUDS: 'emu,keys' }))
  const de = await getJson(`${base}/api/dcs/${DE}/instances?limit=3&name=shop`)
  const nl = await getJson(`${base}/api/dcs/${NL}/instances?limit=3`)
  expect([de.status, nl.status]).toEqual([200, 200])
  expect(emulator.iam.stats().refusedCalls).toBe(0)
  expect(emulator.stats().unauthorized).toBe(0)
})

// ---------------------------------------------------------------------------------------------
// token renewal

test('the token is renewed ahead of expiry and after it, without a refused call', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }))
  const list = () => getJson(`${base}/api/dcs/${DE}/instances?limit=1`)
  expect((await list()).status).toBe(200)
  offsetMs += 55 * 60_000 // five minutes left: inside the renewal margin
  expect((await list()).status).toBe(200)
  offsetMs += 2 * HOUR // long after expiry
  expect((await list()).status).toBe(200)
  expect(emulator.iam.stats()).toMatchObject({ issued: 3, refusedCalls: 0 })
})

test('after a 401 (revoked, or expired by the server clock) the token is renewed once and the call retried', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }), {}, Date.now)
  const list = () => getJson(`${base}/api/dcs/${DE}/instances?limit=1`)
  expect((await list()).status).toBe(200)
  emulator.iam.revokeAll()
  expect((await list()).status).toBe(200)
  expect(emulator.iam.stats()).toMatchObject({ issued: 2, refusedCalls: 1 })
  // The emulator's clock runs ahead: the token is expired there while the server thinks it fine.
  offsetMs += 2 * HOUR
  expect((await list()).status).toBe(200)
  expect(emulator.iam.stats()).toMatchObject({ issued: 3, refusedCalls: 2 })
  // Fifty concurrent calls after a revocation still cost one sign-in.
  emulator.iam.revokeAll()
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => getJson(`${base}/api/dcs/${DE}/instances?limit=${i + 1}`)),
  )
  expect(answers.every((a) => a.status === 200)).toBe(true)
  expect(emulator.iam.stats().issued).toBe(4)
})

// ---------------------------------------------------------------------------------------------
// refusals

test('refused: wrong password and wrong project stop the start with one clear line', async () => {
  const env = {
    OS_AUTH_URL: `${emulator.url}/v3`,
    OS_USERNAME: EMULATOR_USER.name,
    OS_PASSWORD: 'not-the-password',
    OS_USER_DOMAIN_NAME: EMULATOR_DOMAIN,
    OS_PROJECT_NAME: 'eu-de_demo',
  }
  for (const bad of [
    env,
    { ...env, OS_PASSWORD: EMULATOR_USER.password, OS_PROJECT_NAME: 'eu-de_nothing' },
  ]) {
    const error = await connectCloudProjects(targets(bad)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(
      /refused the sign-in of dashboard for project eu-de_\w+: HTTP 401 The request you have made requires authentication\.$/,
    )
    expect((error as Error).message).not.toContain('not-the-password')
  }
  expect(emulator.iam.stats().refusedSignIns).toBe(2)
})

test('refused: an expired pre-issued token gets the DCS 401 body through the proxy', async () => {
  const token = await signInToken()
  const { base } = await serve(
    targets({
      OS_TOKEN: token,
      OS_PROJECT_ID: DE,
      OS_REGION_NAME: 'eu-de',
      DCS_ENDPOINT: emulator.url,
    }),
  )
  offsetMs += 2 * HOUR
  const answer = await getJson(`${base}/api/dcs/${DE}/instances`)
  expect(answer).toMatchObject({
    status: 401,
    body: { error_code: 'DCS.1002', error_msg: 'Token expired.' },
  })
  const other = await serve(
    targets({
      OS_TOKEN: 'MIIforged',
      OS_PROJECT_ID: NL,
      OS_REGION_NAME: 'eu-nl',
      DCS_ENDPOINT: emulator.url,
    }),
  )
  expect((await getJson(`${other.base}/api/dcs/${NL}/instances`)).body).toEqual({
    error_code: 'DCS.1001',
    error_msg: 'Invalid token.',
  })
})

test('refused: bad signature, unknown access key and clock skew get the gateway APIGW.0301 body', async () => {
  const base = { OS_PROJECT_ID: NL, OS_REGION_NAME: 'eu-nl', DCS_ENDPOINT: emulator.url }
  const cases: [Env, () => number, RegExp][] = [
    [
      { ...base, OS_ACCESS_KEY: EMULATOR_ACCESS_KEY.ak, OS_SECRET_KEY: 'wrong-secret' },
      Date.now,
      /verify aksk signature fail/,
    ],
    [
      { ...base, OS_ACCESS_KEY: 'UNKNOWNAK', OS_SECRET_KEY: EMULATOR_ACCESS_KEY.sk },
      Date.now,
      /ak not found/,
    ],
    [
      { ...base, OS_ACCESS_KEY: EMULATOR_ACCESS_KEY.ak, OS_SECRET_KEY: EMULATOR_ACCESS_KEY.sk },
      () => Date.now() - 20 * 60_000,
      /15 minutes/,
    ],
  ]
  for (const [env, clock, message] of cases) {
    const served = await serve(targets(env), {}, clock)
    const answer = await getJson(`${served.base}/api/dcs/${NL}/instances`)
    expect(answer.status).toBe(401)
    expect(answer.body.error_code).toBe('APIGW.0301')
    expect(answer.body.error_msg).toMatch(message)
  }
})

// ---------------------------------------------------------------------------------------------
// the proxy is a narrow door

/** A raw request: fetch would normalise `../` and refuse CR/LF before the server saw them. */
function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const url = new URL(base)
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method, path, headers, agent: false },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        },
      )
      req.on('error', reject)
      req.end()
    },
  )
}

const PROBES: [string, string, number[]][] = [
  // The static file plugin refuses `..` itself (403); the router never sees an API route.
  ['GET', `/api/dcs/${DE}/instances/../../../../v3/auth/tokens`, [403, 404]],
  ['GET', `/api/dcs/${DE}/instances/..%2F..%2F..%2Fv3%2Fauth%2Ftokens`, [400]],
  ['GET', `/api/dcs/${DE}/instances/%2e%2e%2f%2e%2e%2f_emulator%2fstats`, [400]],
  ['GET', `/api/dcs/${DE}/instances/%2e%2e`, [400]],
  ['GET', `/api/dcs/..%2F..%2F_emulator%2Fstats/instances`, [404]],
  ['GET', `/api/dcs/${DE}%2F..%2F${NL}/instances`, [404]],
  ['GET', `/api/dcs/${DE}%2Finstances%2F${SEED_EXAMPLE_ID}/instances`, [404]],
  ['GET', `/api/dcs/http:%2F%2Fevil.example%2Fv1.0/instances`, [404]],
  ['GET', `/api/dcs/${DE}/instances/http:%2F%2Fevil.example`, [400]],
  ['GET', `http://evil.example/api/dcs/${DE}/instances/..%2F..`, [400, 404]],
  ['GET', `/api/dcs/${DE}/instances?name=x%0d%0aX-Injected:%201`, [400]],
  ['GET', `/api/dcs/${DE}/instances?name=${'a'.repeat(5000)}`, [400]],
  // Past Fastify's 100-character parameter limit no API route matches; the file plugin refuses.
  ['GET', `/api/dcs/${DE}/instances/${'f'.repeat(10_000)}`, [400, 403]],
  ['GET', `/api/dcs/${DE}/instances/${'f'.repeat(70_000)}`, [414, 431]],
  ['GET', `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}%0d%0aX-Injected:%201`, [400]],
  ['GET', `/api/dcs/ffffffffffffffffffffffffffffffff/instances`, [404]],
  ['GET', `/api/v1.0/${DE}/instances`, [404]],
  ['GET', `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}/backups`, [404]],
  ['POST', `/api/dcs/${DE}/instances`, [405]],
  ['PUT', `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`, [405]],
  ['DELETE', `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`, [405]],
  ['PATCH', `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`, [405]],
  ['OPTIONS', `/api/dcs/${DE}/instances`, [405]],
  ['POST', `/v3/auth/tokens`, [404]],
  ['GET', `/_emulator/stats`, [200, 404]],
]

test('probes: traversal, encoded slashes, absolute URLs, CR/LF, long input, other methods never reach another upstream path', async () => {
  const { base } = await serve(targets({ DCS_CLOUDS: 'emu,keys' }))
  emulator.reset()
  for (const [method, path, allowed] of PROBES) {
    const answer = await rawRequest(base, method, path).catch((error: unknown) => ({
      status: 0,
      body: String(error),
      headers: {} as Record<string, unknown>,
    }))
    expect(
      allowed,
      `${method} ${path.slice(0, 120)} → ${answer.status} ${answer.body.slice(0, 200)}`,
    ).toContain(answer.status)
    expect(answer.headers['x-injected']).toBeUndefined()
    // Nothing the SPA fallback serves is an upstream answer.
    if (answer.status === 200) expect(answer.body).toContain('<div id="root">')
  }
  expect(dcsCalls()).toBe(0)
  expect(emulator.iam.stats().issued).toBe(0)

  // Browser-sent headers choose nothing: Host, X-Auth-Token, Authorization, X-Project-Id.
  const answer = await rawRequest(
    base,
    'GET',
    `/api/dcs/${DE}/instances?limit=1&endpoint=http://evil.example&project_id=${NL}`,
    {
      host: 'evil.example',
      'x-auth-token': 'browser-token',
      authorization: 'SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature=00',
      'x-project-id': NL,
    },
  )
  expect(answer.status).toBe(200)
  expect(emulator.stats().byRoute).toEqual({ 'GET /v1.0/{project_id}/instances': 1 })
  expect(emulator.stats().unauthorized).toBe(0)
})

test('security headers: CSP without inline scripts, and the usual set', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }))
  const response = await fetch(`${base}/`)
  const csp = response.headers.get('content-security-policy') ?? ''
  expect(csp).toMatch(/script-src 'self'(;|$)/)
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("frame-ancestors 'self'")
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
})

// ---------------------------------------------------------------------------------------------
// secrets never leave the server

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('secret-leak search: no response of a session, nor the built bundle, carries a password, token or key', async () => {
  const preIssued = await signInToken()
  const cloud = await serve(targets({ DCS_CLOUDS: 'emu,keys' }), {
    accessToken: 'viewer-token-secret',
  })
  const tokenApp = await serve(
    targets({
      OS_TOKEN: preIssued,
      OS_PROJECT_ID: DE,
      OS_REGION_NAME: 'eu-de',
      DCS_ENDPOINT: emulator.url,
    }),
  )
  const viewer = { authorization: 'Bearer viewer-token-secret' }

  const transcript: string[] = []
  const record = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { redirect: 'manual', ...init })
    response.headers.forEach((value, name) => transcript.push(`${name}: ${value}`))
    transcript.push(await response.text())
  }
  for (const { base, headers } of [
    { base: cloud.base, headers: viewer },
    { base: tokenApp.base, headers: {} },
  ]) {
    for (const path of [
      '/',
      '/wall',
      `/projects/${DE}/instances/${SEED_EXAMPLE_ID}`,
      '/api/config',
      '/healthz',
      `/api/dcs/${DE}/instances`,
      `/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`,
      `/api/dcs/${NL}/instances?limit=2`,
      `/api/dcs/${DE}/instances/00000000-0000-4000-8000-000000000000`,
      `/api/dcs/${DE}/instances/not-a-uuid`,
      '/api/nothing',
    ]) {
      await record(base + path, { headers })
    }
  }
  await record(`${cloud.base}/wall?access_token=viewer-token-secret`)
  await record(`${cloud.base}/api/config`)
  emulator.iam.revokeAll()
  await record(`${cloud.base}/api/dcs/${DE}/instances`, { headers: viewer })
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"count":3,"kind":"503"}',
  })
  await record(`${cloud.base}/api/dcs/${DE}/instances`, { headers: viewer })

  const issued = await Promise.all(
    cloud.projects.map(
      async (p) =>
        (await p.auth.headers({ method: 'GET', url: new URL(emulator.url) }))['X-Auth-Token'],
    ),
  )
  const secrets = [
    EMULATOR_USER.password,
    EMULATOR_ACCESS_KEY.sk,
    preIssued,
    emulator.token,
    'viewer-token-secret',
    ...issued.filter((t): t is string => t !== undefined),
  ]
  expect(secrets.length).toBeGreaterThanOrEqual(6)
  const text = transcript.join('\n')
  expect(text.length).toBeGreaterThan(10_000)
  for (const secret of secrets) expect(text).not.toContain(secret)
  expect(text).not.toMatch(/x-auth-token|x-subject-token|SDK-HMAC-SHA256/i)

  const dist = join(process.cwd(), 'dist')
  let distFiles: string[] = []
  try {
    distFiles = filesUnder(dist)
  } catch {
    // Not built in this run: nothing to search.
  }
  for (const file of distFiles) {
    const content = readFileSync(file, 'latin1')
    for (const secret of [...secrets, EMULATOR_ACCESS_KEY.sk])
      expect(content, file).not.toContain(secret)
  }
})

// ---------------------------------------------------------------------------------------------
// resilience

async function injectFault(body: unknown) {
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

test('5xx answers are retried with backoff, a persistent one passes through after three tries', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }))
  await injectFault({ count: 1, kind: '503' })
  expect((await getJson(`${base}/api/dcs/${DE}/instances`)).status).toBe(200)
  expect(dcsCalls()).toBe(2)
  emulator.reset()
  await injectFault({ count: 5, kind: '500' })
  const failed = await getJson(`${base}/api/dcs/${DE}/instances`)
  expect(failed).toMatchObject({ status: 500, body: { error_code: 'DCS.5000' } })
  expect(dcsCalls()).toBe(3)
})

test('429: a short Retry-After is waited out; a persistent 429 is passed on with its Retry-After', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }))
  await injectFault({ count: 1, kind: '429' })
  const started = Date.now()
  expect((await getJson(`${base}/api/dcs/${DE}/instances`)).status).toBe(200)
  expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  expect(dcsCalls()).toBe(2)
  emulator.reset()
  await injectFault({ count: 3, kind: '429' })
  const limited = await getJson(`${base}/api/dcs/${DE}/instances`)
  expect(limited.status).toBe(429)
  expect(limited.response.headers.get('retry-after')).toBe('1')
  expect(limited.body.error_code).toBe('APIGW.0308')
})

test('timeouts: one is retried, two in a row become 504 within about two timeouts', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }), { upstreamTimeoutMs: 300 })
  await injectFault({ count: 1, kind: 'timeout' })
  expect((await getJson(`${base}/api/dcs/${DE}/instances`)).status).toBe(200)
  await injectFault({ count: 2, kind: 'timeout' })
  const started = Date.now()
  const timedOut = await getJson(`${base}/api/dcs/${DE}/instances`)
  expect(timedOut).toMatchObject({ status: 504, body: { error_code: 'DASH.UPSTREAM_TIMEOUT' } })
  expect(Date.now() - started).toBeLessThan(5_000)
  const health = await getJson(`${base}/healthz`)
  expect(health.body.status).toBe('degraded')
  expect((await getJson(`${base}/api/dcs/${DE}/instances`)).status).toBe(200)
  const healed = await getJson(`${base}/healthz`)
  expect(healed.body).toMatchObject({
    status: 'ok',
    upstreams: [{ project: DE, answeredRecently: true, auth: 'iam-password' }],
  })
})

// ---------------------------------------------------------------------------------------------
// coalescing and latency

const measurements: Record<string, unknown> = {}

test('50 concurrent clients over five intervals: one upstream call per project per interval', async () => {
  // Long enough that 50 requests finish inside one interval even on a busy 2-core machine.
  const interval = 1500
  const { base } = await serve(targets({ DCS_CLOUDS: 'emu,keys' }), { cacheTtlMs: interval })
  emulator.reset()
  const perInterval: number[] = []
  for (let round = 0; round < 5; round += 1) {
    const before = dcsCalls()
    await Promise.all(
      Array.from({ length: 50 }, (_, client) =>
        fetch(`${base}/api/dcs/${client % 2 === 0 ? DE : NL}/instances`).then((r) => r.text()),
      ),
    )
    perInterval.push(dcsCalls() - before)
    // The next round starts once the answers of this one are older than the interval.
    await new Promise((resolve) => setTimeout(resolve, interval + 100))
  }
  expect(perInterval).toEqual([2, 2, 2, 2, 2])

  // Clients spread over the interval rather than in a burst: still one call per project per TTL.
  emulator.reset()
  const spreadStart = Date.now()
  await Promise.all(
    Array.from({ length: 50 }, (_, client) =>
      new Promise((resolve) => setTimeout(resolve, (client * 5 * interval) / 50)).then(() =>
        fetch(`${base}/api/dcs/${DE}/instances`).then((r) => r.text()),
      ),
    ),
  )
  const spreadMs = Date.now() - spreadStart
  const spreadCalls = dcsCalls()
  expect(spreadCalls).toBeLessThanOrEqual(Math.ceil(spreadMs / interval) + 1)
  measurements.coalescing = {
    clients: 50,
    intervals: 5,
    projects: 2,
    upstreamCallsPerInterval: perInterval,
    spreadOver5IntervalsCallsForOneProject: spreadCalls,
  }
}, 60_000)

test('latency the proxy adds: median over 200 detail requests, proxy vs direct emulator call', async () => {
  const { base } = await serve(targets({ OS_CLOUD: 'emu' }), { cacheTtlMs: 0 })
  const token = await signInToken()
  const time = async (url: string, headers: Record<string, string> = {}) => {
    const started = performance.now()
    const response = await fetch(url, { headers })
    await response.text()
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
    return performance.now() - started
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return ((sorted[99] ?? 0) + (sorted[100] ?? 0)) / 2
  }
  const direct: number[] = []
  const proxied: number[] = []
  const cached: number[] = []
  const cachedApp = await serve(targets({ OS_CLOUD: 'emu' }), { cacheTtlMs: 60_000 })
  for (let i = 0; i < 20; i += 1) await time(`${base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`)
  for (let i = 0; i < 200; i += 1) {
    direct.push(
      await time(`${emulator.url}/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`, {
        'X-Auth-Token': token,
      }),
    )
    proxied.push(await time(`${base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`))
    cached.push(await time(`${cachedApp.base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`))
  }
  const result = {
    requests: 200,
    directMedianMs: Number(median(direct).toFixed(2)),
    proxyUncachedMedianMs: Number(median(proxied).toFixed(2)),
    proxyAddedMedianMs: Number((median(proxied) - median(direct)).toFixed(2)),
    proxyCachedMedianMs: Number(median(cached).toFixed(2)),
  }
  measurements.latency = result
  expect(result.proxyAddedMedianMs).toBeLessThan(50)
  mkdirSync('test-results', { recursive: true })
  writeFileSync(
    join('test-results', 'cloud-access-measurements.json'),
    `${JSON.stringify(measurements, null, 2)}\n`,
  )
})
