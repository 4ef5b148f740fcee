import { inspect } from 'node:util'
import { afterEach, expect, test } from 'vitest'
import type { PasswordAuth } from '../../config/project-target.ts'
import {
  startIamTestServer,
  TEST_DOMAIN,
  TEST_PROJECTS,
  TEST_USER,
  type IamTestServer,
} from '../../emulator/iam-test-server.ts'
import { IamSignInError, keystoneBase, PasswordTokenProvider } from './password-token-provider.ts'
import { StaticTokenProvider } from './static-token-provider.ts'

let server: IamTestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const NL = TEST_PROJECTS[1]?.id ?? ''

function auth(overrides: Partial<PasswordAuth> = {}): PasswordAuth {
  return {
    kind: 'password',
    authUrl: `${server?.url}/v3`,
    username: TEST_USER.name,
    password: TEST_USER.password,
    userDomainName: TEST_DOMAIN,
    projectName: 'eu-nl_ops',
    ...overrides,
  } as PasswordAuth
}

async function callDcs(provider: PasswordTokenProvider, project = NL) {
  const headers = await provider.headers()
  const response = await fetch(`${server?.url}/v1.0/${project}/instances`, { headers })
  return { status: response.status, headers }
}

test('signs in once, learns project id and DCS endpoint from the token, reuses the token', async () => {
  server = await startIamTestServer()
  const provider = new PasswordTokenProvider(auth(), { region: 'eu-nl' })
  expect(provider.projectId).toBeUndefined()
  const issued = await provider.token()
  expect(issued.projectId).toBe(NL)
  expect(issued.projectName).toBe('eu-nl_ops')
  expect(issued.catalogDcsUrl).toBe(`${server.url}/v1.0/${NL}`)
  expect(issued.expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000)
  expect(provider.projectId).toBe(NL)
  for (let i = 0; i < 5; i += 1) expect((await callDcs(provider)).status).toBe(200)
  expect(server.iam.stats().issued).toBe(1)
})

test('fifty concurrent callers without a token cause one sign-in', async () => {
  server = await startIamTestServer()
  const provider = new PasswordTokenProvider(auth({ projectName: undefined, projectId: NL }))
  const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.headers()))
  expect(new Set(tokens.map((h) => h['X-Auth-Token'])).size).toBe(1)
  expect(server.iam.stats().issued).toBe(1)
})

test('renews ahead of expiry (inside the margin) and after expiry', async () => {
  let now = Date.now()
  server = await startIamTestServer({ now: () => now, tokenLifetimeMs: 30 * 60_000 })
  const provider = new PasswordTokenProvider(auth(), { now: () => now, renewMarginMs: 10 * 60_000 })
  const first = await provider.token()
  now += 19 * 60_000
  expect((await provider.token()).token).toBe(first.token)
  now += 2 * 60_000 // 9 minutes left: inside the margin
  const second = await provider.token()
  expect(second.token).not.toBe(first.token)
  now += 31 * 60_000 // long expired
  const third = await provider.token()
  expect(third.token).not.toBe(second.token)
  expect((await callDcs(provider)).status).toBe(200)
  expect(server.iam.stats().issued).toBe(3)
})

test('after DCS rejects the token, invalidate() makes the next call sign in once', async () => {
  server = await startIamTestServer()
  const provider = new PasswordTokenProvider(auth())
  await callDcs(provider)
  server.iam.revokeAll()
  const rejected = await callDcs(provider)
  expect(rejected.status).toBe(401)
  // Several calls failed with the same token at once: all invalidate, one sign-in follows.
  for (let i = 0; i < 5; i += 1) provider.invalidate(rejected.headers)
  const retries = await Promise.all(Array.from({ length: 5 }, () => callDcs(provider)))
  expect(retries.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
  // A late invalidate for the old token does not throw away the new one.
  provider.invalidate(rejected.headers)
  expect((await callDcs(provider)).status).toBe(200)
  expect(server.iam.stats().issued).toBe(2)
})

test('a failed early renewal keeps the still-valid token working', async () => {
  let now = Date.now()
  server = await startIamTestServer({ now: () => now, tokenLifetimeMs: 30 * 60_000 })
  const provider = new PasswordTokenProvider(auth(), { now: () => now })
  const first = await provider.token()
  server.iam.revokeAll()
  await server.close()
  now += 25 * 60_000
  expect((await provider.token()).token).toBe(first.token)
  now += 6 * 60_000
  await expect(provider.token()).rejects.toBeInstanceOf(IamSignInError)
})

test('wrong password and wrong project are clear errors without the password', async () => {
  server = await startIamTestServer()
  for (const overrides of [{ password: 'not the password' }, { projectName: 'eu-nl_nothing' }]) {
    const error = await new PasswordTokenProvider(auth(overrides)).token().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IamSignInError)
    const message = (error as IamSignInError).message
    expect((error as IamSignInError).status).toBe(401)
    expect(message).toMatch(
      /^IAM at 127\.0\.0\.1:\d+ refused the sign-in of dashboard-viewer for project eu-nl_\w+: HTTP 401 The request you have made requires authentication\.$/,
    )
    expect(message).not.toContain(TEST_USER.password)
    expect(message).not.toContain('not the password')
  }
})

test('an unreachable IAM is reported as such', async () => {
  server = await startIamTestServer()
  const provider = new PasswordTokenProvider(auth())
  await server.close()
  await expect(provider.token()).rejects.toThrow(
    /did not answer the sign-in of dashboard-viewer .*ECONNREFUSED/,
  )
})

test('secrets do not show in JSON or inspect output of the providers', async () => {
  server = await startIamTestServer()
  const provider = new PasswordTokenProvider(auth())
  const { token } = await provider.token()
  const statics = new StaticTokenProvider('tok-secret-123')
  for (const text of [
    JSON.stringify(provider),
    inspect(provider, { depth: 5 }),
    JSON.stringify(statics),
    inspect(statics),
  ]) {
    expect(text).not.toContain(TEST_USER.password)
    expect(text).not.toContain('tok-secret-123')
  }
  expect(JSON.stringify(provider)).not.toContain(token)
  expect(inspect(provider, { depth: 5 })).not.toContain(token)
  expect(await statics.headers()).toEqual({ 'X-Auth-Token': 'tok-secret-123' })
})

test('the Keystone base accepts auth URLs with and without /v3', () => {
  expect(keystoneBase('https://iam.eu-de.otc.t-systems.com/v3')).toBe(
    'https://iam.eu-de.otc.t-systems.com/v3',
  )
  expect(keystoneBase('https://iam.eu-de.otc.t-systems.com/v3/')).toBe(
    'https://iam.eu-de.otc.t-systems.com/v3',
  )
  expect(keystoneBase('https://iam.eu-de.otc.t-systems.com')).toBe(
    'https://iam.eu-de.otc.t-systems.com/v3',
  )
})
