import { afterEach, expect, test } from 'vitest'
import { AkSkSigner, sdkDate } from '../upstream/auth/aksk-signer.ts'
import {
  startIamTestServer,
  TEST_DOMAIN,
  TEST_KEY,
  TEST_PROJECTS,
  TEST_USER,
  type IamTestServer,
} from './iam-test-server.ts'

let server: IamTestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const [DE, NL, OTHER] = TEST_PROJECTS.map((p) => p.id) as [string, string, string]

function passwordBody(
  scope: Record<string, unknown>,
  password = TEST_USER.password,
  name = TEST_USER.name,
) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name, password, domain: { name: TEST_DOMAIN } } },
      },
      scope: { project: scope },
    },
  }
}

async function signIn(body: unknown) {
  if (server === undefined) throw new Error('no server')
  const response = await fetch(`${server.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    token: response.headers.get('x-subject-token'),
    body: await response.json(),
  }
}

async function listWith(project: string, headers: Record<string, string>, query = '') {
  if (server === undefined) throw new Error('no server')
  const response = await fetch(`${server.url}/v1.0/${project}/instances${query}`, { headers })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const KEYSTONE_401 = {
  error: {
    code: 401,
    message: 'The request you have made requires authentication.',
    title: 'Unauthorized',
  },
}

test('password sign-in scoped by project name returns a token, its expiry and a DCS catalog', async () => {
  server = await startIamTestServer()
  const before = Date.now()
  const answer = await signIn(passwordBody({ name: 'eu-nl_ops', domain: { name: TEST_DOMAIN } }))
  expect(answer.status).toBe(201)
  expect(answer.token).toMatch(/^MII/)
  const token = answer.body.token
  expect(token.methods).toEqual(['password'])
  expect(token.project).toMatchObject({ id: NL, name: 'eu-nl_ops', domain: { name: TEST_DOMAIN } })
  expect(token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  expect(Date.parse(token.expires_at) - before).toBeGreaterThan(23.9 * 3600_000)
  expect(token.catalog).toEqual([
    expect.objectContaining({
      type: 'dcsv1',
      endpoints: [
        expect.objectContaining({
          interface: 'public',
          region: 'eu-nl',
          url: `${server.url}/v1.0/${NL}`,
        }),
      ],
    }),
  ])
  expect(JSON.stringify(answer.body)).not.toContain(answer.token ?? '-')
  expect((await listWith(NL, { 'X-Auth-Token': answer.token ?? '' })).status).toBe(200)
})

test('password sign-in scoped by project id', async () => {
  server = await startIamTestServer()
  const answer = await signIn(passwordBody({ id: DE }))
  expect(answer.status).toBe(201)
  expect(answer.body.token.project.name).toBe('eu-de')
})

test('wrong password, unknown user, wrong or foreign project are refused with Keystone 401', async () => {
  server = await startIamTestServer()
  for (const body of [
    passwordBody({ id: DE }, 'wrong password'),
    passwordBody({ id: DE }, TEST_USER.password, 'nobody'),
    passwordBody({ name: 'eu-fr_nothing', domain: { name: TEST_DOMAIN } }),
    passwordBody({ id: '00000000000000000000000000000000' }),
    passwordBody({ id: OTHER }),
  ]) {
    const answer = await signIn(body)
    expect(answer).toEqual({ status: 401, token: null, body: KEYSTONE_401 })
  }
  const malformed = await signIn({ auth: { identity: { methods: ['token'] } } })
  expect(malformed.status).toBe(400)
  expect(malformed.body.error.code).toBe(400)
  expect(server.iam.stats()).toEqual({ issued: 0, refusedSignIns: 6, refusedCalls: 0 })
})

test('DCS calls: missing, unknown, expired and other-project tokens get the DCS 401 bodies', async () => {
  let now = Date.now()
  server = await startIamTestServer({ now: () => now, tokenLifetimeMs: 60_000 })
  const { token } = await signIn(passwordBody({ id: DE }))
  const good = { 'X-Auth-Token': token ?? '' }
  expect((await listWith(DE, good)).status).toBe(200)
  expect(await listWith(DE, {})).toEqual({
    status: 401,
    body: { error_code: 'DCS.1003', error_msg: 'No token in the request.' },
  })
  expect(await listWith(DE, { 'X-Auth-Token': 'MIInot-a-token' })).toEqual({
    status: 401,
    body: { error_code: 'DCS.1001', error_msg: 'Invalid token.' },
  })
  expect(await listWith(NL, good)).toEqual({
    status: 401,
    body: { error_code: 'DCS.1004', error_msg: 'Project ID does not match the token.' },
  })
  now += 60_000
  expect(await listWith(DE, good)).toEqual({
    status: 401,
    body: { error_code: 'DCS.1002', error_msg: 'Token expired.' },
  })
  expect(server.iam.stats().refusedCalls).toBe(4)
})

test('revoked tokens are refused as invalid', async () => {
  server = await startIamTestServer()
  const { token } = await signIn(passwordBody({ id: DE }))
  server.iam.revokeAll()
  expect((await listWith(DE, { 'X-Auth-Token': token ?? '' })).body.error_code).toBe('DCS.1001')
})

function signed(
  url: string,
  options: { ak?: string; sk?: string; project?: string; at?: number } = {},
) {
  return new AkSkSigner(
    options.ak ?? TEST_KEY.ak,
    options.sk ?? TEST_KEY.sk,
    options.project ?? DE,
    {
      now: () => options.at ?? Date.now(),
    },
  ).sign({ method: 'GET', url: new URL(url) })
}

test('AK/SK: a correctly signed call passes, with and without a query', async () => {
  server = await startIamTestServer()
  const plain = `${server.url}/v1.0/${DE}/instances`
  expect(await listWith(DE, signed(plain))).toMatchObject({ status: 200, body: { via: 'aksk' } })
  const query = '?offset=1&limit=10&name=a%20b*&status=RUNNING'
  expect((await listWith(DE, signed(plain + query), query)).status).toBe(200)
  expect(server.accepted()).toBe(2)
})

function expectGateway(answer: { status: number; body: Record<string, unknown> }, detail: RegExp) {
  expect(answer.status).toBe(401)
  expect(answer.body.error_code).toBe('APIGW.0301')
  expect(answer.body.error_msg).toMatch(/^Incorrect IAM authentication information: /)
  expect(answer.body.error_msg).toMatch(detail)
  expect(answer.body.request_id).toMatch(/^[0-9a-f]{32}$/)
}

test('AK/SK refusals: unknown AK, wrong SK, tampered query, clock skew, malformed header', async () => {
  server = await startIamTestServer()
  const plain = `${server.url}/v1.0/${DE}/instances`
  expectGateway(await listWith(DE, signed(plain, { ak: 'UNKNOWNAK' })), /ak not found/)
  expectGateway(
    await listWith(DE, signed(plain, { sk: 'wrong-secret' })),
    /verify aksk signature fail/,
  )
  expectGateway(await listWith(DE, signed(plain), '?limit=1000'), /verify aksk signature fail/)
  const sixteenMinutes = 16 * 60_000
  expectGateway(
    await listWith(DE, signed(plain, { at: Date.now() - sixteenMinutes })),
    /15 minutes/,
  )
  expectGateway(
    await listWith(DE, signed(plain, { at: Date.now() + sixteenMinutes })),
    /15 minutes/,
  )
  expect((await listWith(DE, signed(plain, { at: Date.now() - 14 * 60_000 }))).status).toBe(200)
  const headers = signed(plain)
  expectGateway(
    await listWith(DE, { ...headers, 'X-Sdk-Date': sdkDate(Date.now() - 1000) }),
    /signature fail/,
  )
  expectGateway(
    await listWith(DE, { ...headers, Authorization: 'SDK-HMAC-SHA256 Access=x, Signature=00' }),
    /format incorrect/,
  )
  expect(server.accepted()).toBe(1)
})

test('AK/SK for a project the key does not own is refused as a project mismatch', async () => {
  server = await startIamTestServer()
  const foreign = `${server.url}/v1.0/${OTHER}/instances`
  expect((await listWith(OTHER, signed(foreign, { project: OTHER }))).body.error_code).toBe(
    'DCS.1004',
  )
  const nl = `${server.url}/v1.0/${NL}/instances`
  expect((await listWith(NL, signed(nl, { project: DE }))).body.error_code).toBe('DCS.1004')
})
