import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createApp, type AppOptions } from './app.ts'
import { DEMO_PROJECT_EU_DE, SEED_EXAMPLE_ID } from './emulator/demo-fleet.ts'
import { createEmulator, type Emulator } from './emulator/emulator.ts'
import { staticTokenAuth } from './upstream/auth.ts'
import type { UpstreamProject } from './upstream/projects.ts'

const DE = DEMO_PROJECT_EU_DE
const TOKEN = 'server-side-secret-token'
const INDEX =
  '<!doctype html><html><head><title>DCS</title></head><body><div id="root"></div></body></html>'
const ASSET = `console.log(${JSON.stringify('x'.repeat(4000))})`

const distDir = mkdtempSync(join(tmpdir(), 'dcs-dist-'))
mkdirSync(join(distDir, 'assets'))
writeFileSync(join(distDir, 'index.html'), INDEX)
writeFileSync(join(distDir, 'assets', 'index-3f9a1c.js'), ASSET)
writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')

let emulator: Emulator
const apps: FastifyInstance[] = []

function projectsAt(endpoint: string): UpstreamProject[] {
  return emulator.projects.map((project) => ({
    ...project,
    source: 'emulator' as const,
    endpoint,
    auth: staticTokenAuth(emulator.token),
  }))
}

/** Starts an app on a free loopback port and returns its base URL. */
async function startApp(overrides: Partial<AppOptions> = {}): Promise<string> {
  const app = await createApp({
    projects: projectsAt(emulator.url),
    distDir,
    cacheTtlMs: 0,
    ...overrides,
  })
  apps.push(app)
  return app.listen({ host: '127.0.0.1', port: 0 })
}

let base: string

beforeAll(async () => {
  emulator = await createEmulator({ token: TOKEN, control: true, simulate: false })
  base = await startApp()
})
afterEach(() => {
  emulator.reset()
})
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()))
  await emulator.close()
})

async function injectFault(body: unknown) {
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address !== null ? address.port : 0
}

test('/api/config lists the projects without endpoints or secrets, and the build version', async () => {
  const response = await fetch(`${base}/api/config`)
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(JSON.parse(text)).toEqual({
    projects: [
      { id: DE, name: 'eu-de demo', region: 'eu-de', source: 'emulator' },
      {
        id: '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9',
        name: 'eu-nl demo',
        region: 'eu-nl',
        source: 'emulator',
      },
    ],
    version: createHash('sha256').update(INDEX).digest('hex').slice(0, 16),
    refreshSeconds: 30,
  })
  expect(text).not.toContain(TOKEN)
  expect(text).not.toContain(emulator.url)
})

test('the version changes when index.html is redeployed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dcs-dist-redeploy-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><p>v1</p>')
  const url = await startApp({ distDir: dir })
  const first = ((await (await fetch(`${url}/api/config`)).json()) as { version: string }).version
  writeFileSync(join(dir, 'index.html'), '<!doctype html><p>version two</p>')
  const second = ((await (await fetch(`${url}/api/config`)).json()) as { version: string }).version
  expect(second).not.toBe(first)
})

test('the proxy adds the token on the server and passes the detail body through verbatim', async () => {
  const response = await fetch(`${base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/json')
  const direct = await fetch(`${emulator.url}/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    headers: { 'X-Auth-Token': TOKEN },
  })
  expect(await response.text()).toBe(await direct.text())
  expect(emulator.stats().unauthorized).toBe(0)
  let headerText = ''
  response.headers.forEach((value, name) => (headerText += `${name}: ${value}\n`))
  expect(headerText).not.toContain(TOKEN)
})

test('a token sent by the browser is neither needed nor forwarded', async () => {
  const response = await fetch(`${base}/api/dcs/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    headers: { 'X-Auth-Token': 'browser-token' },
  })
  expect(response.status).toBe(200)
  expect(emulator.stats().unauthorized).toBe(0)
})

test('DCS error answers pass through with their status and body', async () => {
  const missing = await fetch(
    `${base}/api/dcs/${DE}/instances/00000000-0000-4000-8000-000000000000`,
  )
  expect(missing.status).toBe(404)
  expect(await missing.json()).toEqual({
    error_code: 'DCS.3022',
    error_msg: 'This DCS instance does not exist.',
  })

  const badLimit = await fetch(`${base}/api/dcs/${DE}/instances?limit=5000`)
  expect(badLimit.status).toBe(400)
  expect(((await badLimit.json()) as { error_code: string }).error_code).toBe('DCS.4800')

  // GETs are retried (three tries in all), so only a persistent gateway error reaches the app.
  await injectFault({ count: 3, kind: '504' })
  const gateway = await fetch(`${base}/api/dcs/${DE}/instances`)
  expect(gateway.status).toBe(504)
  expect(await gateway.json()).toMatchObject({ error_code: 'APIGW.0201' })

  await injectFault({ count: 1, kind: 'malformed' })
  const malformed = await fetch(`${base}/api/dcs/${DE}/instances`)
  expect(malformed.status).toBe(200)
  expect(await malformed.text()).toBe('{"instances": [')
})

test('the list proxy passes only the allowlisted query parameters', async () => {
  const all = (await (await fetch(`${base}/api/dcs/${DE}/instances`)).json()) as {
    instance_num: number
  }
  const filtered = (await (
    await fetch(`${base}/api/dcs/${DE}/instances?name=SHOP&limit=1&start=1&tags=env=nothing`)
  ).json()) as { instances: { name: string }[]; instance_num: number }
  expect(filtered.instances.map((i) => i.name)).toEqual(['shop-sessions-prod'])
  expect(filtered.instance_num).toBe(1)
  const withFailures = (await (
    await fetch(`${base}/api/dcs/${DE}/instances?include_failure=true&includeFailure=false`)
  ).json()) as { instance_num: number }
  expect(withFailures.instance_num).toBe(all.instance_num + 1)
})

test('an unknown project is refused without calling upstream', async () => {
  const response = await fetch(`${base}/api/dcs/ffffffffffffffffffffffffffffffff/instances`)
  expect(response.status).toBe(404)
  expect(((await response.json()) as { error_code: string }).error_code).toBe(
    'DASH.UNKNOWN_PROJECT',
  )
  expect(emulator.stats().total).toBe(0)
})

test('an instance id that is not a UUID is refused with 400', async () => {
  const response = await fetch(`${base}/api/dcs/${DE}/instances/..%2F..%2Fadmin`)
  expect(response.status).toBe(400)
  expect(((await response.json()) as { error_code: string }).error_code).toBe(
    'DASH.INVALID_INSTANCE_ID',
  )
  expect(emulator.stats().total).toBe(0)
})

test('a refused connection becomes 502 DASH.UPSTREAM_UNREACHABLE and shows in /healthz', async () => {
  const url = await startApp({ projects: projectsAt(`http://127.0.0.1:${await freePort()}`) })
  const response = await fetch(`${url}/api/dcs/${DE}/instances`)
  expect(response.status).toBe(502)
  const body = (await response.json()) as { error_code: string; error_msg: string }
  expect(body.error_code).toBe('DASH.UPSTREAM_UNREACHABLE')
  expect(body.error_msg).toBe(
    `The DCS endpoint for project eu-de demo (${DE}) could not be reached: ECONNREFUSED`,
  )
  const health = (await (await fetch(`${url}/healthz`)).json()) as {
    status: string
    upstreams: { project: string; lastOkAt: string | null; lastError: string | null }[]
  }
  expect(health.status).toBe('degraded')
  expect(health.upstreams[0]).toMatchObject({
    project: DE,
    lastOkAt: null,
    answeredRecently: false,
  })
  expect(health.upstreams[0]!.lastError).toContain('ECONNREFUSED')
})

test('an upstream that does not answer in time becomes 504 DASH.UPSTREAM_TIMEOUT', async () => {
  const url = await startApp({ upstreamTimeoutMs: 200 })
  // A timeout is retried once; two in a row reach the app.
  await injectFault({ count: 2, kind: 'timeout' })
  const started = Date.now()
  const response = await fetch(`${url}/api/dcs/${DE}/instances`)
  expect(response.status).toBe(504)
  expect(((await response.json()) as { error_code: string }).error_code).toBe(
    'DASH.UPSTREAM_TIMEOUT',
  )
  expect(Date.now() - started).toBeLessThan(5_000)
})

test('/healthz records the last successful upstream call', async () => {
  await fetch(`${base}/api/dcs/${DE}/instances?limit=1`)
  const health = (await (await fetch(`${base}/healthz`)).json()) as {
    upstreams: { project: string; lastOkAt: string | null }[]
  }
  const de = health.upstreams.find((u) => u.project === DE)
  expect(Date.parse(de?.lastOkAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
})

test('deep links get index.html (history fallback) with no-cache', async () => {
  for (const path of [
    `/projects/${DE}/instances/${SEED_EXAMPLE_ID}`,
    '/',
    '/wall?project=x',
    '/instances',
    // Paths the static file server refuses (too long, a NUL byte) still get the app.
    `/projects/${DE}/instances/${'a'.repeat(5000)}`,
    `/projects/${DE}/instances/a%00b`,
  ]) {
    const response = await fetch(base + path, { headers: { accept: 'text/html' } })
    expect(response.status, path).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe(INDEX)
  }
})

test('missing assets and API routes are 404, not index.html', async () => {
  const asset = await fetch(`${base}/assets/index-gone.js`)
  expect(asset.status).toBe(404)
  expect(await asset.text()).not.toContain('<html')
  const api = await fetch(`${base}/api/nothing`)
  expect(api.status).toBe(404)
  expect(((await api.json()) as { error_code: string }).error_code).toBe('DASH.NOT_FOUND')
})

test('hashed assets are cached for a year, compressed, and other files revalidate', async () => {
  const asset = await fetch(`${base}/assets/index-3f9a1c.js`, {
    headers: { 'accept-encoding': 'gzip' },
  })
  expect(asset.status).toBe(200)
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  expect(asset.headers.get('content-encoding')).toBe('gzip')
  expect(await asset.text()).toBe(ASSET)
  const icon = await fetch(`${base}/favicon.svg`)
  expect(icon.headers.get('cache-control')).toBe('no-cache')
})

test('security headers forbid inline scripts', async () => {
  const response = await fetch(`${base}/`)
  const csp = response.headers.get('content-security-policy') ?? ''
  const scriptSrc = csp.split(';').find((d) => d.startsWith('script-src '))
  expect(scriptSrc).toBe("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toContain('upgrade-insecure-requests')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
})

test('20 concurrent identical requests cause one upstream call, reused for the TTL', async () => {
  const url = await startApp({ cacheTtlMs: 2_000 })
  const path = `${url}/api/dcs/${DE}/instances?limit=50`
  const answers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const response = await fetch(path)
      return `${response.status} ${await response.text()}`
    }),
  )
  expect(new Set(answers).size).toBe(1)
  expect(answers[0]).toMatch(/^200 /)
  await fetch(path)
  const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as {
    byRoute: Record<string, number>
  }
  expect(stats.byRoute).toEqual({ 'GET /v1.0/{project_id}/instances': 1 })
})
