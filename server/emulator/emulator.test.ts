import { existsSync, readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { DEMO_PROJECT_EU_DE, DEMO_PROJECT_EU_NL, SEED_EXAMPLE_ID } from './demo-fleet.ts'
import { createEmulator, type Emulator } from './emulator.ts'

const TOKEN = 'test-token'
const DE = DEMO_PROJECT_EU_DE
const NL = DEMO_PROJECT_EU_NL
let emulator: Emulator

beforeAll(async () => {
  emulator = await createEmulator({ token: TOKEN, control: true, simulate: false })
})
afterAll(async () => {
  await emulator.close()
})
afterEach(() => {
  emulator.reset()
})

async function dcs(path: string, init: RequestInit = {}) {
  const response = await fetch(emulator.url + path, {
    ...init,
    headers: { 'X-Auth-Token': TOKEN, ...init.headers },
  })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> }
}

async function list(project: string, query = '') {
  const { status, body } = await dcs(`/v1.0/${project}/instances${query}`)
  expect(status).toBe(200)
  return body as { instances: Record<string, unknown>[]; instance_num: number }
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(emulator.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, text: await response.text() }
}

const seedPath = new URL('./seed-example.json', import.meta.url)

test('the seed example is served with the same values and the same key order as its file', async () => {
  const { status, text } = await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`)
  const expected = JSON.parse(readFileSync(seedPath, 'utf8')) as Record<string, unknown>
  expect(status).toBe(200)
  expect(JSON.parse(text)).toEqual(expected)
  expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(expected))
  expect(text).toBe(JSON.stringify(expected))
  expect(JSON.parse(text)).toMatchObject({ available_zones: 'XXXXXX', internal_version: null })
})

const sharedSeed = '/work/shared/dcs/fixtures/seed-example.json'
test.skipIf(!existsSync(sharedSeed))(
  'the embedded seed example is byte-identical to the reference fixture',
  () => {
    expect(readFileSync(seedPath)).toEqual(readFileSync(sharedSeed))
  },
)

test('a request without a token gets 401 DCS.1003', async () => {
  const response = await fetch(`${emulator.url}/v1.0/${DE}/instances`)
  expect(response.status).toBe(401)
  expect(response.headers.get('content-type')).toContain('application/json')
  expect(await response.json()).toEqual({
    error_code: 'DCS.1003',
    error_msg: 'No token in the request.',
  })
})

test('a wrong token gets 401 DCS.1001', async () => {
  const { status, body } = await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    headers: { 'X-Auth-Token': 'nope' },
  })
  expect(status).toBe(401)
  expect(body).toEqual({ error_code: 'DCS.1001', error_msg: 'Invalid token.' })
})

test('an unknown project gets 401 DCS.1004 (the token is not scoped to it)', async () => {
  const { status, body } = await dcs('/v1.0/0000aaaa/instances')
  expect(status).toBe(401)
  expect(body.error_code).toBe('DCS.1004')
})

test('an unknown instance gets 404 DCS.3022', async () => {
  const { status, body } = await dcs(`/v1.0/${DE}/instances/00000000-0000-4000-8000-000000000000`)
  expect(status).toBe(404)
  expect(body).toEqual({ error_code: 'DCS.3022', error_msg: 'This DCS instance does not exist.' })
})

test('an unknown URL gets 404 DCS.4001', async () => {
  const { status, body } = await dcs('/v2/whatever')
  expect(status).toBe(404)
  expect(body).toEqual({ error_code: 'DCS.4001', error_msg: 'The requested URL does not exist.' })
})

test('a non-GET call to the instance API gets 405 DCS.5001', async () => {
  const { status, body } = await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    method: 'DELETE',
  })
  expect(status).toBe(405)
  expect(body.error_code).toBe('DCS.5001')
})

test.each([
  ['start=0', 'start'],
  ['start=abc', 'start'],
  ['limit=0', 'limit'],
  ['limit=2001', 'limit'],
  ['limit=-5', 'limit'],
  ['limit=1.5', 'limit'],
])('list with %s gets 400 DCS.4800 naming the parameter', async (query, name) => {
  const { status, body } = await dcs(`/v1.0/${DE}/instances?${query}`)
  expect(status).toBe(400)
  expect(body).toEqual({ error_code: 'DCS.4800', error_msg: `Invalid ${name} in the request.` })
})

test('the list pages with a 1-based start and limit, and instance_num is the total', async () => {
  const all = await list(DE)
  expect(all.instance_num).toBe(all.instances.length)
  expect(all.instance_num).toBeGreaterThan(15)
  const page = await list(DE, '?start=3&limit=4')
  expect(page.instance_num).toBe(all.instance_num)
  expect(page.instances.map((i) => i.instance_id)).toEqual(
    all.instances.slice(2, 6).map((i) => i.instance_id),
  )
  const beyond = await list(DE, `?start=${all.instance_num + 1}`)
  expect(beyond).toEqual({ instances: [], instance_num: all.instance_num })
})

test('without a limit the list returns at most 1000 rows', async () => {
  const instances = Array.from({ length: 1005 }, (_, n) => ({
    instance_id: `id-${n}`,
    name: `bulk-${n}`,
    status: 'RUNNING',
  }))
  const big = await createEmulator({ data: { projects: { p: instances } }, token: TOKEN })
  try {
    const response = await fetch(`${big.url}/v1.0/p/instances`, {
      headers: { 'X-Auth-Token': TOKEN },
    })
    const body = (await response.json()) as { instances: unknown[]; instance_num: number }
    expect(body.instances).toHaveLength(1000)
    expect(body.instance_num).toBe(1005)
  } finally {
    await big.close()
  }
})

test('list rows are thinner than details and keep the stored key order', async () => {
  const { instances } = await list(DE, '?name=shop-sessions-prod')
  const row = instances[0]!
  const { body: detail } = await dcs(`/v1.0/${DE}/instances/${String(row.instance_id)}`)
  for (const detailOnly of [
    'available_zones',
    'subnet_name',
    'subnet_cidr',
    'instance_backup_policy',
    'description',
  ]) {
    expect(detail).toHaveProperty(detailOnly)
    expect(row).not.toHaveProperty(detailOnly)
  }
  const detailOrder = Object.keys(detail).filter((key) => key in row)
  expect(Object.keys(row)).toEqual(detailOrder)
  expect(Object.keys(row)).toHaveLength(41)
})

const otcList = '/work/shared/dcs/fixtures/otc-docs-v1-list.json'
test.skipIf(!existsSync(otcList))(
  'list rows of 4.0+ instances carry the keys of the OTC v1 list sample',
  async () => {
    const sample = JSON.parse(readFileSync(otcList, 'utf8')) as { instances: object[] }
    const expected = Object.keys(sample.instances[0]!)
    const { instances } = await list(DE, '?name=catalog-search-cache')
    expect(Object.keys(instances[0]!).filter((key) => key !== 'enterprise_project_id')).toEqual(
      expected,
    )
  },
)

test('name filters by case-insensitive substring', async () => {
  const { instances, instance_num } = await list(DE, '?name=CHECKOUT')
  expect(instance_num).toBe(1)
  expect(instances[0]!.name).toBe('checkout-cache')
  const cache = await list(DE, '?name=cache')
  expect(cache.instances.every((i) => String(i.name).includes('cache'))).toBe(true)
  expect(cache.instance_num).toBeGreaterThan(3)
})

test('status and id filter exactly', async () => {
  const running = await list(DE, '?status=RUNNING')
  expect(running.instance_num).toBeGreaterThan(3)
  expect(running.instances.every((i) => i.status === 'RUNNING')).toBe(true)
  const one = await list(DE, `?id=${SEED_EXAMPLE_ID}`)
  expect(one.instances.map((i) => i.name)).toEqual(['dcs-a11e'])
})

test('ip matches any address of a cluster ip list', async () => {
  const { instances } = await list(DE, '?ip=10.10.2.12')
  expect(instances.map((i) => i.name)).toEqual(['checkout-cache'])
  expect(instances[0]!.ip).toBe('10.10.2.11,10.10.2.12,10.10.2.13')
  expect((await list(DE, '?ip=10.10.2.1')).instance_num).toBe(0)
})

test('CREATEFAILED instances appear only with include_failure=true or includeFailure=true', async () => {
  const failed = (body: { instances: Record<string, unknown>[] }) =>
    body.instances.filter((i) => i.status === 'CREATEFAILED').length
  expect(failed(await list(DE))).toBe(0)
  expect(failed(await list(DE, '?include_failure=false'))).toBe(0)
  expect(failed(await list(DE, '?status=CREATEFAILED'))).toBe(0)
  expect(failed(await list(DE, '?include_failure=true'))).toBe(1)
  expect(failed(await list(NL, '?includeFailure=true'))).toBe(1)
  const withFailures = await list(DE, '?include_failure=true')
  expect(withFailures.instance_num).toBe((await list(DE)).instance_num + 1)
})

test('tags filter by key=value pairs', async () => {
  const prod = await list(DE, '?tags=env=prod,team=checkout')
  expect(prod.instances.map((i) => i.name)).toEqual(['shop-sessions-prod'])
})

test('a fault makes the next N DCS answers fail, then answers return to normal', async () => {
  expect((await control('POST', '/_emulator/faults', { count: 2, kind: '500' })).status).toBe(200)
  const first = await dcs(`/v1.0/${DE}/instances`)
  const second = await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`)
  expect([first.status, second.status]).toEqual([500, 500])
  expect(first.body).toEqual({ error_code: 'DCS.5000', error_msg: 'Internal service error.' })
  expect((await dcs(`/v1.0/${DE}/instances`)).status).toBe(200)
})

test('a 504 fault answers with the API gateway body', async () => {
  await control('POST', '/_emulator/faults', { count: 1, kind: '504' })
  const { status, body } = await dcs(`/v1.0/${DE}/instances`)
  expect(status).toBe(504)
  expect(body).toMatchObject({
    error_code: 'APIGW.0201',
    error_msg: 'Service DCS timed out (30000 ms)',
  })
  expect(typeof body.request_id).toBe('string')
})

test('a malformed fault answers 200 with truncated JSON', async () => {
  await control('POST', '/_emulator/faults', { count: 1, kind: 'malformed' })
  const response = await fetch(`${emulator.url}/v1.0/${DE}/instances`, {
    headers: { 'X-Auth-Token': TOKEN },
  })
  expect(response.status).toBe(200)
  expect(await response.text()).toBe('{"instances": [')
})

test('a timeout fault holds the request until the client gives up', async () => {
  await control('POST', '/_emulator/faults', { count: 1, kind: 'timeout' })
  const started = Date.now()
  await expect(
    fetch(`${emulator.url}/v1.0/${DE}/instances`, {
      headers: { 'X-Auth-Token': TOKEN },
      signal: AbortSignal.timeout(300),
    }),
  ).rejects.toThrow()
  expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  expect((await dcs(`/v1.0/${DE}/instances`)).status).toBe(200)
})

test('down answers 503 until cleared', async () => {
  await control('POST', '/_emulator/faults', { down: true })
  expect((await dcs(`/v1.0/${DE}/instances`)).status).toBe(503)
  expect((await dcs(`/v1.0/${NL}/instances`)).status).toBe(503)
  await control('POST', '/_emulator/faults', { down: false })
  expect((await dcs(`/v1.0/${DE}/instances`)).status).toBe(200)
})

test('bad fault requests are refused', async () => {
  expect((await control('POST', '/_emulator/faults', { count: 1, kind: '418' })).status).toBe(400)
  expect((await control('POST', '/_emulator/faults', { down: 'yes' })).status).toBe(400)
})

test('PATCH changes status and used_memory in place and keeps every other field and the key order', async () => {
  const path = `/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`
  const before = (await dcs(path)).body
  const patched = await control('PATCH', `/_emulator/projects/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    status: 'ERROR',
    used_memory: 470,
  })
  expect(patched.status).toBe(200)
  const after = (await dcs(path)).body
  expect(after).toEqual({ ...before, status: 'ERROR', used_memory: 470 })
  expect(Object.keys(after)).toEqual(Object.keys(before))
  const { instances } = await list(DE, `?id=${SEED_EXAMPLE_ID}`)
  expect(instances[0]!.status).toBe('ERROR')
})

test('PATCH refuses other fields and unknown instances', async () => {
  const url = `/_emulator/projects/${DE}/instances/${SEED_EXAMPLE_ID}`
  expect((await control('PATCH', url, { name: 'renamed' })).status).toBe(400)
  expect(
    (await control('PATCH', `/_emulator/projects/${DE}/instances/nope`, { status: 'RUNNING' }))
      .status,
  ).toBe(404)
})

test('reset restores the initial data', async () => {
  await control('PATCH', `/_emulator/projects/${DE}/instances/${SEED_EXAMPLE_ID}`, {
    status: 'ERROR',
  })
  await control('DELETE', `/_emulator/projects/${DE}/instances/${SEED_EXAMPLE_ID}`)
  expect((await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`)).status).toBe(404)
  expect((await control('POST', '/_emulator/reset')).status).toBe(204)
  const { body } = await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`)
  expect(body.status).toBe('RUNNING')
})

test('stats count DCS requests by route, not control requests', async () => {
  await dcs(`/v1.0/${DE}/instances`)
  await dcs(`/v1.0/${DE}/instances`)
  await dcs(`/v1.0/${DE}/instances/${SEED_EXAMPLE_ID}`)
  await fetch(`${emulator.url}/v1.0/${DE}/instances`)
  const stats = JSON.parse((await control('GET', '/_emulator/stats')).text) as Record<
    string,
    unknown
  >
  expect(stats).toEqual({
    total: 4,
    unauthorized: 1,
    byRoute: {
      'GET /v1.0/{project_id}/instances': 3,
      'GET /v1.0/{project_id}/instances/{instance_id}': 1,
    },
    iam: { issued: 0, refusedSignIns: 0, refusedCalls: 1 },
  })
})

test('the control endpoints do not exist unless enabled', async () => {
  const plain = await createEmulator({ token: TOKEN, simulate: false })
  try {
    const response = await fetch(`${plain.url}/_emulator/stats`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error_code: string }).error_code).toBe('DCS.4001')
  } finally {
    await plain.close()
  }
})

test('given data is served verbatim, including unknown fields and odd types', async () => {
  const odd = {
    instance_id: 'a1b2c3d4-0000-4000-8000-000000000001',
    zeta: 1,
    name: 'odd',
    status: 'RUNNING',
    available_zones: 'single-string',
    publicip_id: {},
    tags: [{ key: 1, value: 'x' }],
    alpha: null,
  }
  const custom = await createEmulator({ data: { projects: { proj1: [odd] } }, token: TOKEN })
  try {
    const response = await fetch(`${custom.url}/v1.0/proj1/instances/${odd.instance_id}`, {
      headers: { 'X-Auth-Token': TOKEN },
    })
    expect(await response.text()).toBe(JSON.stringify(odd))
  } finally {
    await custom.close()
  }
})

test('the simulation only moves used_memory and status', async () => {
  const sim = await createEmulator({ token: TOKEN, simulate: false })
  try {
    const before = JSON.stringify(sim.store.instances(DE))
    for (let n = 0; n < 50; n++) sim.simulateTick()
    const after = sim.store.instances(DE)
    const original = JSON.parse(before) as Record<string, unknown>[]
    let moved = 0
    after.forEach((instance, index) => {
      const withoutMoving = (record: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(record).filter(([key]) => key !== 'used_memory' && key !== 'status'),
        )
      expect(withoutMoving(instance)).toEqual(withoutMoving(original[index]!))
      expect(Object.keys(instance)).toEqual(Object.keys(original[index]!))
      if (instance.used_memory !== original[index]!.used_memory) moved += 1
      const max = instance.max_memory
      if (typeof max === 'number' && typeof instance.used_memory === 'number' && max > 0) {
        expect(
          Math.abs(instance.used_memory - Number(original[index]!.used_memory)),
        ).toBeLessThanOrEqual(Math.ceil(max * 0.03) + 1)
      }
    })
    expect(moved).toBeGreaterThan(5)
    // The seed example stays exactly as documented: 56 of 460 MB, RUNNING.
    const seed = after.find((instance) => instance.instance_id === SEED_EXAMPLE_ID)
    expect(seed).toMatchObject({ used_memory: 56, max_memory: 460, status: 'RUNNING' })
  } finally {
    await sim.close()
  }
})

test('SDK-normalised records (id instead of instance_id) are served by id and keep it in list rows', async () => {
  const record = {
    id: '12345678-20fb-441b-a0cd-46369a9f7db0',
    name: 'test_dcs',
    status: 'RUNNING',
    backup_policy: null,
    location: { cloud: 'otc' },
  }
  const sdk = await createEmulator({ data: { projects: { p: [record] } }, token: TOKEN })
  try {
    const headers = { 'X-Auth-Token': TOKEN }
    const detail = await fetch(`${sdk.url}/v1.0/p/instances/${record.id}`, { headers })
    expect(await detail.json()).toEqual(record)
    const list = (await (
      await fetch(`${sdk.url}/v1.0/p/instances?id=${record.id}`, { headers })
    ).json()) as { instances: unknown[] }
    expect(list.instances).toEqual([
      { id: record.id, name: 'test_dcs', status: 'RUNNING', location: { cloud: 'otc' } },
    ])
  } finally {
    await sdk.close()
  }
})
