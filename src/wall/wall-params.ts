import { DEFAULT_MEMORY_THRESHOLDS, type MemoryThresholds } from '@/dcs/memory'
import type { StatusClass } from '@/dcs/model'
import { KNOWN_STATUSES, STATUS_CLASS_ORDER, statusClassOf } from '@/dcs/statuses'

/**
 * The wall is configured by its URL alone, so one link sets up a TV. A value that can not be used
 * falls back to its default (and is reported in `ignored`), never to an error screen.
 *
 * `/wall?projects=<id>,<id>&status=failed,stopped&refresh=30&page=20&theme=dark&warn=75&crit=90`
 *
 * `status` takes status classes (failed, stopped, progress, healthy, unknown) and single statuses
 * (ERROR, FROZEN, …) mixed, in any case: `status=failed,FROZEN`.
 */
export interface WallParams {
  /** Project ids to show; null = every configured project. */
  projects: string[] | null
  /** Status classes to show; null = none chosen by class. */
  statusClasses: StatusClass[] | null
  /** Single statuses to show (upper case), besides whole classes; null = none chosen singly. */
  statuses: string[] | null
  /** Poll interval in seconds; null = the server's default. */
  refreshSeconds: number | null
  /** Seconds each page stays on screen when the fleet needs several. */
  pageSeconds: number
  theme: 'dark' | 'light'
  thresholds: MemoryThresholds
  /**
   * What of the link was not used: a parameter's name when its whole value was dropped, or
   * `status: <values>` for the unusable values of a status list whose other values apply.
   */
  ignored: string[]
}

export const WALL_DEFAULTS = {
  pageSeconds: 20,
  theme: 'dark',
  refresh: { min: 2, max: 3600 },
  page: { min: 3, max: 3600 },
} as const

/** A whole or decimal number of seconds within bounds, else null. */
function seconds(value: string | null, bounds: { min: number; max: number }): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim().replace(/s$/i, '')
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  const n = Number(text)
  return n >= bounds.min && n <= bounds.max ? n : null
}

function percent(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim().replace(/%$/, '')
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  const n = Number(text)
  return n > 0 && n <= 100 ? n : null
}

function items(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

/** Whether an instance's status passes the screen's status filter (none given: every one does). */
export function matchesStatusFilter(
  status: string,
  filter: Pick<WallParams, 'statusClasses' | 'statuses'>,
): boolean {
  if (!filter.statusClasses && !filter.statuses) return true
  if (filter.statusClasses?.includes(statusClassOf(status))) return true
  return filter.statuses?.includes(status.trim().toUpperCase()) ?? false
}

export function parseWallParams(search: URLSearchParams | string): WallParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const ignored: string[] = []
  const has = (name: string) => params.has(name) && (params.get(name) ?? '').trim() !== ''

  const projectList = [
    ...new Set(items(params.get('projects')).filter((p) => /^[A-Za-z0-9_-]+$/.test(p))),
  ]
  if (has('projects') && projectList.length === 0) ignored.push('projects')

  const requested = items(params.get('status'))
  const requestedClasses = requested.map((s) => s.toLowerCase())
  const requestedStatuses = requested.map((s) => s.toUpperCase())
  const classes = STATUS_CLASS_ORDER.filter((c) => requestedClasses.includes(c))
  // Severity order, then the order of the status table; a status whose class is chosen is covered.
  const statuses = KNOWN_STATUSES.filter(
    (s) => requestedStatuses.includes(s) && !classes.includes(statusClassOf(s)),
  ).sort(
    (a, b) =>
      STATUS_CLASS_ORDER.indexOf(statusClassOf(a)) - STATUS_CLASS_ORDER.indexOf(statusClassOf(b)),
  )
  const usable = (value: string) =>
    STATUS_CLASS_ORDER.some((c) => c === value.toLowerCase()) ||
    KNOWN_STATUSES.includes(value.toUpperCase())
  // Name the values that were dropped, not the whole parameter: the rest of it applies.
  const unusable = requested.filter((value) => !usable(value))
  if (unusable.length) ignored.push(`status: ${unusable.join(', ')}`)

  const refreshSeconds = seconds(params.get('refresh'), WALL_DEFAULTS.refresh)
  if (has('refresh') && refreshSeconds === null) ignored.push('refresh')

  const pageSeconds = seconds(params.get('page'), WALL_DEFAULTS.page)
  if (has('page') && pageSeconds === null) ignored.push('page')

  const themeText = (params.get('theme') ?? '').trim().toLowerCase()
  const theme = themeText === 'light' ? 'light' : 'dark'
  if (themeText !== '' && themeText !== 'light' && themeText !== 'dark') ignored.push('theme')

  let warning = percent(params.get('warn'))
  let critical = percent(params.get('crit'))
  if (has('warn') && warning === null) ignored.push('warn')
  if (has('crit') && critical === null) ignored.push('crit')
  warning ??= DEFAULT_MEMORY_THRESHOLDS.warning
  critical ??= DEFAULT_MEMORY_THRESHOLDS.critical
  if (warning >= critical) {
    // Only one of them given and it crosses the default of the other: keep the pair consistent.
    ignored.push('warn', 'crit')
    warning = DEFAULT_MEMORY_THRESHOLDS.warning
    critical = DEFAULT_MEMORY_THRESHOLDS.critical
  }

  return {
    projects: projectList.length ? projectList : null,
    statusClasses: classes.length ? classes : null,
    statuses: statuses.length ? statuses : null,
    refreshSeconds,
    pageSeconds: pageSeconds ?? WALL_DEFAULTS.pageSeconds,
    theme,
    thresholds: { warning, critical },
    ignored: [...new Set(ignored)],
  }
}
