/**
 * The v1 list call: `GET /v1.0/{project_id}/instances?start&limit&name&status&id&ip&include_failure&tags`
 * (REFERENCE §4). Filters, pages and thins the stored detail objects into list rows.
 */
import { dcsErrors, type DcsError } from './dcs-errors.ts'
import { instanceKey, type WireInstance } from './emulator-data.ts'

/**
 * Keys a v1 detail carries but a v1 list row does not: every key of the v1 detail fixtures
 * (otc-docs-v1-get, huaweicloudDocs-v1-get-2018, -example1-get-after-create, python-otcextensions,
 * seed) that appears in none of the v1 list fixtures (otc-docs-v1-list: 40 keys, plus
 * enterprise_project_id from the 2021 list), and `backup_policy`, the SDK's name for the policy.
 * Unknown keys stay in list rows: data files may hold fields no fixture shows.
 */
export const DETAIL_ONLY_KEYS: ReadonlySet<string> = new Set([
  'available_zones',
  'az_codes',
  'backend_addrs',
  'cache_mode',
  'cloud_resource_type_code',
  'cloud_service_type_code',
  'cpu_type',
  'crr_role',
  'db_number',
  'description',
  'enable_ipv6',
  'enterprise_project_name',
  'features',
  'free',
  'inquery_spec_code',
  'instance_backup_policy',
  'ipv6',
  'is_free',
  'launched_at',
  'libos',
  'order_id',
  'product_id',
  'product_type',
  'security_group_name',
  'sharding_count',
  'storage_type',
  'subnet_cidr',
  'subnet_name',
  'support_slow_log_flag',
  'task',
  'task_status',
  'backup_policy',
])

export const DEFAULT_LIST_LIMIT = 1000
export const MAX_LIST_LIMIT = 2000

export type RawQuery = Record<string, string | string[] | undefined>

export interface ListQuery {
  start: number
  limit: number
  name?: string
  status?: string
  id?: string
  ip?: string
  includeFailure: boolean
  tags: { key: string; value?: string }[]
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function positiveInt(
  raw: string | undefined,
  name: string,
  max: number,
): number | DcsError | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw)) return dcsErrors.invalidParameter(name)
  const value = Number(raw)
  if (value < 1 || value > max) return dcsErrors.invalidParameter(name)
  return value
}

/** Validates the query; an error is the 400 answer to give. */
export function parseListQuery(
  query: RawQuery,
): { ok: true; query: ListQuery } | { ok: false; error: DcsError } {
  const start = positiveInt(first(query.start), 'start', Number.MAX_SAFE_INTEGER)
  if (typeof start === 'object') return { ok: false, error: start }
  const limit = positiveInt(first(query.limit), 'limit', MAX_LIST_LIMIT)
  if (typeof limit === 'object') return { ok: false, error: limit }
  const nonEmpty = (key: string) => {
    const value = first(query[key])
    return value === undefined || value === '' ? undefined : value
  }
  const failureFlag = first(query.include_failure) ?? first(query.includeFailure)
  const tags = (nonEmpty('tags') ?? '')
    .split(',')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq < 0 ? { key: pair } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) }
    })
  const parsed: ListQuery = {
    start: start ?? 1,
    limit: limit ?? DEFAULT_LIST_LIMIT,
    name: nonEmpty('name'),
    status: nonEmpty('status'),
    id: nonEmpty('id'),
    ip: nonEmpty('ip'),
    includeFailure: failureFlag === 'true',
    tags,
  }
  return { ok: true, query: parsed }
}

function matchesTags(instance: WireInstance, wanted: ListQuery['tags']): boolean {
  if (wanted.length === 0) return true
  const tags = Array.isArray(instance.tags) ? (instance.tags as unknown[]) : []
  return wanted.every(({ key, value }) =>
    tags.some((tag) => {
      if (typeof tag !== 'object' || tag === null) return false
      const t = tag as Record<string, unknown>
      return String(t.key) === key && (value === undefined || String(t.value) === value)
    }),
  )
}

export function matchesListQuery(instance: WireInstance, query: ListQuery): boolean {
  if (instance.status === 'CREATEFAILED' && !query.includeFailure) return false
  if (query.status !== undefined && instance.status !== query.status) return false
  if (query.id !== undefined && instanceKey(instance) !== query.id) return false
  if (query.name !== undefined) {
    const name = typeof instance.name === 'string' ? instance.name.toLowerCase() : ''
    if (!name.includes(query.name.toLowerCase())) return false
  }
  if (query.ip !== undefined) {
    const ips = typeof instance.ip === 'string' ? instance.ip.split(',').map((ip) => ip.trim()) : []
    if (!ips.includes(query.ip)) return false
  }
  return matchesTags(instance, query.tags)
}

/** A list row: the detail object without detail-only keys, in the stored key order. */
export function toListRow(instance: WireInstance): WireInstance {
  return Object.fromEntries(Object.entries(instance).filter(([key]) => !DETAIL_ONLY_KEYS.has(key)))
}

export function listInstances(
  instances: WireInstance[],
  query: ListQuery,
): { instances: WireInstance[]; instance_num: number } {
  const matching = instances.filter((instance) => matchesListQuery(instance, query))
  const page = matching.slice(query.start - 1, query.start - 1 + query.limit)
  return { instances: page.map(toListRow), instance_num: matching.length }
}
