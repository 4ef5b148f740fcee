import { formatDateTime, formatRelative, parseTimestamp } from '@/dcs/format-time'
import { billingLabel } from '@/dcs/instance-facts'
import type { Instance } from '@/dcs/model'
import { CopyableValue } from '@/ui/copy-button'
import { FactList, Panel } from '@/ui/panel'
import { useNow } from '@/ui/use-now'

function When({ iso, now }: { iso: string | null; now: Date }) {
  const date = parseTimestamp(iso)
  if (!date) return iso ? <span>{iso} (unreadable date)</span> : null
  return (
    <span>
      <time dateTime={date.toISOString()}>{formatRelative(date, now)}</time>
      <span className="text-ink-muted"> · {formatDateTime(date)}</span>
    </span>
  )
}

export function DetailsPanel({ instance }: { instance: Instance }) {
  const now = useNow(60_000)
  const owner = [instance.userName, instance.userId].filter(Boolean).join(' · ')
  return (
    <Panel title="Details">
      <FactList
        rows={[
          ['Created', instance.createdAt ? <When iso={instance.createdAt} now={now} /> : null],
          ['Last changed', instance.updatedAt ? <When iso={instance.updatedAt} now={now} /> : null],
          ['Billing', instance.chargingMode === null ? null : billingLabel(instance.chargingMode)],
          ['Product', instance.productId],
          ['Flavor', instance.specCode],
          [
            'Order',
            instance.orderId ? (
              <CopyableValue value={instance.orderId} label="Copy order ID" />
            ) : null,
          ],
          ['Owner', owner || null],
          ['Enterprise project', instance.enterpriseProjectName ?? instance.enterpriseProjectId],
          ['CPU', instance.cpuType],
          ['Task', [instance.task, instance.taskStatus].filter(Boolean).join(' · ') || null],
          ['Sub-status', instance.subStatus],
          ['Frozen because', instance.freezeScene],
          ['Description', instance.description],
          [
            'Tags',
            instance.tags.length ? (
              <span className="flex flex-wrap gap-1.5">
                {instance.tags.map((t) => (
                  <span
                    key={`${t.key}=${t.value}`}
                    className="rounded bg-surface-sunken px-1.5 py-0.5 font-mono text-xs"
                  >
                    {t.key}={t.value}
                  </span>
                ))}
              </span>
            ) : null,
          ],
        ]}
      />
    </Panel>
  )
}
