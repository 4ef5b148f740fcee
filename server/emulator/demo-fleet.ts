/**
 * The built-in demo fleet: two projects whose instances cover every status, mode, engine version
 * and wire quirk of dcs/REFERENCE.md, in the v1 detail shapes of the fixtures (otc-docs-v1-get.json
 * for Redis 4.0+, the seed/2018 shape for Redis 3.0 and Memcached). Everything is fixed so screens,
 * screenshots and tests see the same fleet on every start.
 */
import { readFileSync } from 'node:fs'
import type { EmulatorData, EmulatorProject } from './emulator-data.ts'

export const DEMO_PROJECT_EU_DE = '9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6'
export const DEMO_PROJECT_EU_NL = '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9'

/** The seed's example response, served byte-for-byte as JSON under the eu-de project. */
export const SEED_EXAMPLE_ID = '68d5745e-6af2-40e4-945d-fe449be00148'

/** Instances whose status the simulation flips to RUNNING and back (extra to the status coverage). */
export const DEMO_FLIPPING_INSTANCES = [
  'a64e1bb0-a63a-4957-bea5-ed6a6b1b0e5f',
  '073c568b-5bde-4d55-a34e-a5938b32cfe7',
]

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Mode = 'single' | 'ha' | 'cluster'

interface Network {
  vpcId: string
  vpcName: string
  subnetId: string
  subnetName: string
  subnetCidr: string
  securityGroupId: string
  securityGroupName: string
  /** AZ codes, e.g. eu-de-01. */
  azCodes: string[]
  /** AZ ids (hex) as the 3.0-era API sends them. */
  azIds: string[]
  userId: string
  userName: string
}

const EU_DE: Network = {
  vpcId: '4f0b7a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  vpcName: 'vpc-shop-prod',
  subnetId: '7d1e3c5a-9b2f-4d6e-8c0a-1b3d5f7e9a2c',
  subnetName: 'subnet-cache-prod',
  subnetCidr: '10.10.0.0/20',
  securityGroupId: '2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6c8e1b',
  securityGroupName: 'sg-redis-prod',
  azCodes: ['eu-de-01', 'eu-de-02', 'eu-de-03'],
  azIds: ['bf84aba586ce4e948da0b97d9a7d62fb', 'bf84aba586ce4e948da0b97d9a7d62fc'],
  userId: '5c8e1f2a3b4d4e6f8a9b0c1d2e3f4a5b',
  userName: 'ops-demo',
}

const EU_NL: Network = {
  vpcId: '8e2f4a6c-0b1d-4e3f-9a5b-7c9d1e3f5a7b',
  vpcName: 'vpc-nl-prod',
  subnetId: '1c3e5a7b-9d2f-4b6c-8e0a-2d4f6a8c0e3b',
  subnetName: 'subnet-nl-cache',
  subnetCidr: '10.20.0.0/20',
  securityGroupId: '6b8d0f2a-4c6e-4a8b-9d1f-3e5a7c9e1b4d',
  securityGroupName: 'sg-nl-cache',
  azCodes: ['eu-nl-01', 'eu-nl-02', 'eu-nl-03'],
  azIds: ['9a5d2c8e1f3b4a6d8c0e2f4a6b8d0c1e'],
  userId: '5c8e1f2a3b4d4e6f8a9b0c1d2e3f4a5b',
  userName: 'ops-demo',
}

interface Spec {
  id: string
  name: string
  status: string
  engine?: 'Redis' | 'Memcached'
  version: string
  mode: Mode
  /** Nominal GB; 0.125 / 0.25 / 0.5 become capacity 0 + capacity_minor. */
  capacityGb: number
  /** used_memory in MB; null for null-heavy records. */
  usedMb: number | null
  /** Overrides the computed max_memory (MB). */
  maxMb?: number | null
  ip: string
  maintain: [string, string] | null
  createdAt: string
  errorCode?: string
  description?: string | null
  tags?: Json[] | null
  publicIp?: string
  ssl?: boolean
  backupPolicy?: Json
  azIndex?: number
  /** Redis 3.0 era: available_zones as a plain string (OTCEXT 2018 fixture). */
  azAsString?: boolean
  enterpriseProjectId?: Json
  nullHeavy?: boolean
  noPasswordAccess?: boolean
  task?: string | null
}

/** 3.0 flavours report less usable memory than their nominal size (REFERENCE §9.3). */
const REDIS_30_MAX: Record<number, number> = { 2: 1536, 4: 3277, 8: 6554, 16: 13107, 32: 26214 }

function capacityFields(gb: number): { capacity: number; capacity_minor: string | null } {
  if (gb >= 1) return { capacity: gb, capacity_minor: null }
  return { capacity: 0, capacity_minor: String(gb).replace(/^0/, '') }
}

function flavorSuffix(gb: number): string {
  return gb >= 1 ? `large.${gb}` : `tiny.${gb * 1024}`
}

function specCode(spec: Spec): string {
  const size = flavorSuffix(spec.capacityGb)
  if (spec.mode === 'single') return `redis.single.xu1.${size}`
  if (spec.mode === 'ha') return `redis.ha.xu1.${size.replace(/^(large|tiny)/, '$1.r2')}`
  return `redis.cluster.xu1.large.shard.${spec.capacityGb}`
}

function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString()
}

function domain(id: string): string {
  return `redis-${id}.dcs.otc-service.com`
}

/** Redis 4.0 / 5.0 / 6.0 in the shape of otc-docs-v1-get.json (72 keys, same order). */
function modernInstance(spec: Spec, net: Network): Record<string, Json> {
  const code = specCode(spec)
  const maxMb = spec.maxMb !== undefined ? spec.maxMb : Math.round(spec.capacityGb * 1024)
  const az = net.azCodes[spec.azIndex ?? 0] ?? 'eu-de-01'
  const azs = spec.mode === 'single' ? [az] : [az, net.azCodes[((spec.azIndex ?? 0) + 1) % 3]!]
  const nullHeavy = spec.nullHeavy === true
  const domainName = nullHeavy ? null : domain(spec.id)
  const readonly =
    spec.mode === 'ha' && !nullHeavy ? `redis-${spec.id}-readonly.dcs.otc-service.com` : null
  const shards = spec.mode === 'cluster' ? spec.ip.split(',').length : 0
  return {
    free: null,
    max_memory: maxMb,
    used_memory: spec.usedMb,
    instance_id: spec.id,
    name: spec.name,
    resource_spec_code: code,
    spec_code: code,
    engine: 'Redis',
    engine_version: spec.version,
    internal_version: null,
    charging_mode: 0,
    ...capacityFields(spec.capacityGb),
    vpc_id: net.vpcId,
    vpc_name: nullHeavy ? null : net.vpcName,
    ip: spec.ip,
    domainName,
    domain_name: domainName,
    readonlyDomainName: readonly,
    readonly_domain_name: readonly,
    port: 6379,
    status: spec.status,
    freeze_scene: null,
    created_at: spec.createdAt,
    update_at: addSeconds(spec.createdAt, 23),
    error_code: spec.errorCode ?? null,
    user_id: net.userId,
    user_name: net.userName,
    maintain_begin: spec.maintain?.[0] ?? null,
    maintain_end: spec.maintain?.[1] ?? null,
    no_password_access: spec.noPasswordAccess === true ? 'true' : 'false',
    access_user: null,
    enable_publicip: spec.publicIp !== undefined,
    publicip_id: spec.publicIp !== undefined ? '3e1f5a7c-9b2d-4f6e-8a0c-2b4d6f8a0c3e' : null,
    publicip_address: spec.publicIp ?? null,
    enable_ssl: spec.ssl === true,
    service_upgrade: false,
    service_task_id: nullHeavy ? null : '',
    enterprise_project_id: spec.enterpriseProjectId !== undefined ? spec.enterpriseProjectId : '0',
    security_group_id: null,
    tags: spec.tags !== undefined ? spec.tags : [],
    subnet_id: net.subnetId,
    product_type: 'generic',
    cpu_type: 'x86_64',
    storage_type: 'DRAM',
    task_status: null,
    launched_at: nullHeavy ? null : addSeconds(spec.createdAt, 23),
    is_free: null,
    libos: false,
    cache_mode: spec.mode,
    available_zones: nullHeavy ? [] : azs,
    az_codes: nullHeavy ? [] : azs,
    backend_addrs: spec.mode === 'cluster' ? spec.ip.split(',').map((ip) => `${ip}:6379`) : null,
    crr_role: null,
    cloud_service_type_code: 'otc.service.type.dcs',
    cloud_resource_type_code: 'otc.resource.type.dcs3',
    inquery_spec_code: code,
    support_slow_log_flag: nullHeavy ? null : 'true',
    ipv6: null,
    enable_ipv6: false,
    description: spec.description !== undefined ? spec.description : null,
    db_number: spec.mode === 'cluster' ? 1 : 256,
    features: { support_acl: true },
    product_id: `${code}-h`,
    security_group_name: null,
    subnet_name: nullHeavy ? null : net.subnetName,
    order_id: null,
    subnet_cidr: nullHeavy ? null : net.subnetCidr,
    task: spec.task ?? null,
    instance_backup_policy: spec.backupPolicy ?? null,
    enterprise_project_name: spec.enterpriseProjectId === undefined ? 'default' : null,
    sharding_count: shards,
  }
}

const LEGACY_PRODUCT: Record<Mode, string> = {
  single: 'OTC_DCS_SINGLE',
  ha: 'OTC_DCS_MS',
  cluster: 'OTC_DCS_CL',
}
const LEGACY_SPEC: Record<Mode, string> = {
  single: 'dcs.single_node',
  ha: 'dcs.master_standby',
  cluster: 'dcs.cluster',
}

/** Redis 3.0 and Memcached in the seed / 2018 detail shape (about 30 keys, same order). */
function legacyInstance(spec: Spec, net: Network): Record<string, Json> {
  const memcached = spec.engine === 'Memcached'
  const maxMb =
    spec.maxMb !== undefined
      ? spec.maxMb
      : (REDIS_30_MAX[spec.capacityGb] ?? Math.round(spec.capacityGb * 1024))
  const azIds = spec.mode === 'single' ? net.azIds.slice(0, 1) : net.azIds
  return {
    name: spec.name,
    engine: spec.engine ?? 'Redis',
    capacity: spec.capacityGb,
    ip: spec.ip,
    domainName: '',
    port: memcached ? 11211 : 6379,
    status: spec.status,
    description: spec.description !== undefined ? spec.description : '',
    instance_id: spec.id,
    resource_spec_code: memcached
      ? `dcs.memcached.${LEGACY_SPEC[spec.mode].slice(4)}`
      : LEGACY_SPEC[spec.mode],
    engine_version: spec.version,
    internal_version: null,
    charging_mode: 0,
    vpc_id: net.vpcId,
    vpc_name: net.vpcName,
    created_at: spec.createdAt,
    error_code: spec.errorCode ?? null,
    product_id: memcached ? `${LEGACY_PRODUCT[spec.mode]}_MC` : LEGACY_PRODUCT[spec.mode],
    security_group_id: net.securityGroupId,
    security_group_name: net.securityGroupName,
    subnet_id: net.subnetId,
    subnet_name: net.subnetName,
    available_zones: spec.azAsString === true ? (azIds[0] ?? '') : azIds,
    max_memory: maxMb,
    used_memory: spec.usedMb,
    user_id: net.userId,
    user_name: net.userName,
    order_id: null,
    maintain_begin: spec.maintain?.[0] ?? null,
    maintain_end: spec.maintain?.[1] ?? null,
  }
}

function backupPolicy(
  policyId: string,
  type: 'auto' | 'manual',
  days: number[],
  slot: string,
  saveDays: number,
  timezoneOffset: string | null,
): Json {
  return {
    backup_policy_id: policyId,
    created_at: '2024-02-12T09:14:05.233Z',
    updated_at: '2025-06-03T08:59:16.069Z',
    tenant_id: DEMO_PROJECT_EU_DE,
    policy: {
      backup_type: type,
      save_days: saveDays,
      periodical_backup_plan: {
        begin_at: slot,
        period_type: 'weekly',
        backup_at: days,
        timezone_offset: timezoneOffset,
      },
    },
  }
}

const V1_NIGHT: [string, string] = ['22:00:00', '02:00:00']
const V1_DEFAULT: [string, string] = ['02:00:00', '06:00:00']
const V1_MORNING: [string, string] = ['06:00:00', '10:00:00']
const V1_MIDDAY: [string, string] = ['10:00:00', '14:00:00']
const V1_AFTERNOON: [string, string] = ['14:00:00', '18:00:00']
const V1_EVENING: [string, string] = ['18:00:00', '22:00:00']
const V2_DEFAULT: [string, string] = ['18:00:00', '19:00:00']
const V2_MIDNIGHT: [string, string] = ['23:00:00', '00:00:00']
const V2_EARLY: [string, string] = ['03:00:00', '04:00:00']

const EU_DE_SPECS: Spec[] = [
  {
    id: 'eff9e363-5eb6-4075-988e-02d0971c9947',
    name: 'shop-sessions-prod',
    status: 'RUNNING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 8,
    usedMb: 6554,
    ip: '10.10.1.21',
    maintain: V1_NIGHT,
    createdAt: '2023-03-14T09:12:44.512Z',
    description: 'Web shop session store (prod). Owner: team-checkout',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'checkout' },
    ],
    backupPolicy: backupPolicy(
      'b3c1d2e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      'auto',
      [1, 3, 5],
      '02:00-03:00',
      7,
      null,
    ),
  },
  {
    id: '29f1df2d-713c-444b-9b0f-9fc3aa6b88e6',
    name: 'checkout-cache',
    status: 'RUNNING',
    version: '6.0',
    mode: 'cluster',
    capacityGb: 32,
    usedMb: 31130,
    ip: '10.10.2.11,10.10.2.12,10.10.2.13',
    maintain: V1_DEFAULT,
    createdAt: '2023-06-02T14:03:10.004Z',
    description: 'Checkout price and basket cache',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'cost-center', value: '4711' },
    ],
    azIndex: 1,
  },
  {
    id: '56a5febd-06b0-46a2-bc5a-34a27248f861',
    name: 'catalog-search-cache',
    status: 'RUNNING',
    version: '4.0',
    mode: 'single',
    capacityGb: 1,
    usedMb: 1065,
    ip: '10.10.1.44',
    maintain: V1_MORNING,
    createdAt: '2022-11-21T07:45:02.871Z',
    description: 'maxmemory-policy noeviction: over 100 % is real here',
  },
  {
    id: '844ee072-d98b-4bae-b97a-440effc16bae',
    name: 'cart-lock-service',
    status: 'RUNNING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 0.125,
    usedMb: 3,
    ip: '10.10.1.52',
    maintain: V2_DEFAULT,
    createdAt: '2024-01-09T16:20:33.190Z',
    noPasswordAccess: true,
    azIndex: 2,
  },
  {
    id: 'ca0290e9-4f82-4fa3-b979-e196176b2ca8',
    name: 'feature-flags',
    status: 'RUNNING',
    version: '6.0',
    mode: 'single',
    capacityGb: 0.25,
    usedMb: 41,
    ip: '10.10.1.53',
    maintain: V2_MIDNIGHT,
    createdAt: '2024-04-30T11:02:17.650Z',
    tags: [{ key: 'env', value: 'prod' }],
  },
  {
    id: '2b706e29-966d-420e-a4e0-931d13588afd',
    name: 'rate-limiter-edge',
    status: 'RUNNING',
    version: '6.0',
    mode: 'ha',
    capacityGb: 0.5,
    usedMb: 371,
    ip: '10.10.1.60',
    maintain: V1_AFTERNOON,
    createdAt: '2024-05-17T08:30:00.125Z',
    publicIp: '80.158.23.47',
    ssl: true,
    description: 'Public endpoint for the edge rate limiter',
  },
  {
    id: 'd8b5cab3-8080-481e-9e79-1cd1d67a7ec1',
    name: 'payments-idempotency',
    status: 'ERROR',
    version: '5.0',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 2410,
    ip: '10.10.1.71',
    maintain: V1_NIGHT,
    createdAt: '2023-09-05T10:11:12.131Z',
    errorCode: 'dcs.04.0004',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'payments' },
    ],
  },
  {
    id: '82cbf30b-42ad-4fec-aad6-163ecbb92e2f',
    name: 'orders-cache-blue',
    status: 'CREATEFAILED',
    version: '4.0',
    mode: 'single',
    capacityGb: 2,
    usedMb: null,
    maxMb: null,
    ip: '',
    maintain: null,
    createdAt: '2025-02-18T13:47:09.402Z',
    errorCode: 'dcs.02.0003',
    description: null,
    tags: null,
    enterpriseProjectId: null,
    nullHeavy: true,
  },
  {
    id: 'cb4dba14-dd59-42df-aebb-c2ccec9fc211',
    name: 'orders-cache-green',
    status: 'CREATING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 2,
    usedMb: 0,
    maxMb: 0,
    ip: '10.10.1.82',
    maintain: V1_DEFAULT,
    createdAt: '2025-02-18T14:02:51.733Z',
  },
  {
    id: '2249852d-deff-4687-a399-2c1ab7af4fb3',
    name: 'analytics-counters',
    status: 'EXTENDING',
    version: '5.0',
    mode: 'cluster',
    capacityGb: 64,
    usedMb: 41020,
    ip: '10.10.3.11,10.10.3.12,10.10.3.13,10.10.3.14,10.10.3.15,10.10.3.16',
    maintain: V1_MIDDAY,
    createdAt: '2022-08-01T06:00:00.000Z',
    tags: [{ key: 'env', value: 'prod' }],
  },
  {
    id: '4afbe940-f794-45eb-a1a7-4bb7c14a6265',
    name: 'recommendations-cache',
    status: 'RESTORING',
    version: '4.0',
    mode: 'ha',
    capacityGb: 16,
    usedMb: 2150,
    ip: '10.10.1.90',
    maintain: V1_EVENING,
    createdAt: '2021-10-12T12:12:12.012Z',
    task: 'RESTORING',
  },
  {
    id: 'e4aa9cb4-4000-44a6-a347-58cd01e27540',
    name: 'stock-levels',
    status: 'FLUSHING',
    version: '5.0',
    mode: 'single',
    capacityGb: 4,
    usedMb: 480,
    ip: '10.10.1.101',
    maintain: V2_EARLY,
    createdAt: '2023-12-01T09:00:41.300Z',
  },
  {
    id: '8c6aca9c-0b36-48fa-9b6a-e6e5005afae9',
    name: 'pricing-engine-cache',
    status: 'UPGRADING',
    version: '4.0',
    mode: 'ha',
    capacityGb: 8,
    usedMb: 3900,
    ip: '10.10.1.110',
    maintain: V1_DEFAULT,
    createdAt: '2021-05-20T15:35:27.888Z',
  },
  {
    id: 'c18560bf-ac11-48cf-9d5f-0239fe3dd5cd',
    name: 'loyalty-points',
    status: 'ROLLBACKING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 2,
    usedMb: 990,
    ip: '10.10.1.120',
    maintain: V1_NIGHT,
    createdAt: '2022-03-03T03:03:03.303Z',
  },
  {
    id: '9f7924fa-74d4-4f47-989d-57c6bfdfcb33',
    name: 'geo-lookup',
    status: 'IPEXCHANGING',
    version: '4.0',
    mode: 'single',
    capacityGb: 1,
    usedMb: 610,
    ip: '10.10.1.130',
    maintain: V1_MORNING,
    createdAt: '2022-07-19T19:19:19.190Z',
  },
  {
    id: 'a5edf672-b257-451e-9e01-9c68499b81d1',
    name: 'tmp-load-test',
    status: 'DELETING',
    version: '6.0',
    mode: 'cluster',
    capacityGb: 16,
    usedMb: 120,
    ip: '10.10.4.11,10.10.4.12,10.10.4.13',
    maintain: V1_DEFAULT,
    createdAt: '2025-01-27T10:00:00.000Z',
    tags: [{ key: 'env', value: 'test' }],
  },
  {
    id: DEMO_FLIPPING_INSTANCES[0]!,
    name: 'search-autocomplete',
    status: 'RESTARTING',
    version: '6.0',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 1843,
    ip: '10.10.1.140',
    maintain: V1_DEFAULT,
    createdAt: '2024-09-09T09:09:09.909Z',
  },
]

const EU_DE_LEGACY: Spec[] = [
  {
    id: '95275c2c-7375-49c8-8b63-e1a5c1ab2a0f',
    name: 'session-store-legacy',
    status: 'RESTARTING',
    version: '3.0.7',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 1900,
    ip: '10.10.0.31',
    maintain: V1_DEFAULT,
    createdAt: '2018-04-12T03:15:30.240Z',
    description: 'Old session store, migrate before 2026',
  },
  {
    id: '3b1b89db-1e6e-4525-9dfa-0f9d6ebf1107',
    name: 'image-thumbs',
    status: 'RUNNING',
    engine: 'Memcached',
    version: '1.5',
    mode: 'single',
    capacityGb: 2,
    usedMb: 1270,
    ip: '10.10.0.40',
    maintain: V1_EVENING,
    createdAt: '2019-06-24T08:44:12.511Z',
  },
  {
    id: '40ff5106-0294-474d-960b-05277d4dbdd4',
    name: 'cms-fragments',
    status: 'RUNNING',
    engine: 'Memcached',
    version: '1.5',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 0,
    ip: '10.10.0.41',
    maintain: V1_NIGHT,
    createdAt: '2019-11-02T17:05:55.020Z',
    description: 'Empty since the CMS moved to the CDN',
  },
  {
    id: 'a35cc2ff-3280-45b1-8b7c-a9a3b313cbff',
    name: 'nightly-report-cache',
    status: 'RUNNING',
    version: '3.0',
    mode: 'single',
    capacityGb: 8,
    usedMb: 5440,
    ip: '10.10.0.52',
    maintain: V1_NIGHT,
    createdAt: '2020-02-29T23:59:59.999Z',
  },
]

const EU_NL_SPECS: Spec[] = [
  {
    id: '3bd02509-8789-4a5d-b262-c7b75635d9ca',
    name: 'nl-shop-sessions',
    status: 'RUNNING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 8,
    usedMb: 3686,
    ip: '10.20.1.21',
    maintain: V2_MIDNIGHT,
    createdAt: '2023-03-15T10:12:44.100Z',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'checkout' },
    ],
    backupPolicy: backupPolicy(
      'c4d2e3f5-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      'manual',
      [6, 7],
      '23:00-00:00',
      3,
      'GMT+01:00',
    ),
  },
  {
    id: '7b27f290-437a-493d-906b-9ce4745813e2',
    name: 'nl-checkout-cache',
    status: 'RUNNING',
    version: '6.0',
    mode: 'cluster',
    capacityGb: 16,
    usedMb: 13271,
    ip: '10.20.2.11,10.20.2.12,10.20.2.13,10.20.2.14',
    maintain: V1_NIGHT,
    createdAt: '2023-06-03T14:03:10.004Z',
    tags: [
      { key: 1, value: 'numeric-key' },
      { key: 'env', value: 'prod' },
    ],
  },
  {
    id: '0edd90d6-4baa-454b-8e43-d3497d1b5a2f',
    name: 'nl-billing-archive',
    status: 'FROZEN',
    version: '4.0',
    mode: 'single',
    capacityGb: 2,
    usedMb: 1200,
    ip: '10.20.1.30',
    maintain: V1_DEFAULT,
    createdAt: '2021-01-11T11:11:11.111Z',
    description: '',
  },
  {
    id: 'f675c700-a6ba-4b81-aff0-c9efee0e78ac',
    name: 'nl-reporting',
    status: 'CLOSING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 820,
    ip: '10.20.1.40',
    maintain: V1_AFTERNOON,
    createdAt: '2022-02-22T22:22:22.222Z',
  },
  {
    id: '7dfe5e58-f25d-4152-9404-de7b73120043',
    name: 'nl-staging-cache',
    status: 'CLOSED',
    version: '6.0',
    mode: 'single',
    capacityGb: 1,
    usedMb: 0,
    ip: '10.20.1.41',
    maintain: V2_DEFAULT,
    createdAt: '2024-06-06T06:06:06.606Z',
    tags: [{ key: 'env', value: 'staging' }],
  },
  {
    id: '6b8b4cba-6534-4e88-b0c7-c7014b489ae8',
    name: 'nl-migration-target',
    status: 'MIGRATING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 8,
    usedMb: 2900,
    ip: '10.20.1.50',
    maintain: V1_MORNING,
    createdAt: '2025-03-01T08:15:00.000Z',
  },
  {
    id: '97fd009f-e438-4ebb-a3a9-ac392f3341b0',
    name: 'nl-edge-tokens',
    status: 'PAUSED',
    version: '6.0',
    mode: 'single',
    capacityGb: 0.5,
    usedMb: 212,
    ip: '10.20.1.60',
    maintain: V2_EARLY,
    createdAt: '2024-10-10T10:10:10.010Z',
    description: 'Status not in any DCS table: shown as-is',
  },
  {
    id: '0c9e003c-9dc3-4d62-8b55-aa04bfdea4a8',
    name: 'nl-api-gateway-cache',
    status: 'ERROR',
    version: '4.0',
    mode: 'cluster',
    capacityGb: 32,
    usedMb: 30310,
    ip: '10.20.3.11,10.20.3.12,10.20.3.13',
    maintain: V1_MIDDAY,
    createdAt: '2021-08-18T18:18:18.180Z',
    errorCode: 'dcs.01.0001',
  },
  {
    id: 'ec3b5285-4435-4e06-bcf9-2e58cb7c7633',
    name: 'nl-queue-dedupe',
    status: 'CREATEFAILED',
    version: '5.0',
    mode: 'single',
    capacityGb: 1,
    usedMb: 0,
    maxMb: 0,
    ip: '',
    maintain: V1_DEFAULT,
    createdAt: '2025-04-02T12:30:45.678Z',
    errorCode: 'dcs.03.0001',
    nullHeavy: true,
  },
  {
    id: DEMO_FLIPPING_INSTANCES[1]!,
    name: 'nl-events-cache',
    status: 'EXTENDING',
    version: '5.0',
    mode: 'ha',
    capacityGb: 4,
    usedMb: 2050,
    ip: '10.20.1.70',
    maintain: V1_EVENING,
    createdAt: '2023-07-07T07:07:07.707Z',
  },
]

const EU_NL_LEGACY: Spec[] = [
  {
    id: 'ac0dfad8-5cb5-4ff0-9cae-d373a6a165e1',
    name: 'nl-batch-jobs',
    status: 'STARTING',
    version: '3.0.7',
    mode: 'single',
    capacityGb: 2,
    usedMb: 2,
    ip: '10.20.0.21',
    maintain: V1_DEFAULT,
    createdAt: '2018-12-04T08:29:38.191Z',
  },
  {
    id: 'e3473c2b-db79-4003-939b-3c4cc026fb85',
    name: 'nl-old-sessions',
    status: 'DELETED',
    version: '3.0',
    mode: 'ha',
    capacityGb: 2,
    usedMb: 0,
    ip: '10.20.0.22',
    maintain: V1_NIGHT,
    createdAt: '2018-05-05T05:05:05.505Z',
  },
  {
    id: '72f6dd06-db5e-4a97-b99e-5011dcf8786e',
    name: 'nl-geo-tiles',
    status: 'RUNNING',
    engine: 'Memcached',
    version: '1.5',
    mode: 'single',
    capacityGb: 1,
    usedMb: 973,
    maxMb: 1024,
    ip: '10.20.0.30',
    maintain: V1_MORNING,
    createdAt: '2019-03-18T13:00:00.000Z',
  },
  {
    id: '22384af8-e444-4153-8365-8959c031070f',
    name: 'nl-web-sessions',
    status: 'RUNNING',
    version: '3.0.7',
    mode: 'cluster',
    capacityGb: 64,
    usedMb: 20480,
    maxMb: 65536,
    ip: '10.20.0.40',
    maintain: V1_NIGHT,
    createdAt: '2018-08-14T09:30:00.000Z',
    azAsString: true,
  },
  {
    id: '6c1d8233-fcf5-4ef8-9bd8-5c1677d515cb',
    name: 'nl-search-cache',
    status: 'RUNNING',
    version: '3.0.7',
    mode: 'ha',
    capacityGb: 16,
    usedMb: 10486,
    ip: '10.20.0.50',
    maintain: V1_AFTERNOON,
    createdAt: '2019-04-28T04:28:00.428Z',
  },
]

function seedExample(): Record<string, Json> {
  const text = readFileSync(new URL('./seed-example.json', import.meta.url), 'utf8')
  return JSON.parse(text) as Record<string, Json>
}

function project(specs: Spec[], legacy: Spec[], net: Network): Record<string, Json>[] {
  return [
    ...specs.map((spec) => modernInstance(spec, net)),
    ...legacy.map((spec) => legacyInstance(spec, net)),
  ]
}

export const DEMO_PROJECTS: EmulatorProject[] = [
  { id: DEMO_PROJECT_EU_DE, name: 'eu-de demo', region: 'eu-de' },
  { id: DEMO_PROJECT_EU_NL, name: 'eu-nl demo', region: 'eu-nl' },
]

/** A fresh copy of the demo fleet (the emulator mutates its copy during simulation). */
export function demoFleet(): EmulatorData {
  return {
    projects: {
      [DEMO_PROJECT_EU_DE]: [seedExample(), ...project(EU_DE_SPECS, EU_DE_LEGACY, EU_DE)],
      [DEMO_PROJECT_EU_NL]: project(EU_NL_SPECS, EU_NL_LEGACY, EU_NL),
    },
  }
}
