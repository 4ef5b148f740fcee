import { describeBackupPolicy } from '@/dcs/backup-policy'
import type { Instance } from '@/dcs/model'
import { Panel } from '@/ui/panel'

export function BackupPanel({ instance }: { instance: Instance }) {
  const backup = describeBackupPolicy(instance)
  return (
    <Panel title="Backup policy">
      {backup.kind === 'policy' ? (
        <p className="text-sm">{backup.summary}</p>
      ) : (
        <p className="text-sm text-ink-muted">{backup.reason}</p>
      )}
    </Panel>
  )
}
