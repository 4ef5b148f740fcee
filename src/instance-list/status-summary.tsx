import type { MemoryCounts, StatusClassCounts } from '@/dcs/fleet-view'
import type { StatusClass } from '@/dcs/model'
import { STATUS_CLASS_LABEL, STATUS_CLASS_ORDER } from '@/dcs/statuses'
import { cn } from '@/ui/cn'
import { statusIcons } from '@/ui/status-badge'

const tones: Record<StatusClass, string> = {
  failed: 'text-status-failed',
  stopped: 'text-status-stopped',
  progress: 'text-status-progress',
  healthy: 'text-status-healthy',
  unknown: 'text-status-unknown',
}

/**
 * "30 instances: 3 failed, 2 stopped, …" — each class is a toggle that filters the list to it.
 * Classes with no instance are left out, except failed (zero failed is news worth showing).
 */
export function StatusSummary({
  total,
  counts,
  memory,
  selected,
  onToggle,
}: {
  total: number
  counts: StatusClassCounts
  memory: MemoryCounts
  selected: StatusClass[]
  onToggle: (statusClass: StatusClass) => void
}) {
  return (
    <div
      className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm"
      role="group"
      aria-label="Instances per status class"
    >
      <span className="font-semibold">
        {total} {total === 1 ? 'instance' : 'instances'}
      </span>
      {STATUS_CLASS_ORDER.filter((c) => counts[c] > 0 || c === 'failed').map((statusClass) => {
        const Icon = statusIcons[statusClass]
        const pressed = selected.includes(statusClass)
        return (
          <button
            key={statusClass}
            type="button"
            aria-pressed={pressed}
            onClick={() => onToggle(statusClass)}
            className={cn(
              'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 tabular-nums',
              pressed
                ? 'border-accent bg-surface-sunken'
                : 'border-line bg-surface-raised hover:bg-surface-sunken',
            )}
          >
            <Icon className={cn('size-4', tones[statusClass])} />
            <span className="font-semibold">{counts[statusClass]}</span>
            <span className="text-ink-muted">{STATUS_CLASS_LABEL[statusClass].toLowerCase()}</span>
          </button>
        )
      })}
      {memory.critical + memory.warning > 0 && (
        <span className="text-ink-muted">
          · memory:{' '}
          {memory.critical > 0 && (
            <span className="font-semibold text-memory-critical">{memory.critical} critical</span>
          )}
          {memory.critical > 0 && memory.warning > 0 && ', '}
          {memory.warning > 0 && (
            <span className="font-semibold text-memory-warning">{memory.warning} warning</span>
          )}
        </span>
      )}
    </div>
  )
}
