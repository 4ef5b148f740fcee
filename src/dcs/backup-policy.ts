import { isMemcached } from '@/dcs/instance-facts'
import type { BackupPolicy, Instance } from '@/dcs/model'

/**
 * The backup policy in one sentence (dcs/REFERENCE.md §5), or why there is none. Only
 * master/standby and cluster instances can have a policy; single-node ones are rejected by the
 * API (111400086). Memcached is decided by the mode as well (its master/standby instances have
 * backups); only the wording names the engine.
 */

export type BackupDescription =
  | {
      kind: 'policy'
      /** "Every Mon, Tue, Wed, Thu at 00:00 UTC, kept 2 days". */
      summary: string
      /** `auto` / `manual` as sent. */
      backupType: string | null
      /** ISO weekdays, 1 = Monday. */
      weekdays: number[]
      /** Short English day names of `weekdays`. */
      days: string[]
      /** `HH:mm` start of the backup slot, null when not sent. */
      time: string | null
      /** "UTC", or the plan's own `timezone_offset` (e.g. "GMT+08:00") when set. */
      timeZone: string
      saveDays: number | null
    }
  | { kind: 'none'; reason: string }

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

export function describeBackupPolicy(
  instance: Pick<Instance, 'mode' | 'engine' | 'backupPolicy'>,
): BackupDescription {
  if (instance.mode === 'single') {
    return { kind: 'none', reason: 'Single-node instances have no backups' }
  }
  const policy = instance.backupPolicy
  if (!policy) {
    return {
      kind: 'none',
      reason: isMemcached(instance)
        ? 'No backup policy configured for this Memcached instance'
        : 'No backup policy configured',
    }
  }
  return describePolicy(policy)
}

function describePolicy(policy: BackupPolicy): BackupDescription {
  const days = policy.weekdays.map((d) => DAY_NAMES[d - 1] ?? String(d))
  const timeZone = policy.timezoneOffset?.trim() || 'UTC'
  const time = policy.beginAt
  const schedule =
    days.length === 0
      ? 'No automatic schedule'
      : `${days.length === 7 ? 'Every day' : `Every ${days.join(', ')}`}${time ? ` at ${time} ${timeZone}` : ''}`
  const kept =
    policy.saveDays === null
      ? ''
      : `, kept ${policy.saveDays} ${policy.saveDays === 1 ? 'day' : 'days'}`
  return {
    kind: 'policy',
    summary: `${schedule}${kept}`,
    backupType: policy.backupType,
    weekdays: policy.weekdays,
    days,
    time,
    timeZone,
    saveDays: policy.saveDays,
  }
}
