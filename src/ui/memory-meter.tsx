import { formatMegabytes, formatPercent, memoryUsage, type MemoryThresholds } from '@/dcs/memory'
import { cn } from './cn'

const fills = {
  ok: 'bg-memory-ok',
  warning: 'bg-memory-warning',
  critical: 'bg-memory-critical',
  unknown: 'bg-memory-track',
} as const

const texts = {
  ok: 'text-ink',
  warning: 'text-memory-warning',
  critical: 'text-memory-critical',
  unknown: 'text-ink-muted',
} as const

/**
 * A used/max memory bar exposed as `role="meter"` with the percent as its value. Values above
 * 100 % are shown as they are (the bar is full, the number says how far over). When the
 * percent can not be known (max 0 or missing) it says so instead of drawing a bar.
 */
export function MemoryMeter({
  usedMb,
  maxMb,
  thresholds,
  size = 'sm',
  className,
}: {
  usedMb: number | null
  maxMb: number | null
  thresholds?: MemoryThresholds
  size?: 'sm' | 'lg'
  className?: string
}) {
  const usage = memoryUsage(usedMb, maxMb, thresholds)
  const amounts =
    usedMb !== null && maxMb !== null
      ? `${formatMegabytes(usedMb)} of ${formatMegabytes(maxMb)}`
      : usedMb !== null
        ? `${formatMegabytes(usedMb)} used`
        : null

  if (usage.percent === null) {
    return (
      <div className={cn('text-sm text-ink-muted', className)}>
        Memory: {amounts ?? 'not reported'}
        {maxMb === 0 ? ' (no maximum reported yet)' : ''}
      </div>
    )
  }

  const percentText = formatPercent(usage.percent)
  const levelText =
    usage.level === 'critical' ? 'critical' : usage.level === 'warning' ? 'warning' : null
  return (
    <div className={cn('min-w-0', className)}>
      <div
        className={cn('flex items-baseline justify-between gap-2', size === 'lg' ? 'mb-2' : 'mb-1')}
      >
        <span
          className={cn(
            'font-semibold tabular-nums',
            texts[usage.level],
            size === 'lg' ? 'text-3xl' : 'text-sm',
          )}
        >
          {percentText}
          {levelText && <span className="ml-1.5 text-xs font-medium uppercase">{levelText}</span>}
        </span>
        {amounts && (
          <span
            className={cn('text-ink-muted tabular-nums', size === 'lg' ? 'text-sm' : 'text-xs')}
          >
            {amounts}
          </span>
        )}
      </div>
      <div
        role="meter"
        aria-label="Memory used"
        aria-valuemin={0}
        aria-valuemax={Math.max(100, Math.ceil(usage.percent))}
        aria-valuenow={Math.round(usage.percent * 10) / 10}
        aria-valuetext={amounts ? `${percentText}, ${amounts}` : percentText}
        className={cn(
          'relative overflow-hidden rounded-full bg-memory-track',
          size === 'lg' ? 'h-3' : 'h-1.5',
        )}
      >
        <div
          className={cn('h-full rounded-full', fills[usage.level])}
          style={{ width: `${Math.min(100, usage.percent)}%` }}
        />
      </div>
    </div>
  )
}
