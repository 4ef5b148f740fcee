import { memo } from 'react'
import { describeErrorCode } from '@/dcs/error-codes'
import { severityGroup, displayName } from '@/dcs/fleet-view'
import { engineLabel, modeLabel } from '@/dcs/instance-facts'
import { maintenanceWindow } from '@/dcs/maintenance-window'
import { formatPercent, memoryUsage, type MemoryThresholds } from '@/dcs/memory'
import type { Instance, StatusClass } from '@/dcs/model'
import { statusInfo } from '@/dcs/statuses'
import { cn } from '@/ui/cn'
import { statusIcons } from '@/ui/status-badge'
import { useNow } from '@/ui/use-now'

const frame: Record<StatusClass, string> = {
  failed: 'border-status-failed bg-status-failed/15',
  stopped: 'border-status-stopped bg-status-stopped/10',
  progress: 'border-status-progress bg-surface-raised',
  healthy: 'border-status-healthy/70 bg-surface-raised',
  unknown: 'border-status-unknown bg-surface-raised',
}

const statusText: Record<StatusClass, string> = {
  failed: 'text-status-failed',
  stopped: 'text-status-stopped',
  progress: 'text-status-progress',
  healthy: 'text-status-healthy',
  unknown: 'text-status-unknown',
}

const memoryFill = {
  ok: 'bg-memory-ok',
  warning: 'bg-memory-warning',
  critical: 'bg-memory-critical',
  unknown: 'bg-memory-track',
} as const

const memoryText = {
  ok: 'text-ink',
  warning: 'text-memory-warning',
  critical: 'text-memory-critical',
  unknown: 'text-ink-muted',
} as const

/** Only instances with a window tick (once a minute), not the tile around them. */
function InMaintenance({ begin, end }: { begin: string; end: string }) {
  const now = useNow(60_000)
  if (!maintenanceWindow(begin, end, now)?.inWindowNow) return null
  return <span className="font-semibold text-status-progress">In maintenance now</span>
}

function errorLine(code: string): string {
  const info = describeErrorCode(code)
  return info.message ? `${info.code}: ${info.message}` : `Error ${info.code}`
}

/**
 * One instance on the wall. Sized in em of the grid's font, so the layout scales it. Memoized:
 * a poll keeps unchanged instances as the same objects (structural sharing of the query data),
 * so their tiles do not render again.
 */
export const WallTile = memo(function WallTile({
  instance,
  thresholds,
  projectLabel,
}: {
  instance: Instance
  thresholds: MemoryThresholds
  projectLabel: string | null
}) {
  const info = statusInfo(instance.status)
  const Icon = statusIcons[info.statusClass]
  const usage = memoryUsage(instance.usedMemoryMb, instance.maxMemoryMb, thresholds)
  const group = severityGroup(instance, thresholds)
  const facts = [
    engineLabel(instance),
    instance.mode !== 'unknown' ? modeLabel(instance.mode) : null,
    (instance.azCodes.length ? instance.azCodes : instance.availableZones).join(', ') || null,
  ].filter(Boolean)
  const memoryLabel =
    usage.level === 'critical' ? ' critical' : usage.level === 'warning' ? ' high' : ''

  return (
    <li
      data-testid="wall-tile"
      data-instance-id={instance.id}
      data-severity={group}
      className={cn(
        'flex min-h-0 min-w-0 flex-col justify-between overflow-hidden rounded-[0.45em] border border-l-[0.4em] px-[0.7em] py-[0.5em] leading-tight',
        frame[info.statusClass],
      )}
    >
      <div className="min-w-0">
        <p className="truncate text-[1.3em] font-bold" title={displayName(instance)}>
          {displayName(instance)}
        </p>
        <p className="flex min-w-0 items-center justify-between gap-[0.5em]">
          <span
            className={cn(
              'flex min-w-0 items-center gap-[0.3em] font-semibold',
              statusText[info.statusClass],
            )}
          >
            <Icon
              className={cn(
                'size-[1.1em] shrink-0',
                info.statusClass === 'progress' && 'motion-pulse',
              )}
            />
            <span className="truncate">{info.status.trim() || 'NO STATUS'}</span>
          </span>
          <span className={cn('shrink-0 font-semibold tabular-nums', memoryText[usage.level])}>
            {usage.percent === null ? 'mem –' : formatPercent(usage.percent)}
            {memoryLabel && <span className="text-[0.75em] uppercase">{memoryLabel}</span>}
          </span>
        </p>
      </div>
      <div
        {...(usage.percent === null
          ? { 'aria-hidden': true }
          : {
              role: 'meter',
              'aria-label': `Memory used by ${displayName(instance)}`,
              'aria-valuemin': 0,
              'aria-valuemax': Math.max(100, Math.ceil(usage.percent)),
              'aria-valuenow': Math.round(usage.percent * 10) / 10,
              'aria-valuetext': formatPercent(usage.percent),
            })}
        className="h-[0.4em] w-full shrink-0 overflow-hidden rounded-full bg-memory-track"
      >
        <div
          className={cn('h-full rounded-full', memoryFill[usage.level])}
          style={{ width: `${usage.percent === null ? 0 : Math.min(100, usage.percent)}%` }}
        />
      </div>
      {/* Never below 12 px (a 720p screen at the smallest tile font): readable across a room. */}
      <p data-testid="wall-tile-facts" className="truncate text-[max(0.85em,12px)] text-ink-muted">
        {facts.join(' · ') || 'No engine details'}
        {projectLabel && ` · ${projectLabel}`}
      </p>
      <p className="line-clamp-2 text-[0.95em]">
        {instance.errorCode ? (
          <span
            className={cn('font-semibold', statusText.failed)}
            title={errorLine(instance.errorCode)}
          >
            {errorLine(instance.errorCode)}
          </span>
        ) : instance.maintainBegin && instance.maintainEnd ? (
          <InMaintenance begin={instance.maintainBegin} end={instance.maintainEnd} />
        ) : null}
        {'\u00a0'}
      </p>
    </li>
  )
})

/**
 * A healthy instance when space is short: the name, then icon, status text and memory percent.
 * The same width as a full tile and about half its height; status still by icon and text.
 */
export const CompactWallTile = memo(function CompactWallTile({
  instance,
  thresholds,
  projectLabel,
  startsRow = false,
}: {
  instance: Instance
  thresholds: MemoryThresholds
  projectLabel: string | null
  /** The first compact tile after full ones begins a row of its own. */
  startsRow?: boolean
}) {
  const info = statusInfo(instance.status)
  const Icon = statusIcons[info.statusClass]
  const usage = memoryUsage(instance.usedMemoryMb, instance.maxMemoryMb, thresholds)
  const name = displayName(instance)
  return (
    <li
      data-testid="wall-tile"
      data-instance-id={instance.id}
      data-severity={severityGroup(instance, thresholds)}
      data-compact=""
      className={cn(
        'flex min-h-0 min-w-0 flex-col justify-center overflow-hidden rounded-[0.45em] border border-l-[0.4em] px-[0.7em] py-[0.3em] leading-tight',
        frame[info.statusClass],
        startsRow && 'col-start-1',
      )}
    >
      <p
        className="truncate text-[1.3em] font-bold"
        title={projectLabel ? `${name} · ${projectLabel}` : name}
      >
        {name}
      </p>
      <p className="flex min-w-0 items-center justify-between gap-[0.5em]">
        <span
          className={cn(
            'flex min-w-0 items-center gap-[0.3em] font-semibold',
            statusText[info.statusClass],
          )}
        >
          <Icon className="size-[1.1em] shrink-0" />
          <span className="truncate">{info.status.trim() || 'NO STATUS'}</span>
        </span>
        <span className={cn('shrink-0 font-semibold tabular-nums', memoryText[usage.level])}>
          {usage.percent === null ? 'mem –' : formatPercent(usage.percent)}
        </span>
      </p>
    </li>
  )
})
