import { DEFAULT_MEMORY_THRESHOLDS, memoryUsage, type MemoryThresholds } from './memory'
import type { Instance, InstanceMode, StatusClass } from './model'
import { statusClassOf } from './statuses'

/**
 * Fleet-wide views over many instances: the severity order shared by the list and the wall,
 * search, filters and sorting. Plain functions over plain data; the URL shape lives with the
 * callers.
 */

/**
 * Severity groups, worst first (PRODUCT.md): failed, stopped, in progress, then an unknown status
 * (the cloud said something we can not vouch for), then running instances by memory level.
 */
export type SeverityGroup =
  'failed' | 'stopped' | 'progress' | 'unknown' | 'memory-critical' | 'memory-warning' | 'healthy'

export const SEVERITY_ORDER: readonly SeverityGroup[] = [
  'failed',
  'stopped',
  'progress',
  'unknown',
  'memory-critical',
  'memory-warning',
  'healthy',
]

export function severityGroup(
  instance: Pick<Instance, 'status' | 'usedMemoryMb' | 'maxMemoryMb'>,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): SeverityGroup {
  const statusClass = statusClassOf(instance.status)
  if (statusClass !== 'healthy') return statusClass
  const level = memoryUsage(instance.usedMemoryMb, instance.maxMemoryMb, thresholds).level
  if (level === 'critical') return 'memory-critical'
  if (level === 'warning') return 'memory-warning'
  return 'healthy'
}

export function severityRank(
  instance: Pick<Instance, 'status' | 'usedMemoryMb' | 'maxMemoryMb'>,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): number {
  return SEVERITY_ORDER.indexOf(severityGroup(instance, thresholds))
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Display name: an instance without a name is shown (and sorted) by its id. */
export function displayName(instance: Pick<Instance, 'name' | 'id'>): string {
  return instance.name.trim() || instance.id
}

export function compareByName(a: Instance, b: Instance): number {
  return collator.compare(displayName(a), displayName(b)) || a.id.localeCompare(b.id)
}

/** Worst first; by name within a group, so the order is stable from poll to poll. */
export function compareBySeverity(
  a: Instance,
  b: Instance,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): number {
  return severityRank(a, thresholds) - severityRank(b, thresholds) || compareByName(a, b)
}

/** An instance together with the project it was listed in. */
export interface FleetRow {
  projectId: string
  instance: Instance
}

export type SortKey = 'name' | 'severity' | 'memory' | 'created'
export type SortDirection = 'asc' | 'desc'

export interface FleetFilter {
  /** Free text matched against name, id and IPs (case-insensitive, every word must match). */
  query: string
  statusClasses: StatusClass[]
  /** Raw statuses, compared case-insensitively. */
  statuses: string[]
  /** Engine names as shown (`Redis`, `Memcached`), case-insensitive. */
  engines: string[]
  modes: InstanceMode[]
  projectIds: string[]
}

export const EMPTY_FILTER: FleetFilter = {
  query: '',
  statusClasses: [],
  statuses: [],
  engines: [],
  modes: [],
  projectIds: [],
}

function searchText(instance: Instance): string {
  return [instance.name, instance.id, ...instance.ips, instance.domainName ?? '']
    .join(' ')
    .toLowerCase()
}

/** An empty list in a facet means "no restriction". */
export function matchesFilter(row: FleetRow, filter: FleetFilter): boolean {
  const { instance } = row
  if (filter.projectIds.length && !filter.projectIds.includes(row.projectId)) return false
  if (
    filter.statusClasses.length &&
    !filter.statusClasses.includes(statusClassOf(instance.status))
  ) {
    return false
  }
  if (
    filter.statuses.length &&
    !filter.statuses.some((s) => s.toUpperCase() === instance.status.trim().toUpperCase())
  ) {
    return false
  }
  if (
    filter.engines.length &&
    !filter.engines.some((e) => e.toLowerCase() === (instance.engine ?? '').toLowerCase())
  ) {
    return false
  }
  if (filter.modes.length && !filter.modes.includes(instance.mode)) return false
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length) {
    const text = searchText(instance)
    if (!words.every((w) => text.includes(w))) return false
  }
  return true
}

function memoryPercent(instance: Instance): number | null {
  return memoryUsage(instance.usedMemoryMb, instance.maxMemoryMb).percent
}

function createdTime(instance: Instance): number | null {
  if (!instance.createdAt) return null
  const time = Date.parse(instance.createdAt)
  return Number.isNaN(time) ? null : time
}

/** Missing values (no memory figures, no creation date) go last in either direction. */
function compareNullable(a: number | null, b: number | null, direction: SortDirection): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  return direction === 'asc' ? a - b : b - a
}

/**
 * Sorts a copy. Ties fall back to severity and name so equal rows never swap places between polls.
 * "severity asc" means worst first.
 */
export function sortRows(
  rows: readonly FleetRow[],
  key: SortKey,
  direction: SortDirection,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): FleetRow[] {
  const sign = direction === 'asc' ? 1 : -1
  const tieBreak = (a: FleetRow, b: FleetRow) =>
    compareBySeverity(a.instance, b.instance, thresholds) || a.projectId.localeCompare(b.projectId)
  const compare = (a: FleetRow, b: FleetRow): number => {
    switch (key) {
      case 'name':
        return (
          sign * compareByName(a.instance, b.instance) || a.projectId.localeCompare(b.projectId)
        )
      case 'severity':
        return (
          sign * (severityRank(a.instance, thresholds) - severityRank(b.instance, thresholds)) ||
          compareByName(a.instance, b.instance)
        )
      case 'memory':
        return (
          compareNullable(memoryPercent(a.instance), memoryPercent(b.instance), direction) ||
          tieBreak(a, b)
        )
      case 'created':
        return (
          compareNullable(createdTime(a.instance), createdTime(b.instance), direction) ||
          tieBreak(a, b)
        )
    }
  }
  return [...rows].sort(compare)
}

export type StatusClassCounts = Record<StatusClass, number>

export function countByStatusClass(instances: Iterable<Instance>): StatusClassCounts {
  const counts: StatusClassCounts = { failed: 0, stopped: 0, progress: 0, healthy: 0, unknown: 0 }
  for (const instance of instances) counts[statusClassOf(instance.status)] += 1
  return counts
}

export interface MemoryCounts {
  critical: number
  warning: number
}

/** Running instances whose memory is at or above the thresholds. */
export function countMemoryAlerts(
  instances: Iterable<Instance>,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): MemoryCounts {
  const counts: MemoryCounts = { critical: 0, warning: 0 }
  for (const instance of instances) {
    const group = severityGroup(instance, thresholds)
    if (group === 'memory-critical') counts.critical += 1
    else if (group === 'memory-warning') counts.warning += 1
  }
  return counts
}

/** Distinct values present in the fleet, for filter menus (sorted, as the cloud spells them). */
export function distinctValues(values: Iterable<string | null>): string[] {
  const seen = new Map<string, string>()
  for (const value of values) {
    const text = value?.trim()
    if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text)
  }
  return [...seen.values()].sort((a, b) => collator.compare(a, b))
}

/** The engines DCS offers; a link naming any other engine can never match and is dropped. */
export const KNOWN_ENGINES: readonly string[] = ['Redis', 'Memcached']

/** What a filter value may name: the configured projects and the known statuses and engines. */
export interface FilterVocabulary {
  projectIds: readonly string[]
  /** Known statuses plus the ones the fleet reports now (the cloud may add new ones). */
  statuses: readonly string[]
  /** Known engines plus the ones the fleet reports now. */
  engines: readonly string[]
}

/**
 * Drops filter values that name nothing that could ever exist (a project this dashboard does not
 * watch, a status or engine nobody knows), so the controls never claim "All …" while a hidden
 * value empties the list. Values that merely match nothing at the moment are kept. Engines take
 * the vocabulary's spelling (`redis` → `Redis`), statuses are upper case.
 */
export function sanitizeFilter<F extends FleetFilter>(filter: F, vocabulary: FilterVocabulary): F {
  const canonical = (allowed: readonly string[], value: string) =>
    allowed.find((a) => a.trim().toLowerCase() === value.trim().toLowerCase())
  const keep = (values: string[], allowed: readonly string[]) => [
    ...new Set(values.flatMap((v) => canonical(allowed, v) ?? [])),
  ]
  return {
    ...filter,
    projectIds: filter.projectIds.filter((id) => vocabulary.projectIds.includes(id)),
    statuses: keep(filter.statuses, vocabulary.statuses).map((s) => s.trim().toUpperCase()),
    engines: keep(filter.engines, vocabulary.engines),
  }
}
