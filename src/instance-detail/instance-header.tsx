import { engineLabel, modeLabel } from '@/dcs/instance-facts'
import { capacityLabel } from '@/dcs/memory'
import type { Instance } from '@/dcs/model'
import { statusInfo } from '@/dcs/statuses'
import { CopyButton, CopyableValue } from '@/ui/copy-button'
import { UpdatedAgo } from '@/ui/freshness'
import { LinkIcon } from '@/ui/icons'
import { StatusBadge } from '@/ui/status-badge'

export function InstanceHeader({
  instance,
  projectLabel,
  updatedAt,
  isFetching,
}: {
  instance: Instance
  projectLabel: string
  updatedAt: number
  isFetching: boolean
}) {
  const info = statusInfo(instance.status)
  const facts = [
    engineLabel(instance),
    instance.mode !== 'unknown' ? modeLabel(instance.mode) : null,
    instance.capacityGb !== null ? capacityLabel(instance.capacityGb) : null,
  ].filter((f): f is string => Boolean(f))

  return (
    <header className="flex flex-col gap-3 border-b border-line pb-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold break-all sm:text-3xl">
            {instance.name || instance.id}
          </h1>
          <StatusBadge status={instance.status} className="text-sm" />
        </div>
        <p className="mt-1 text-sm text-ink-muted">{info.meaning}</p>
        <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {facts.map((fact) => (
            <span key={fact} className="rounded bg-surface-sunken px-2 py-0.5">
              {fact}
            </span>
          ))}
          <span className="text-ink-muted">{projectLabel}</span>
        </p>
        <p className="mt-2 text-sm text-ink-muted">
          ID <CopyableValue value={instance.id} label="Copy instance ID" />
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-start gap-2 sm:items-end">
        <CopyButton
          value={typeof window === 'undefined' ? '' : window.location.href}
          label="Copy link to this instance"
          className="px-2.5 py-1.5 text-sm text-ink"
          icon={<LinkIcon className="size-4" />}
        >
          Copy link
        </CopyButton>
        {updatedAt ? (
          <UpdatedAgo updatedAt={updatedAt} />
        ) : (
          <span className="text-xs text-ink-muted">{isFetching ? 'Loading details…' : ''}</span>
        )}
      </div>
    </header>
  )
}
