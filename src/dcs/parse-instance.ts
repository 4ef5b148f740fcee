import { InvalidResponseError } from '@/dcs/api-error'
import type {
  BackupPolicy,
  FieldProblem,
  Instance,
  InstanceMode,
  ParsedInstance,
  ParsedInstanceList,
  Tag,
} from '@/dcs/model'
import {
  booleanOrText,
  isRecord,
  listOf,
  numberOrNumericText,
  textOrNumber,
  trimmedMatch,
} from '@/dcs/wire-checks'

/**
 * Wire → model for DCS instance detail (v1/v2) and list responses (dcs/REFERENCE.md §3, §4, §9).
 *
 * Tolerant by field: each field has its own check, so one malformed field becomes null plus a
 * FieldProblem while the rest still parses. Unknown fields are ignored (the cloud adds fields
 * over time). Only a body that is not an object at all is rejected, with InvalidResponseError.
 *
 * Numbers sent as numeric strings ("6379") are accepted silently: old SDKs and providers typed
 * `port` and `max_memory` as strings (REFERENCE §10 #13), the value is unambiguous, and a
 * problem on every such field would bury the problems that matter.
 */

type Raw = Record<string, unknown>

/** A field check plus what it expects, for the problem message. */
interface Field<T> {
  /** The value read, or undefined when it is not what the field expects. */
  check(value: unknown): T | undefined
  expected: string
}

const numberField: Field<number> = {
  check: numberOrNumericText,
  expected: 'a number',
}

/** Sizes and ports: a negative value is as unreadable as text, not a number to show. */
const amountField: Field<number> = {
  check: (value) => {
    const n = numberOrNumericText(value)
    return n !== undefined && n >= 0 ? n : undefined
  },
  expected: 'a number of 0 or more',
}

const textField: Field<string> = {
  check: textOrNumber,
  expected: 'a string',
}

const booleanField: Field<boolean> = {
  check: booleanOrText,
  expected: 'true or false',
}

/** `["a","b"]`, a single string, or a comma-separated string. */
const stringListField: Field<string[]> = {
  check: (value) =>
    typeof value === 'string' ? splitList(value) : listOf(value, textOrNumber)?.flatMap(splitList),
  expected: 'a string or a list of strings',
}

/** `["eu-de-02"]` or `[{"az_code": "cn-north-4a"}]` (HW v2 list example). */
const azCodesField: Field<string[]> = {
  check: (value) =>
    typeof value === 'string' ? splitList(value) : listOf(value, azCode)?.flatMap(splitList),
  expected: 'a list of AZ codes',
}

function azCode(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return isRecord(value) && typeof value.az_code === 'string' ? value.az_code : undefined
}

const tagsField: Field<Tag[]> = {
  check: (value) => listOf(value, tag),
  expected: 'a list of {key, value}',
}

/** `{key, value}`; a null value reads as "". A tag with no `value` key at all is rejected. */
function tag(value: unknown): Tag | undefined {
  if (!isRecord(value) || !('value' in value)) return undefined
  const key = textOrNumber(value.key)
  const text = value.value === null || value.value === undefined ? '' : textOrNumber(value.value)
  return key === undefined || text === undefined ? undefined : { key, value: text }
}

/** `HH:mm:ss`, also `HH:mm`; trimmed. */
const clockField: Field<string> = {
  check: (value) => trimmedMatch(value, /^([01]?\d|2[0-4]):[0-5]\d(:[0-5]\d)?$/),
  expected: 'a time HH:mm:ss',
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Reads fields of one wire object and collects problems. */
class FieldReader {
  readonly problems: FieldProblem[] = []

  constructor(
    private readonly raw: Raw,
    private readonly prefix = '',
  ) {}

  /**
   * The first of `keys` whose value is present and not empty wins (`domain_name` vs
   * `domainName`, `update_at` vs `updated_at`). Absent and null read as null without a problem.
   */
  read<T>(keys: string | string[], field: Field<T>): T | null {
    const candidates = typeof keys === 'string' ? [keys] : keys
    const key =
      candidates.find((k) => !isEmpty(this.raw[k])) ??
      candidates.find((k) => this.raw[k] !== undefined)
    if (key === undefined) return null
    const value = this.raw[key]
    if (value === null || value === undefined) return null
    const checked = field.check(value)
    if (checked !== undefined) return checked
    this.problem(key, `expected ${field.expected}, got ${describe(value)}`)
    return null
  }

  /** Text with "" read as null: the cloud sends both for "nothing" (REFERENCE §9.7). */
  text(keys: string | string[]): string | null {
    const value = this.read(keys, textField)
    return value === null || value.trim() === '' ? null : value
  }

  list(keys: string | string[], field: Field<string[]> = stringListField): string[] {
    return this.read(keys, field) ?? []
  }

  nested(key: string): FieldReader | null {
    const value = this.raw[key]
    if (value === null || value === undefined) return null
    if (!isRecord(value)) {
      this.problem(key, `expected an object, got ${describe(value)}`)
      return null
    }
    return new FieldReader(value, `${this.prefix}${key}.`)
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined
  }

  problem(key: string, message: string): void {
    this.problems.push({ field: `${this.prefix}${key}`, message })
  }

  adopt(child: FieldReader): void {
    this.problems.push(...child.problems)
  }
}

export function parseInstance(raw: unknown): ParsedInstance {
  if (!isRecord(raw)) {
    throw new InvalidResponseError(`Expected a DCS instance object, got ${describe(raw)}.`)
  }
  return readInstance(new FieldReader(raw))
}

/** v1 `{instances, instance_num}` and v2 `{instance_num, instances}` list bodies. */
export function parseInstanceList(raw: unknown): ParsedInstanceList {
  if (!isRecord(raw)) {
    throw new InvalidResponseError(`Expected a DCS instance list object, got ${describe(raw)}.`)
  }
  if (!Array.isArray(raw.instances)) {
    throw new InvalidResponseError(
      `Expected an "instances" list in the DCS answer, got ${describe(raw.instances)}.`,
    )
  }
  const list = new FieldReader(raw)
  const instances: ParsedInstance[] = []
  raw.instances.forEach((item: unknown, index) => {
    if (isRecord(item)) {
      instances.push(readInstance(new FieldReader(item, `instances[${index}].`)))
    } else {
      list.problem(`instances[${index}]`, `expected an instance object, got ${describe(item)}`)
    }
  })
  const total = list.read('instance_num', numberField)
  return { instances, total, problems: list.problems }
}

function readInstance(f: FieldReader): ParsedInstance {
  const id = f.text(['instance_id', 'id'])
  if (id === null) f.problem('instance_id', 'missing')
  const name = f.text('name')
  if (name === null) f.problem('name', 'missing')
  const status = f.text('status')
  if (status === null) f.problem('status', 'missing')

  const resourceSpecCode = f.text('resource_spec_code')
  const flavorSpecCode = f.text('spec_code')
  const specCode = resourceSpecCode ?? flavorSpecCode
  const cacheMode = f.text('cache_mode')
  const productId = f.text('product_id')
  const engine = f.text('engine')

  const instance: Instance = {
    id: id ?? '',
    name: name ?? id ?? '',
    status: status ?? '',
    engine,
    engineVersion: f.text('engine_version'),
    mode: decodeMode(cacheMode, resourceSpecCode, flavorSpecCode, productId),
    capacityGb: readCapacity(f),
    usedMemoryMb: f.read('used_memory', amountField),
    maxMemoryMb: f.read('max_memory', amountField),
    ips: f.list('ip'),
    port: f.read('port', amountField),
    domainName: f.text(['domain_name', 'domainName']),
    readonlyDomainName: f.text(['readonly_domain_name', 'readonlyDomainName']),
    backendAddrs: f.list('backend_addrs'),
    ipv6: f.text('ipv6'),
    publicIpEnabled: f.read('enable_publicip', booleanField),
    publicIpAddress: f.text('publicip_address'),
    sslEnabled: f.read('enable_ssl', booleanField),
    noPasswordAccess: f.read('no_password_access', booleanField),
    accessUser: f.text('access_user'),
    vpcId: f.text('vpc_id'),
    vpcName: f.text('vpc_name'),
    subnetId: f.text('subnet_id'),
    subnetName: f.text('subnet_name'),
    subnetCidr: f.text('subnet_cidr'),
    securityGroupId: withoutPlaceholder(f.text('security_group_id')),
    securityGroupName: withoutPlaceholder(f.text('security_group_name')),
    availableZones: f.list('available_zones'),
    azCodes: f.list('az_codes', azCodesField),
    maintainBegin: f.read('maintain_begin', clockField),
    maintainEnd: f.read('maintain_end', clockField),
    backupPolicy: readBackupPolicy(f),
    errorCode: f.text('error_code'),
    chargingMode: f.read('charging_mode', numberField),
    productId,
    specCode,
    cacheMode,
    cpuType: f.text('cpu_type'),
    orderId: f.text('order_id'),
    userId: f.text('user_id'),
    userName: f.text('user_name'),
    description: f.text('description'),
    enterpriseProjectId: f.text('enterprise_project_id'),
    enterpriseProjectName: f.text('enterprise_project_name'),
    createdAt: f.text('created_at'),
    updatedAt: f.text(['update_at', 'updated_at']),
    launchedAt: f.text('launched_at'),
    tags: f.read('tags', tagsField) ?? [],
    task: f.text('task'),
    taskStatus: f.text('task_status'),
    subStatus: f.text('sub_status'),
    freezeScene: f.text('freeze_scene'),
  }
  return { instance, problems: f.problems }
}

/** `capacity` is whole GB and 0 for sub-GB flavors, whose size is `capacity_minor` ".125". */
function readCapacity(f: FieldReader): number | null {
  const capacity = f.read('capacity', amountField)
  const minor = f.read('capacity_minor', amountField)
  if (capacity !== null && capacity > 0) return capacity
  if (minor !== null && minor > 0) return minor
  if (capacity === 0) {
    f.problem('capacity', 'capacity is 0 and capacity_minor gives no size')
    return null
  }
  return capacity
}

/** Redis 4.0+ uses whitelists and reports the literal "securityGroupId" (REFERENCE §9.9). */
function withoutPlaceholder(value: string | null): string | null {
  return value === null || value.toLowerCase() === 'securitygroupid' ? null : value
}

const CACHE_MODES: Record<string, InstanceMode> = {
  single: 'single',
  ha: 'master_standby',
  cluster: 'cluster',
  proxy: 'proxy',
  ha_rw_split: 'rw_split',
}

/** Legacy OTC product ids (old SDK values). */
const PRODUCT_MODES: Record<string, InstanceMode> = {
  otc_dcs_single: 'single',
  otc_dcs_ms: 'master_standby',
  otc_dcs_cl: 'cluster',
}

/** Most explicit first: cache_mode, then the spec codes, then product_id. */
export function decodeMode(
  cacheMode: string | null,
  resourceSpecCode: string | null,
  specCode: string | null,
  productId: string | null,
): InstanceMode {
  const fromCacheMode = cacheMode ? CACHE_MODES[cacheMode.trim().toLowerCase()] : undefined
  if (fromCacheMode) return fromCacheMode
  for (const code of [resourceSpecCode, specCode, productId]) {
    const mode = code ? modeFromSpecCode(code) : 'unknown'
    if (mode !== 'unknown') return mode
  }
  return 'unknown'
}

/**
 * `dcs.single_node` / `dcs.master_standby` / `dcs.cluster` (Redis 3.0), flavor codes such as
 * `redis.ha.xu1.large.r2.1` (4.0+), product ids `<flavor>-h` and `OTC_DCS_MS`.
 */
export function modeFromSpecCode(code: string): InstanceMode {
  const lower = code.trim().toLowerCase()
  const product = PRODUCT_MODES[lower]
  if (product) return product
  const parts = lower.replace(/-h$/, '').split('.')
  if (parts.includes('ha_rw_split') || parts.includes('rw_split')) return 'rw_split'
  if (parts.includes('single') || parts.includes('single_node')) return 'single'
  if (parts.includes('ha') || parts.includes('master_standby')) return 'master_standby'
  if (parts.includes('proxy')) return 'proxy'
  if (parts.includes('cluster')) return 'cluster'
  return 'unknown'
}

function readBackupPolicy(f: FieldReader): BackupPolicy | null {
  const key = f.has('instance_backup_policy') ? 'instance_backup_policy' : 'backup_policy'
  const outer = f.nested(key)
  if (!outer) return null
  const policy = outer.nested('policy')
  const plan = policy?.nested('periodical_backup_plan') ?? null
  const slot = plan?.text('begin_at') ?? null
  const result: BackupPolicy = {
    policyId: outer.text('backup_policy_id'),
    backupType: policy?.text('backup_type') ?? null,
    saveDays: policy?.read('save_days', amountField) ?? null,
    periodType: plan?.text('period_type') ?? null,
    weekdays: plan ? readWeekdays(plan) : [],
    beginAt: slot ? slotStart(plan, slot) : null,
    slot,
    timezoneOffset: plan?.text('timezone_offset') ?? null,
    createdAt: outer.text('created_at'),
    updatedAt: outer.text('updated_at'),
  }
  if (plan) policy?.adopt(plan)
  if (policy) outer.adopt(policy)
  f.adopt(outer)
  return result
}

/** ISO weekdays 1–7; strings "1" are accepted (some examples send them). */
function readWeekdays(plan: FieldReader): number[] {
  const values = plan.read('backup_at', {
    check: (value) => listOf(value, numberOrNumericText),
    expected: 'a list of weekdays 1–7',
  })
  if (!values) return []
  const days = values.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
  if (days.length !== values.length) {
    plan.problem('backup_at', `expected weekdays 1–7, got ${JSON.stringify(values)}`)
  }
  return [...new Set(days)].sort((a, b) => a - b)
}

/** "00:00-01:00" → "00:00". */
function slotStart(plan: FieldReader | null, slot: string): string | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(slot.trim())
  if (!match) {
    plan?.problem('begin_at', `expected a slot like "00:00-01:00", got ${describe(slot)}`)
    return null
  }
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

/** For problem messages: the string "abc", the number 5, an object, a list … */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value
    return `the string ${JSON.stringify(shown)}`
  }
  if (typeof value === 'number') return `the number ${value}`
  if (typeof value === 'boolean') return `${value}`
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
