import { formatDateTime, formatDuration, formatRelative } from '@/dcs/format-time'
import { formatWindowInZone, maintenanceWindow } from '@/dcs/maintenance-window'
import type { Instance } from '@/dcs/model'
import { FactList, Panel } from '@/ui/panel'
import { useNow } from '@/ui/use-now'

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function MaintenancePanel({ instance }: { instance: Instance }) {
  const now = useNow(1000)
  const { maintainBegin: begin, maintainEnd: end } = instance
  const window = begin && end ? maintenanceWindow(begin, end, now) : null
  const zone = viewerZone()

  if (!window || !begin || !end) {
    return (
      <Panel title="Maintenance window">
        <p className="text-sm text-ink-muted">
          {begin || end
            ? `DCS reports an incomplete or unreadable window (${begin ?? '—'} to ${end ?? '—'}).`
            : 'No maintenance window reported for this instance.'}
        </p>
      </Panel>
    )
  }

  return (
    <Panel title="Maintenance window">
      {window.inWindowNow && window.currentEnd ? (
        <p className="mb-3 rounded-lg border border-memory-warning/60 bg-memory-warning/10 px-3 py-2 text-sm font-medium">
          In the maintenance window now: ends {formatRelative(window.currentEnd, now)}. Brief
          interruptions are possible.
        </p>
      ) : (
        <p className="mb-3 text-sm">
          Next window starts <strong>{formatRelative(window.nextStart, now)}</strong>
        </p>
      )}
      <FactList
        rows={[
          ['UTC', `${formatWindowInZone(begin, end, 'UTC', now)}`],
          [
            zone === 'UTC' || zone === 'Etc/UTC' ? 'Your time' : `Your time (${zone})`,
            formatWindowInZone(begin, end, zone, now),
          ],
          [
            'Length',
            `${formatDuration(window.durationMinutes * 60_000)}${window.crossesMidnight ? ', crosses midnight UTC' : ''}`,
          ],
          [
            'Next start',
            `${formatDateTime(window.nextStart, 'UTC')} · ${formatDateTime(window.nextStart, zone)}`,
          ],
        ]}
      />
    </Panel>
  )
}
