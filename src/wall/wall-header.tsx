import type { MemoryCounts, StatusClassCounts } from '@/dcs/fleet-view'
import { formatClock, formatRelative } from '@/dcs/format-time'
import type { StatusClass } from '@/dcs/model'
import { STATUS_CLASS_LABEL, STATUS_CLASS_ORDER } from '@/dcs/statuses'
import { cn } from '@/ui/cn'
import { statusIcons } from '@/ui/status-badge'
import { useNow } from '@/ui/use-now'

const tone: Record<StatusClass, string> = {
  failed: 'text-status-failed',
  stopped: 'text-status-stopped',
  progress: 'text-status-progress',
  healthy: 'text-status-healthy',
  unknown: 'text-status-unknown',
}

function Clock() {
  const now = useNow(1000)
  return (
    <time
      dateTime={now.toISOString()}
      className="text-[1.9em] leading-none font-semibold tabular-nums"
    >
      {formatClock(now, undefined, false)}
    </time>
  )
}

function UpdatedAgo({ updatedAt }: { updatedAt: number }) {
  const now = useNow(1000)
  return <span className="tabular-nums">updated {formatRelative(new Date(updatedAt), now)}</span>
}

function Count({
  value,
  label,
  className,
  icon,
}: {
  value: number
  label: string
  className: string
  icon?: React.ReactNode
}) {
  return (
    <li
      className={cn(
        'flex shrink-0 items-baseline gap-[0.3em] whitespace-nowrap',
        value === 0 && 'opacity-70',
      )}
    >
      {icon}
      <span
        className={cn('text-[1.6em] leading-none font-bold tabular-nums', value > 0 && className)}
      >
        {value}
      </span>
      <span className="text-ink-muted">{label}</span>
    </li>
  )
}

/** Counts per status class, total, where the data comes from, a clock and its age. */
export function WallHeader({
  counts,
  memory,
  total,
  shown,
  scope,
  updatedAt,
  page,
  pageCount,
  loading = false,
}: {
  counts: StatusClassCounts
  memory: MemoryCounts
  total: number
  /** Instances on the wall after the status filter. */
  shown: number
  scope: string
  updatedAt: number
  page: number
  pageCount: number
  /** Before every project has answered once: no counts yet. */
  loading?: boolean
}) {
  return (
    // Three blocks side by side that never overlap. The scope ellipsizes its names first, down to
    // a few words; only then are the counts clipped (never drawn over the clock). The counts start
    // right after the scope, so numbers arriving or growing move only what is to their right.
    <header
      data-testid="wall-header"
      className="flex h-[5em] shrink-0 items-center gap-[1.5em] border-b border-line px-[1em]"
    >
      <div className="min-w-[6em] shrink">
        <h1 className="truncate text-[1.3em] leading-tight font-bold">DCS fleet</h1>
        <p className="truncate text-ink-muted" title={scope} data-testid="wall-scope">
          {scope || '\u00a0'}
        </p>
      </div>
      {/* Not before the fleet is in: counts that grow as projects answer would shift the header. */}
      {!loading && (
        <ul
          aria-label="Instances per status"
          className="flex min-w-0 shrink-[0.001] items-baseline gap-[1.2em] overflow-hidden"
        >
          {STATUS_CLASS_ORDER.filter((c) => c !== 'unknown' || counts.unknown > 0).map((c) => {
            const Icon = statusIcons[c]
            return (
              <Count
                key={c}
                value={counts[c]}
                label={STATUS_CLASS_LABEL[c].toLowerCase()}
                className={tone[c]}
                icon={<Icon className={cn('size-[1.2em] shrink-0 self-center', tone[c])} />}
              />
            )
          })}
          {memory.critical > 0 && (
            <Count
              value={memory.critical}
              label="memory critical"
              className="text-memory-critical"
            />
          )}
          {memory.warning > 0 && (
            <Count value={memory.warning} label="memory high" className="text-memory-warning" />
          )}
          <li className="flex shrink-0 items-baseline gap-[0.3em] border-l border-line pl-[1em] whitespace-nowrap">
            <span className="text-[1.6em] leading-none font-bold tabular-nums">{total}</span>
            <span className="text-ink-muted">
              {shown !== total ? `total, ${shown} shown` : 'total'}
            </span>
          </li>
        </ul>
      )}
      <div className="ml-auto flex shrink-0 flex-col items-end gap-[0.3em]">
        <Clock />
        <p className="flex items-center gap-[0.8em] whitespace-nowrap text-ink-muted">
          {pageCount > 1 && (
            <span className="font-semibold text-ink" data-testid="wall-page">
              page {page} of {pageCount}
            </span>
          )}
          {updatedAt > 0 ? <UpdatedAgo updatedAt={updatedAt} /> : <span>loading</span>}
        </p>
      </div>
    </header>
  )
}
