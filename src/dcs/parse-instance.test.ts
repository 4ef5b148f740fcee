import { expect, test } from 'vitest'
import { DcsApiError, InvalidResponseError } from '@/dcs/api-error'
import type { Instance } from '@/dcs/model'
import { modeFromSpecCode, parseInstance, parseInstanceList } from '@/dcs/parse-instance'
import { fixture, fixtureNames } from '@/dcs/shared-fixtures'

function parsed(name: string) {
  return parseInstance(fixture(name))
}

test('seed example decodes every field', () => {
  const { instance, problems } = parsed('seed-example.json')
  expect(problems).toEqual([])
  expect(instance).toMatchObject({
    id: '68d5745e-6af2-40e4-945d-fe449be00148',
    name: 'dcs-a11e',
    status: 'RUNNING',
    engine: 'Redis',
    engineVersion: '3.0.7',
    mode: 'single',
    capacityGb: 2,
    usedMemoryMb: 56,
    maxMemoryMb: 460,
    ips: ['192.168.3.100'],
    port: 6379,
    domainName: null,
    availableZones: ['XXXXXX'],
    azCodes: [],
    maintainBegin: '22:00:00',
    maintainEnd: '02:00:00',
    securityGroupId: '60ea2db8-1a51-4ab6-9e11-65b418c24583',
    securityGroupName: 'sg_6379_4944a40e-ac57-4f08-9d38-9786e2759458',
    chargingMode: 0,
    productId: 'XXXXXX',
    specCode: 'dcs.single_node',
    errorCode: null,
    backupPolicy: null,
    tags: [],
    description: 'Create a instance',
    createdAt: '2017-03-31T12:24:46.297Z',
    updatedAt: null,
    orderId: 'XXXXXXXXX',
  })
})

test('128 MB flavor: capacity 0 with capacity_minor ".125"', () => {
  const { instance, problems } = parsed('otc-docs-v2-get.json')
  expect(problems).toEqual([])
  expect(instance.capacityGb).toBe(0.125)
  expect(instance.maxMemoryMb).toBe(128)
  expect(instance.mode).toBe('master_standby')
  expect(instance.noPasswordAccess).toBe(true)
  expect(instance.enterpriseProjectId).toBe('0')
  expect(instance.securityGroupId).toBeNull()
  expect(instance.securityGroupName).toBeNull()
  expect(instance.task).toBe('BACKUPING')
  expect(instance.subStatus).toBe('normal')
  expect(instance.azCodes).toEqual(['xx-xxxxx-xx'])
})

test('v2 list row with odd types: {} publicip_id, numeric tag key, number project id', () => {
  const list = parseInstanceList(fixture('otc-docs-v2-list.json'))
  expect(list.total).toBe(1)
  expect(list.problems).toEqual([])
  const [row] = list.instances
  expect(row?.problems).toEqual([])
  expect(row?.instance).toMatchObject({
    name: 'dcs-lpvo0829',
    capacityGb: 0.125,
    tags: [{ key: '1', value: 'DCS' }],
    enterpriseProjectId: '0',
    noPasswordAccess: true,
    securityGroupId: null,
    updatedAt: '2022-08-29T09:00:34.335Z',
    azCodes: ['region01', 'region02'],
    specCode: 'redis.ha.xu1.tiny.r2.128',
    mode: 'master_standby',
    publicIpEnabled: false,
    sslEnabled: false,
  })
})

test('v1 detail of a Redis 4.0 single node uses the camelCase duplicates', () => {
  const { instance, problems } = parsed('otc-docs-v1-get.json')
  expect(problems).toEqual([])
  expect(instance).toMatchObject({
    mode: 'single',
    domainName: 'redis-f1da146b-f567-411a-a4c2-276fb831ca28.dcs.com',
    readonlyDomainName: null,
    noPasswordAccess: false,
    updatedAt: '2021-04-18T18:56:06.519Z',
    launchedAt: '2021-04-18T18:56:06.532Z',
    availableZones: ['eu-de-02'],
    enterpriseProjectId: null,
    backendAddrs: [],
    tags: [],
    cacheMode: 'single',
  })
})

test('v1 list 2019: empty domainName is null, RESTARTING kept, total read', () => {
  const list = parseInstanceList(fixture('huaweicloudDocs-v1-list-2019.json'))
  expect(list.total).toBe(3)
  expect(list.instances.map((p) => p.instance.status)).toEqual(['RUNNING', 'RESTARTING', 'RUNNING'])
  expect(list.instances.map((p) => p.instance.domainName)).toEqual([null, null, null])
  expect(list.instances.map((p) => p.instance.mode)).toEqual([
    'master_standby',
    'master_standby',
    'single',
  ])
})

test('SDK-normalised ansible sample: id and backup_policy spellings', () => {
  const body = fixture('ansible-collection-cloud-dcs_instance-sample.json') as {
    dcs_instance: unknown
  }
  const { instance, problems } = parseInstance(body.dcs_instance)
  expect(problems).toEqual([])
  expect(instance.id).toBe('12345678-20fb-441b-a0cd-46369a9f7db0')
  expect(instance.mode).toBe('master_standby')
  expect(instance.domainName).toBeNull()
  expect(instance.backupPolicy).toEqual({
    policyId: '12345678-6d67-4b79-a9b8-0ba20b365070',
    backupType: 'manual',
    saveDays: 2,
    periodType: 'weekly',
    weekdays: [1, 2, 3, 4],
    beginAt: '00:00',
    slot: '00:00-01:00',
    timezoneOffset: null,
    createdAt: '2021-03-01T12:43:05.233Z',
    updatedAt: '2021-03-02T08:59:16.069Z',
  })
})

test('backup policy with string weekdays and missing levels', () => {
  const base = { instance_id: 'i', name: 'n', status: 'RUNNING' }
  const withStrings = parseInstance({
    ...base,
    instance_backup_policy: {
      policy: {
        backup_type: 'auto',
        save_days: '3',
        periodical_backup_plan: { backup_at: ['7', '1', '1'], begin_at: '2:00-3:00' },
      },
    },
  })
  expect(withStrings.problems).toEqual([])
  expect(withStrings.instance.backupPolicy).toMatchObject({
    backupType: 'auto',
    saveDays: 3,
    weekdays: [1, 7],
    beginAt: '02:00',
    policyId: null,
  })
  const empty = parseInstance({ ...base, instance_backup_policy: { policy: null } })
  expect(empty.problems).toEqual([])
  expect(empty.instance.backupPolicy).toMatchObject({ weekdays: [], beginAt: null, saveDays: null })
  const bad = parseInstance({
    ...base,
    instance_backup_policy: { policy: { periodical_backup_plan: { backup_at: [1, 9] } } },
  })
  expect(bad.instance.backupPolicy?.weekdays).toEqual([1])
  expect(bad.problems).toEqual([
    {
      field: 'instance_backup_policy.policy.periodical_backup_plan.backup_at',
      message: 'expected weekdays 1–7, got [1,9]',
    },
  ])
})

test('cluster: comma-separated ip, array backend_addrs, az codes as objects', () => {
  const { instance, problems } = parseInstance({
    instance_id: 'c1',
    name: 'cluster-1',
    status: 'RUNNING',
    resource_spec_code: 'redis.cluster.xu1.large.shard.4',
    ip: '192.168.0.10,192.168.0.11, 192.168.0.12',
    backend_addrs: ['192.168.0.20:6379', '192.168.0.21:6379'],
    az_codes: [{ az_code: 'cn-north-4a' }],
    available_zones: 'az-id-1',
  })
  expect(problems).toEqual([])
  expect(instance.mode).toBe('cluster')
  expect(instance.ips).toEqual(['192.168.0.10', '192.168.0.11', '192.168.0.12'])
  expect(instance.backendAddrs).toEqual(['192.168.0.20:6379', '192.168.0.21:6379'])
  expect(instance.azCodes).toEqual(['cn-north-4a'])
  expect(instance.availableZones).toEqual(['az-id-1'])
  expect(
    parseInstance({ backend_addrs: '10.0.0.1:6379,10.0.0.2:6379' }).instance.backendAddrs,
  ).toEqual(['10.0.0.1:6379', '10.0.0.2:6379'])
})

test('numeric strings are accepted silently, garbage becomes null plus a problem', () => {
  const { instance, problems } = parseInstance({
    instance_id: 'x',
    name: 'x',
    status: 'RUNNING',
    port: '6379',
    max_memory: '1024',
    used_memory: 'lots',
    enable_ssl: 'yes',
    no_password_access: 'FALSE',
    maintain_begin: '2 am',
    tags: null,
  })
  expect(instance.port).toBe(6379)
  expect(instance.maxMemoryMb).toBe(1024)
  expect(instance.usedMemoryMb).toBeNull()
  expect(instance.sslEnabled).toBeNull()
  expect(instance.noPasswordAccess).toBe(false)
  expect(instance.maintainBegin).toBeNull()
  expect(instance.tags).toEqual([])
  expect(problems).toEqual([
    { field: 'used_memory', message: 'expected a number of 0 or more, got the string "lots"' },
    { field: 'enable_ssl', message: 'expected true or false, got the string "yes"' },
    { field: 'maintain_begin', message: 'expected a time HH:mm:ss, got the string "2 am"' },
  ])
})

test('one malformed field does not stop the others', () => {
  const { instance, problems } = parseInstance({
    instance_id: 'x',
    name: 'n',
    status: 'RUNNING',
    capacity: { gb: 2 },
    tags: 'env=prod',
    max_memory: 460,
  })
  expect(instance.capacityGb).toBeNull()
  expect(instance.tags).toEqual([])
  expect(instance.maxMemoryMb).toBe(460)
  expect(problems.map((p) => p.field)).toEqual(['capacity', 'tags'])
})

test('missing id, name and status still parse, with problems', () => {
  const { instance, problems } = parseInstance({ id: 'abc' })
  expect(instance.id).toBe('abc')
  expect(instance.name).toBe('abc')
  expect(instance.status).toBe('')
  expect(problems.map((p) => p.field)).toEqual(['name', 'status'])
  expect(parseInstance({}).instance.id).toBe('')
})

test('capacity 0 without capacity_minor is not shown as 0 GB', () => {
  const { instance, problems } = parseInstance({
    instance_id: 'x',
    name: 'x',
    status: 'CREATING',
    capacity: 0,
  })
  expect(instance.capacityGb).toBeNull()
  expect(problems).toEqual([
    { field: 'capacity', message: 'capacity is 0 and capacity_minor gives no size' },
  ])
})

test('bodies that are not objects throw InvalidResponseError', () => {
  expect(() => parseInstance(null)).toThrow(InvalidResponseError)
  expect(() => parseInstance('<html>')).toThrow('got the string "<html>"')
  expect(() => parseInstance([])).toThrow(InvalidResponseError)
  expect(() => parseInstanceList({ instance_num: 0 })).toThrow(InvalidResponseError)
  try {
    parseInstanceList([])
  } catch (error) {
    expect(error).toBeInstanceOf(DcsApiError)
    expect((error as DcsApiError).kind).toBe('invalid-response')
  }
})

test('a list item that is not an object is skipped with a problem', () => {
  const list = parseInstanceList({
    instances: [{ instance_id: 'a', name: 'a', status: 'RUNNING' }, 7],
    instance_num: '2',
  })
  expect(list.instances).toHaveLength(1)
  expect(list.total).toBe(2)
  expect(list.problems).toEqual([
    { field: 'instances[1]', message: 'expected an instance object, got the number 7' },
  ])
})

test('problems inside list rows name the row', () => {
  const list = parseInstanceList({
    instances: [{ instance_id: 'a', name: 'a', status: 'RUNNING', port: true }],
  })
  expect(list.total).toBeNull()
  expect(list.instances[0]?.problems).toEqual([
    { field: 'instances[0].port', message: 'expected a number of 0 or more, got true' },
  ])
})

test('mode from every hint the cloud gives', () => {
  expect(modeFromSpecCode('dcs.single_node')).toBe('single')
  expect(modeFromSpecCode('dcs.master_standby')).toBe('master_standby')
  expect(modeFromSpecCode('dcs.cluster')).toBe('cluster')
  expect(modeFromSpecCode('redis.single.xu1.large.1')).toBe('single')
  expect(modeFromSpecCode('redis.ha.xu1.large.r2.1')).toBe('master_standby')
  expect(modeFromSpecCode('redis.cluster.xu1.large.shard.4')).toBe('cluster')
  expect(modeFromSpecCode('redis.proxy.xu1.large.4')).toBe('proxy')
  expect(modeFromSpecCode('redis.single.au1.large.2-h')).toBe('single')
  expect(modeFromSpecCode('OTC_DCS_MS')).toBe('master_standby')
  expect(modeFromSpecCode('OTC_DCS_CL')).toBe('cluster')
  expect(modeFromSpecCode('OTC_DCS_SINGLE')).toBe('single')
  expect(modeFromSpecCode('XXXXXX')).toBe('unknown')
  const mode = (raw: object) => parseInstance(raw).instance.mode
  expect(mode({ cache_mode: 'ha_rw_split', spec_code: 'redis.ha.xu1.large.r2.1' })).toBe('rw_split')
  expect(mode({ cache_mode: 'proxy' })).toBe('proxy')
  expect(mode({ product_id: 'OTC_DCS_CL' })).toBe('cluster')
  expect(mode({ spec_code: 'dcs.cluster' })).toBe('cluster')
  expect(mode({})).toBe('unknown')
})

/** Files that are an instance or a list; the SDK samples are wrapped or bare arrays. */
function instancesIn(name: string, body: unknown): Instance[] {
  if (Array.isArray(body)) return body.map((item) => parseInstance(item).instance)
  const record = body as Record<string, unknown>
  if ('dcs_instance' in record) return [parseInstance(record.dcs_instance).instance]
  if ('instances' in record) return parseInstanceList(body).instances.map((p) => p.instance)
  if ('status' in record && 'name' in record) return [parseInstance(body).instance]
  throw new Error(`${name} is not an instance fixture`)
}

test('every instance fixture parses without throwing, NaN or problems', () => {
  const names = fixtureNames().filter(
    (n) => n.endsWith('.json') && !/error|maintain-windows|status-counts/.test(n),
  )
  expect(names).toHaveLength(15)
  for (const name of names) {
    const body = fixture(name)
    const instances = instancesIn(name, body)
    expect(instances.length, name).toBeGreaterThan(0)
    for (const instance of instances) {
      expect(instance.id, name).toMatch(/^[0-9a-f-]{36}$/)
      expect(instance.name, name).not.toBe('')
      expect(instance.status, name).toMatch(/^(RUNNING|RESTARTING|CREATING)$/)
      expect(instance.engine, name).toBe('Redis')
      expect(instance.mode, name).not.toBe('unknown')
      expect(instance.capacityGb, name).toBeGreaterThan(0)
      expect(instance.maxMemoryMb, name).toBeGreaterThan(0)
      expect(instance.usedMemoryMb, name).toBeGreaterThanOrEqual(0)
      expect(instance.port, name).toBe(6379)
      expect(instance.ips.length, name).toBeGreaterThan(0)
      expect(instance.maintainBegin, name).toMatch(/^\d{2}:00:00$/)
      expect(JSON.stringify(instance), name).not.toMatch(/NaN|Infinity/)
      for (const value of Object.values(instance)) {
        if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true)
      }
    }
  }
})

test('no fixture reports a problem', () => {
  const seen: string[] = []
  for (const name of [
    'seed-example.json',
    'huaweicloudDocs-v1-get-2018.json',
    'huaweicloudDocs-v2-get-2021.json',
    'huaweicloudDocs-example1-get-after-create.json',
    'python-otcextensions-test-instance.json',
    'python-otcextensions-test-instance-2018.json',
  ]) {
    seen.push(...parsed(name).problems.map((p) => `${name}: ${p.field}`))
  }
  for (const name of [
    'otc-docs-v1-list.json',
    'huaweicloudDocs-v1-list-creating-tags-2021.json',
    'huaweicloudDocs-example3-v2-list.json',
  ]) {
    const list = parseInstanceList(fixture(name))
    seen.push(...list.problems.map((p) => `${name}: ${p.field}`))
    for (const item of list.instances) seen.push(...item.problems.map((p) => `${name}: ${p.field}`))
  }
  expect(seen).toEqual([])
})

test('2018 OTCEXT fixture with available_zones as a string, 2021 CREATING row with tags', () => {
  expect(parsed('python-otcextensions-test-instance-2018.json').instance.availableZones).toEqual([
    'XXXXXX',
  ])
  const [row] = parseInstanceList(
    fixture('huaweicloudDocs-v1-list-creating-tags-2021.json'),
  ).instances
  expect(row?.instance).toMatchObject({
    status: 'CREATING',
    usedMemoryMb: 0,
    tags: [
      { key: 'dcs001', value: '001' },
      { key: 'dcs002', value: '002' },
    ],
  })
})

test('negative sizes and ports are reported, not shown as amounts', () => {
  const { instance, problems } = parseInstance({
    ...(fixture('seed-example.json') as Record<string, unknown>),
    capacity: -4,
    max_memory: -10,
    used_memory: -5,
    port: -1,
  })
  expect(instance).toMatchObject({
    capacityGb: null,
    maxMemoryMb: null,
    usedMemoryMb: null,
    port: null,
  })
  expect(problems.map((p) => p.field).sort()).toEqual([
    'capacity',
    'max_memory',
    'port',
    'used_memory',
  ])
  expect(problems[0]?.message).toContain('expected a number of 0 or more, got the number')
})
