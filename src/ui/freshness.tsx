import { formatRelative } from '@/dcs/format-time'
import { cn } from './cn'
import { ClockIcon, WarningIcon } from './icons'
import { useNow } from './use-now'

/** "Updated 12 s ago"; ticks every second from one shared clock. */
export function UpdatedAgo({ updatedAt, className }: { updatedAt: number; className?: string }) {
  const now = useNow(1000)
  if (!updatedAt) return null
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 text-xs text-ink-muted tabular-nums',
        className,
      )}
    >
      <ClockIcon className="size-3.5" />
      Updated {formatRelative(new Date(updatedAt), now)}
    </span>
  )
}

/**
 * Shown beside data whose latest refresh failed: the data stays, this says how old it is and why.
 */
export function StaleBanner({
  updatedAt,
  reason,
  className,
}: {
  updatedAt: number
  reason: string
  className?: string
}) {
  const now = useNow(1000)
  return (
    <div
      role="status"
      className={cn(
        'flex items-start gap-2 rounded-lg border border-memory-warning/60 bg-memory-warning/10 px-3 py-2 text-sm',
        className,
      )}
    >
      <WarningIcon className="mt-0.5 size-4 shrink-0 text-memory-warning" />
      <p>
        <strong className="font-semibold">Stale data</strong>: last good update{' '}
        {formatRelative(new Date(updatedAt), now)}. The latest refresh failed: {reason} Retrying
        automatically.
      </p>
    </div>
  )
}
