import { memo, useCallback, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { paths } from '@/app/paths'
import { displayName, type FleetRow, type SortDirection, type SortKey } from '@/dcs/fleet-view'
import { engineLabel, modeLabel } from '@/dcs/instance-facts'
import { formatWindowInZone, maintenanceWindow } from '@/dcs/maintenance-window'
import { capacityLabel } from '@/dcs/memory'
import type { Instance } from '@/dcs/model'
import { formatDateTime, parseTimestamp } from '@/dcs/format-time'
import { cn } from '@/ui/cn'
import { MemoryMeter } from '@/ui/memory-meter'
import { StatusBadge } from '@/ui/status-badge'
import { useNow } from '@/ui/use-now'

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone

function Missing({ what }: { what: string }) {
  return (
    <span className="text-ink-faint" title={`${what} not reported`}>
      –<span className="sr-only">{what} not reported</span>
    </span>
  )
}

function address(instance: Instance): string | null {
  const host = instance.ips[0] ?? instance.domainName
  if (!host) return null
  return instance.port !== null ? `${host}:${instance.port}` : host
}

const dateOnly = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

function Maintenance({ instance }: { instance: Instance }) {
  const now = useNow(60_000)
  const local = formatWindowInZone(instance.maintainBegin, instance.maintainEnd, viewerZone, now)
  if (!local) return <Missing what="Maintenance window" />
  const open = maintenanceWindow(instance.maintainBegin, instance.maintainEnd, now)?.inWindowNow
  return (
    <span className="tabular-nums">
      <span className="whitespace-nowrap">{local}</span>
      {open && (
        <span className="ml-1.5 inline-block rounded bg-status-progress/15 px-1.5 py-0.5 text-xs font-semibold text-status-progress">
          now
        </span>
      )}
    </span>
  )
}

/** Rows are memoized: a poll that changes a few instances re-renders only those rows. */
const InstanceRow = memo(function InstanceRow({
  instance,
  projectId,
  projectLabel,
}: {
  instance: Instance
  projectId: string
  projectLabel: string | null
}) {
  const engine = engineLabel(instance)
  const created = parseTimestamp(instance.createdAt)
  const zones = instance.azCodes.length ? instance.azCodes : instance.availableZones
  const addr = address(instance)
  const extraIps = instance.ips.length > 1 ? instance.ips.length - 1 : 0
  return (
    <tr className="border-t border-line hover:bg-surface-sunken/60">
      <th
        scope="row"
        className="sticky left-0 z-10 max-w-[11rem] bg-surface-raised py-2 pr-1.5 pl-3 text-left font-medium shadow-[1px_0_0_var(--color-line)] 2xl:max-w-[14rem]"
      >
        <Link
          to={paths.instanceDetail.href(projectId, instance.id)}
          className="block truncate text-accent underline-offset-2 hover:underline"
          title={displayName(instance)}
        >
          {displayName(instance)}
        </Link>
        {projectLabel && (
          <span className="block truncate text-xs font-normal text-ink-muted">{projectLabel}</span>
        )}
      </th>
      <td className="px-1.5 py-2 whitespace-nowrap">
        <StatusBadge status={instance.status} />
      </td>
      <td className="px-1.5 py-2 whitespace-nowrap">{engine || <Missing what="Engine" />}</td>
      <td className="px-1.5 py-2 whitespace-nowrap">
        {instance.mode !== 'unknown' ? modeLabel(instance.mode) : <Missing what="Mode" />}
      </td>
      <td className="px-1.5 py-2 text-right whitespace-nowrap tabular-nums">
        {instance.capacityGb !== null ? (
          capacityLabel(instance.capacityGb)
        ) : (
          <Missing what="Capacity" />
        )}
      </td>
      {/* "104.1 % CRITICAL" stays on one line; the amounts move under it when space is short. */}
      <td className="w-36 min-w-[9rem] px-1.5 py-2 [&_span]:whitespace-nowrap [&>div>div:first-child]:flex-wrap [&>div>div:first-child]:gap-y-0">
        <MemoryMeter usedMb={instance.usedMemoryMb} maxMb={instance.maxMemoryMb} />
      </td>
      <td className="px-1.5 py-2 font-mono text-xs tracking-tight whitespace-nowrap">
        {addr ?? <Missing what="Address" />}
        {extraIps > 0 && <span className="ml-1 text-ink-muted">+{extraIps}</span>}
      </td>
      <td className="hidden px-1.5 py-2 text-xs 2xl:table-cell">
        {zones.length ? zones.join(', ') : <Missing what="AZ" />}
      </td>
      <td className="px-1.5 py-2">
        <Maintenance instance={instance} />
      </td>
      <td className="hidden px-1.5 py-2 whitespace-nowrap tabular-nums xl:table-cell">
        {created ? (
          <time dateTime={created.toISOString()} title={formatDateTime(created)}>
            {dateOnly.format(created)}
          </time>
        ) : (
          <Missing what="Creation date" />
        )}
      </td>
    </tr>
  )
})

function SortHeader({
  label,
  sortKey,
  sort,
  direction,
  onSort,
  className,
}: {
  label: string
  sortKey: SortKey
  sort: SortKey
  direction: SortDirection
  onSort: (key: SortKey) => void
  className?: string
}) {
  const active = sort === sortKey
  return (
    <th
      scope="col"
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
      className={cn('px-1.5 py-2 text-left font-semibold', className)}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={cn(
          'inline-flex items-center gap-1 rounded hover:text-ink',
          active ? 'text-ink' : 'text-ink-muted',
        )}
      >
        {label}
        <span aria-hidden="true" className="text-xs">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

export function InstanceTable({
  rows,
  sort,
  direction,
  onSort,
  projectLabels,
  caption,
}: {
  rows: FleetRow[]
  sort: SortKey
  direction: SortDirection
  onSort: (key: SortKey) => void
  /** Project name per id, shown under the name when several projects are listed. */
  projectLabels: Map<string, string> | null
  caption: string
}) {
  const plain = 'px-1.5 py-2 text-left font-semibold text-ink-muted'
  const { ref, onScroll, more } = useMoreToTheRight()
  return (
    <div className="relative">
      {more && (
        <p className="mb-1 text-right text-xs text-ink-muted" aria-hidden="true">
          Scroll sideways for more columns →
        </p>
      )}
      <div
        ref={ref}
        onScroll={onScroll}
        role="region"
        aria-label="Instances table, scrolls sideways"
        tabIndex={0}
        className="relative overflow-x-auto rounded-xl border border-line bg-surface-raised"
      >
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-surface-raised text-xs">
            <tr>
              <SortHeader
                label="Name"
                sortKey="name"
                sort={sort}
                direction={direction}
                onSort={onSort}
                className="sticky left-0 z-10 bg-surface-raised pl-3 shadow-[1px_0_0_var(--color-line)]"
              />
              <SortHeader
                label="Status"
                sortKey="severity"
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className={plain}>
                Engine
              </th>
              <th scope="col" className={plain}>
                Mode
              </th>
              <th scope="col" className={cn(plain, 'text-right')}>
                Capacity
              </th>
              <SortHeader
                label="Memory"
                sortKey="memory"
                sort={sort}
                direction={direction}
                onSort={onSort}
              />
              <th scope="col" className={plain}>
                Address
              </th>
              <th scope="col" className={cn(plain, 'hidden 2xl:table-cell')}>
                AZ
              </th>
              <th scope="col" className={plain}>
                Maintenance
                <span className="block max-w-[9rem] truncate font-normal" title={viewerZone}>
                  {viewerZone}
                </span>
              </th>
              <SortHeader
                label="Created"
                sortKey="created"
                sort={sort}
                direction={direction}
                onSort={onSort}
                className="hidden xl:table-cell"
              />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <InstanceRow
                key={`${row.projectId}/${row.instance.id}`}
                instance={row.instance}
                projectId={row.projectId}
                projectLabel={projectLabels?.get(row.projectId) ?? null}
              />
            ))}
          </tbody>
        </table>
      </div>
      {/* A fade at the right edge says the table goes on past it. */}
      {more && (
        <div
          aria-hidden="true"
          data-testid="scroll-fade"
          className="pointer-events-none absolute right-px bottom-px h-[calc(100%-1.5rem)] w-10 rounded-r-xl bg-linear-to-l from-surface-raised to-transparent"
        />
      )}
    </div>
  )
}

/** Whether the scroll box hides columns to the right (the phone-width case). */
function useMoreToTheRight() {
  const ref = useRef<HTMLDivElement>(null)
  const [more, setMore] = useState(false)
  const onScroll = useCallback(() => {
    const el = ref.current
    if (el) setMore(el.scrollLeft + el.clientWidth < el.scrollWidth - 2)
  }, [])
  useEffect(() => {
    const el = ref.current
    if (!el) return
    onScroll()
    const observer = new ResizeObserver(onScroll)
    observer.observe(el)
    const table = el.firstElementChild
    if (table) observer.observe(table)
    return () => observer.disconnect()
  }, [onScroll])
  return { ref, onScroll, more }
}
