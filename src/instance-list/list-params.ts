import {
  sanitizeFilter,
  type FilterVocabulary,
  type FleetFilter,
  type SortDirection,
  type SortKey,
} from '@/dcs/fleet-view'
import type { InstanceMode, StatusClass } from '@/dcs/model'
import { STATUS_CLASS_ORDER } from '@/dcs/statuses'

/**
 * The list's whole view state lives in the URL query, so a copied link reproduces it and
 * Back/Forward step through it. Unknown or malformed values fall back to defaults.
 *
 * `?q=cart&class=failed,stopped&status=ERROR&engine=Redis&mode=cluster&project=…&sort=memory&dir=desc&page=2&size=50`
 */
export interface ListView extends FleetFilter {
  sort: SortKey
  direction: SortDirection
  /** 1-based. */
  page: number
  pageSize: number
}

export const PAGE_SIZES = [25, 50, 100, 200] as const
export const DEFAULT_PAGE_SIZE = 50

export const SORT_KEYS: readonly SortKey[] = ['severity', 'name', 'memory', 'created']
export const MODES: readonly InstanceMode[] = [
  'single',
  'master_standby',
  'cluster',
  'proxy',
  'rw_split',
  'unknown',
]

/** Name and severity read naturally A→Z / worst first; numbers read biggest/newest first. */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === 'memory' || sort === 'created' ? 'desc' : 'asc'
}

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return allowed.find((a) => a === value) ?? null
}

export function parseListView(params: URLSearchParams): ListView {
  const sort = oneOf(SORT_KEYS, params.get('sort')) ?? 'severity'
  const direction = oneOf(['asc', 'desc'] as const, params.get('dir')) ?? defaultDirection(sort)
  const page = Number(params.get('page'))
  const size = Number(params.get('size'))
  return {
    query: (params.get('q') ?? '').slice(0, 200),
    statusClasses: unique(
      list(params, 'class').flatMap((c): StatusClass[] => {
        const found = oneOf(STATUS_CLASS_ORDER, c.toLowerCase())
        return found ? [found] : []
      }),
    ),
    statuses: unique(list(params, 'status').map((s) => s.toUpperCase())),
    engines: unique(list(params, 'engine')),
    modes: unique(
      list(params, 'mode').flatMap((m): InstanceMode[] => {
        const found = oneOf(MODES, m)
        return found ? [found] : []
      }),
    ),
    projectIds: unique(list(params, 'project')),
    sort,
    direction,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.find((s) => s === size) ?? DEFAULT_PAGE_SIZE,
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

/** The shortest query for a view: defaults are left out so links stay readable. */
export function listViewToParams(view: ListView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.query.trim()) params.set('q', view.query)
  if (view.statusClasses.length) params.set('class', view.statusClasses.join(','))
  if (view.statuses.length) params.set('status', view.statuses.join(','))
  if (view.engines.length) params.set('engine', view.engines.join(','))
  if (view.modes.length) params.set('mode', view.modes.join(','))
  if (view.projectIds.length) params.set('project', view.projectIds.join(','))
  if (view.sort !== 'severity') params.set('sort', view.sort)
  if (view.direction !== defaultDirection(view.sort)) params.set('dir', view.direction)
  if (view.page > 1) params.set('page', String(view.page))
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(view.pageSize))
  return params
}

export function hasActiveFilter(view: ListView): boolean {
  return Boolean(
    view.query.trim() ||
    view.statusClasses.length ||
    view.statuses.length ||
    view.engines.length ||
    view.modes.length ||
    view.projectIds.length,
  )
}

const FILTER_KEYS = ['class', 'status', 'engine', 'mode', 'project'] as const

/**
 * The view a link shows once filter values naming nothing that exists (an unwatched project, an
 * unknown status, class, engine or mode) are dropped, and the link to replace the current one with
 * when that dropped or respelled anything (null when the link is already clean).
 */
export function cleanListParams(
  params: URLSearchParams,
  vocabulary: FilterVocabulary,
): { view: ListView; replaceWith: URLSearchParams | null } {
  const view = sanitizeFilter(parseListView(params), vocabulary)
  const next = listViewToParams(view)
  const changed = FILTER_KEYS.some((key) => params.getAll(key).join(',') !== (next.get(key) ?? ''))
  return { view, replaceWith: changed ? next : null }
}
