import { expect, test } from 'vitest'
import {
  compareBySeverity,
  countByStatusClass,
  countMemoryAlerts,
  distinctValues,
  EMPTY_FILTER,
  matchesFilter,
  sanitizeFilter,
  severityGroup,
  sortRows,
  type FleetRow,
} from './fleet-view'
import type { Instance } from './model'

function instance(overrides: Partial<Instance>): Instance {
  return {
    id: 'id',
    name: 'name',
    status: 'RUNNING',
    engine: 'Redis',
    engineVersion: '5.0',
    mode: 'single',
    capacityGb: 1,
    usedMemoryMb: 100,
    maxMemoryMb: 1024,
    ips: [],
    port: 6379,
    domainName: null,
    readonlyDomainName: null,
    backendAddrs: [],
    ipv6: null,
    publicIpEnabled: null,
    publicIpAddress: null,
    sslEnabled: null,
    noPasswordAccess: null,
    accessUser: null,
    vpcId: null,
    vpcName: null,
    subnetId: null,
    subnetName: null,
    subnetCidr: null,
    securityGroupId: null,
    securityGroupName: null,
    availableZones: [],
    azCodes: [],
    maintainBegin: null,
    maintainEnd: null,
    backupPolicy: null,
    errorCode: null,
    chargingMode: null,
    productId: null,
    specCode: null,
    cacheMode: null,
    cpuType: null,
    orderId: null,
    userId: null,
    userName: null,
    description: null,
    enterpriseProjectId: null,
    enterpriseProjectName: null,
    createdAt: null,
    updatedAt: null,
    launchedAt: null,
    tags: [],
    task: null,
    taskStatus: null,
    subStatus: null,
    freezeScene: null,
    ...overrides,
  }
}

const fleet = [
  instance({ id: '1', name: 'healthy-b', usedMemoryMb: 100 }),
  instance({ id: '2', name: 'warm', usedMemoryMb: 800 }), // 78 %
  instance({ id: '3', name: 'hot', usedMemoryMb: 1000 }), // 97.7 %
  instance({ id: '4', name: 'creating', status: 'CREATING', usedMemoryMb: 0, maxMemoryMb: 0 }),
  instance({ id: '5', name: 'frozen', status: 'FROZEN' }),
  instance({ id: '6', name: 'broken', status: 'ERROR', usedMemoryMb: 1000 }),
  instance({ id: '7', name: 'odd', status: 'PAUSED' }),
  instance({ id: '8', name: 'healthy-a', usedMemoryMb: null, maxMemoryMb: null }),
  instance({ id: '9', name: 'born-broken', status: 'createfailed' }),
]

test('severity: failed, stopped, in progress, unknown status, memory critical, warning, healthy; by name within', () => {
  const order = [...fleet].sort((a, b) => compareBySeverity(a, b)).map((i) => i.name)
  expect(order).toEqual([
    'born-broken',
    'broken',
    'frozen',
    'creating',
    'odd',
    'hot',
    'warm',
    'healthy-a',
    'healthy-b',
  ])
})

test('memory only ranks running instances: a failed instance at 98 % is failed, not memory-critical', () => {
  expect(severityGroup(fleet[5]!)).toBe('failed')
  expect(severityGroup(fleet[2]!)).toBe('memory-critical')
  expect(severityGroup(fleet[3]!)).toBe('progress')
})

test('thresholds move instances between groups', () => {
  const warm = fleet[1]!
  expect(severityGroup(warm)).toBe('memory-warning')
  expect(severityGroup(warm, { warning: 80, critical: 95 })).toBe('healthy')
  expect(severityGroup(warm, { warning: 50, critical: 70 })).toBe('memory-critical')
})

const rows: FleetRow[] = fleet.map((instance, i) => ({ projectId: i % 2 ? 'p2' : 'p1', instance }))

test('search matches name, id or IP, every word, any case', () => {
  const withIp: FleetRow = {
    projectId: 'p1',
    instance: instance({ id: 'abc-123', name: 'Cart-Cache', ips: ['192.168.0.61'] }),
  }
  const match = (query: string) => matchesFilter(withIp, { ...EMPTY_FILTER, query })
  expect(match('cart')).toBe(true)
  expect(match('CACHE 192.168')).toBe(true)
  expect(match('abc-1')).toBe(true)
  expect(match('cart 10.0')).toBe(false)
})

test('filters combine: class, raw status, engine, mode and project', () => {
  const names = (filter: Partial<typeof EMPTY_FILTER>) =>
    rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, ...filter })).map((r) => r.instance.name)
  expect(names({ statusClasses: ['failed'] })).toEqual(['broken', 'born-broken'])
  expect(names({ statuses: ['CreateFailed'] })).toEqual(['born-broken'])
  expect(names({ statusClasses: ['failed', 'unknown'], projectIds: ['p1'] })).toEqual([
    'odd',
    'born-broken',
  ])
  expect(names({ engines: ['memcached'] })).toEqual([])
  expect(names({ modes: ['single'], statusClasses: ['stopped'] })).toEqual(['frozen'])
})

test('memory sort puts instances without figures last in both directions', () => {
  const desc = sortRows(rows, 'memory', 'desc').map((r) => r.instance.name)
  expect(desc.slice(0, 3)).toEqual(['broken', 'hot', 'warm'])
  expect(desc.slice(-2)).toEqual(['creating', 'healthy-a'])
  const asc = sortRows(rows, 'memory', 'asc').map((r) => r.instance.name)
  expect(asc.slice(-2)).toEqual(['creating', 'healthy-a'])
})

test('created sort: newest first, missing dates last', () => {
  const dated: FleetRow[] = [
    {
      projectId: 'p',
      instance: instance({ id: 'a', name: 'old', createdAt: '2019-01-01T00:00:00Z' }),
    },
    { projectId: 'p', instance: instance({ id: 'b', name: 'none', createdAt: 'not a date' }) },
    {
      projectId: 'p',
      instance: instance({ id: 'c', name: 'new', createdAt: '2024-05-01T00:00:00Z' }),
    },
  ]
  expect(sortRows(dated, 'created', 'desc').map((r) => r.instance.name)).toEqual([
    'new',
    'old',
    'none',
  ])
  expect(sortRows(dated, 'created', 'asc').map((r) => r.instance.name)).toEqual([
    'old',
    'new',
    'none',
  ])
})

test('name sort is natural and falls back to the id for nameless instances', () => {
  const named: FleetRow[] = ['cache-10', 'cache-9', '', 'Cache-1'].map((name, i) => ({
    projectId: 'p',
    instance: instance({ id: `z${i}`, name }),
  }))
  expect(sortRows(named, 'name', 'asc').map((r) => r.instance.name || r.instance.id)).toEqual([
    'Cache-1',
    'cache-9',
    'cache-10',
    'z2',
  ])
})

test('counts per status class and memory alerts', () => {
  expect(countByStatusClass(fleet)).toEqual({
    failed: 2,
    stopped: 1,
    progress: 1,
    healthy: 4,
    unknown: 1,
  })
  expect(countMemoryAlerts(fleet)).toEqual({ critical: 1, warning: 1 })
})

test('distinct values ignore case duplicates, blanks and nulls', () => {
  expect(distinctValues(['Redis', 'redis', null, ' ', 'Memcached'])).toEqual(['Memcached', 'Redis'])
})

test('filter values naming nothing that exists are dropped; values matching nothing now stay', () => {
  const vocabulary = {
    projectIds: ['p1', 'p2'],
    statuses: ['RUNNING', 'FROZEN', 'Hibernating'],
    engines: ['Redis', 'Memcached'],
  }
  const filter = {
    ...EMPTY_FILTER,
    projectIds: ['deadbeef', 'p2'],
    statuses: ['NOPE', 'FROZEN', 'hibernating'],
    engines: ['Oracle', 'memcached', 'MEMCACHED'],
  }
  expect(sanitizeFilter(filter, vocabulary)).toEqual({
    ...EMPTY_FILTER,
    projectIds: ['p2'],
    statuses: ['FROZEN', 'HIBERNATING'],
    engines: ['Memcached'],
  })
  expect(sanitizeFilter(EMPTY_FILTER, vocabulary)).toEqual(EMPTY_FILTER)
})
