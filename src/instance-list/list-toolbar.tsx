import { useEffect, useId, useRef, useState } from 'react'
import { modeLabel } from '@/dcs/instance-facts'
import type { InstanceMode, ProjectInfo } from '@/dcs/model'
import { STATUS_CLASS_LABEL, STATUS_CLASS_ORDER, statusInfo } from '@/dcs/statuses'
import type { SortKey } from '@/dcs/fleet-view'
import { defaultDirection, hasActiveFilter, MODES, SORT_KEYS, type ListView } from './list-params'

const SORT_LABELS: Record<SortKey, string> = {
  severity: 'Severity',
  name: 'Name',
  memory: 'Memory %',
  created: 'Created',
}

/** Typing pauses this long before the URL (and the history) follows. */
const SEARCH_DELAY_MS = 250

const field = 'rounded-md border border-line bg-surface-raised px-2.5 py-1.5 text-sm text-ink'

function Select({
  label,
  value,
  onChange,
  children,
  width = 'sm:w-40',
}: {
  label: string
  value: string
  onChange: (value: string) => void
  children: React.ReactNode
  /** Fixed, so the toolbar does not shift when the options arrive with the data. */
  width?: string
}) {
  const id = useId()
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${width}`}>
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${field} w-full`}
      >
        {children}
      </select>
    </div>
  )
}

/**
 * The fleet's values plus the one a link chose when none of the fleet has it now, so the select
 * shows what filters the list ("Memcached (none now)") instead of falling back to "All …".
 */
function withCurrent<T extends string>(
  present: readonly T[],
  current: string,
): { value: T; absent: boolean }[] {
  const options = present.map((value) => ({ value, absent: false }))
  const missing =
    current !== '' &&
    current !== 'custom' &&
    !present.some((p) => p.toLowerCase() === current.toLowerCase())
  return missing ? [...options, { value: current as T, absent: true }] : options
}

const NONE_NOW = ' (none now)'

/** The status select combines classes and single statuses: `class:failed` or `status:ERROR`. */
function statusValue(view: ListView): string {
  if (view.statusClasses.length === 1 && view.statuses.length === 0)
    return `class:${view.statusClasses[0]}`
  if (view.statuses.length === 1 && view.statusClasses.length === 0)
    return `status:${view.statuses[0]}`
  if (view.statusClasses.length || view.statuses.length) return 'custom'
  return ''
}

export function ListToolbar({
  view,
  onChange,
  statuses,
  engines,
  modes,
  projects,
}: {
  view: ListView
  onChange: (patch: Partial<ListView>, options?: { replace?: boolean }) => void
  statuses: string[]
  engines: string[]
  modes: InstanceMode[]
  /** Offered as a filter when more than one project is listed. */
  projects: ProjectInfo[]
}) {
  const searchId = useId()
  // The field keeps its own text and writes it to the URL once typing pauses: a field controlled
  // by the URL alone drops keystrokes typed while a navigation is under way.
  const [text, setText] = useState(view.query)
  // The URL's query as last seen, and the one this field asked for last.
  const [seen, setSeen] = useState(view.query)
  const [requested, setRequested] = useState(view.query)
  if (seen !== view.query) {
    setSeen(view.query)
    // Back/Forward or a link changed the query (not this field's own write arriving): show it.
    if (view.query !== requested) {
      setText(view.query)
      setRequested(view.query)
    }
  }
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const onSearch = (query: string) => {
    setText(query)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => {
      setRequested(query)
      // The first search adds a history entry; refining it replaces that entry.
      onChange({ query }, { replace: view.query.trim() !== '' && query.trim() !== '' })
    }, SEARCH_DELAY_MS)
  }
  const status = statusValue(view)
  // Multi-value filters from a hand-written URL are kept and shown as one choice.
  const engine =
    view.engines.length === 1 ? (view.engines[0] ?? '') : view.engines.length ? 'custom' : ''
  const mode = view.modes.length === 1 ? (view.modes[0] ?? '') : view.modes.length ? 'custom' : ''
  const project =
    view.projectIds.length === 1
      ? (view.projectIds[0] ?? '')
      : view.projectIds.length
        ? 'custom'
        : ''

  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-[14rem] flex-1 flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium text-ink-muted">
          Search name, ID or IP
        </label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder="e.g. cart or 192.168.0.61"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onSearch(e.target.value)}
          className={field}
        />
      </div>
      <Select
        label="Status"
        width="sm:w-56"
        value={status}
        onChange={(value) => {
          const [kind, name = ''] = value.split(':')
          onChange({
            statusClasses: kind === 'class' ? STATUS_CLASS_ORDER.filter((c) => c === name) : [],
            statuses: kind === 'status' ? [name] : [],
          })
        }}
      >
        <option value="">All statuses</option>
        {status === 'custom' && <option value="custom">Several (from link)</option>}
        <optgroup label="Classes">
          {STATUS_CLASS_ORDER.map((c) => (
            <option key={c} value={`class:${c}`}>
              {STATUS_CLASS_LABEL[c]}
            </option>
          ))}
        </optgroup>
        <optgroup label="Statuses">
          {withCurrent(statuses, view.statuses.length === 1 ? (view.statuses[0] ?? '') : '').map(
            ({ value: s, absent }) => (
              <option key={s} value={`status:${s.toUpperCase()}`}>
                {s} ({statusInfo(s).label}){absent && NONE_NOW}
              </option>
            ),
          )}
        </optgroup>
      </Select>
      <Select label="Engine" value={engine} onChange={(v) => onChange({ engines: v ? [v] : [] })}>
        <option value="">All engines</option>
        {engine === 'custom' && <option value="custom">Several (from link)</option>}
        {withCurrent(engines, engine).map(({ value: e, absent }) => (
          <option key={e} value={e}>
            {e}
            {absent && NONE_NOW}
          </option>
        ))}
      </Select>
      <Select
        label="Mode"
        value={mode}
        onChange={(v) => onChange({ modes: MODES.filter((m) => m === v) })}
      >
        <option value="">All modes</option>
        {mode === 'custom' && <option value="custom">Several (from link)</option>}
        {withCurrent(modes, mode).map(({ value: m, absent }) => (
          <option key={m} value={m}>
            {m === 'unknown' ? 'Unknown mode' : modeLabel(m)}
            {absent && NONE_NOW}
          </option>
        ))}
      </Select>
      {projects.length > 1 && (
        <Select
          label="Project"
          value={project}
          onChange={(v) => onChange({ projectIds: v ? [v] : [] })}
        >
          <option value="">All projects</option>
          {project === 'custom' && <option value="custom">Several (from link)</option>}
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.region})
            </option>
          ))}
        </Select>
      )}
      <Select
        label="Sort by"
        value={view.sort}
        onChange={(v) => {
          const sort = SORT_KEYS.find((k) => k === v) ?? 'severity'
          onChange({ sort, direction: defaultDirection(sort) })
        }}
      >
        {SORT_KEYS.map((k) => (
          <option key={k} value={k}>
            {SORT_LABELS[k]}
          </option>
        ))}
      </Select>
      <button
        type="button"
        className={field}
        onClick={() => onChange({ direction: view.direction === 'asc' ? 'desc' : 'asc' })}
        aria-label={`Sort direction: ${directionText(view)}. Reverse`}
      >
        {view.direction === 'asc' ? '▲' : '▼'} {directionText(view)}
      </button>
      {hasActiveFilter(view) && (
        <button
          type="button"
          className="rounded-md px-2.5 py-1.5 text-sm text-accent underline"
          onClick={() =>
            onChange({
              query: '',
              statusClasses: [],
              statuses: [],
              engines: [],
              modes: [],
              projectIds: [],
            })
          }
        >
          Clear filters
        </button>
      )}
    </div>
  )
}

function directionText(view: ListView): string {
  const asc = view.direction === 'asc'
  switch (view.sort) {
    case 'severity':
      return asc ? 'worst first' : 'healthiest first'
    case 'name':
      return asc ? 'A to Z' : 'Z to A'
    case 'memory':
      return asc ? 'lowest first' : 'highest first'
    case 'created':
      return asc ? 'oldest first' : 'newest first'
  }
}
