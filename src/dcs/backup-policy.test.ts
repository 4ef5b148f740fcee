import { expect, test } from 'vitest'
import { describeBackupPolicy } from '@/dcs/backup-policy'
import type { BackupPolicy } from '@/dcs/model'
import { parseInstance } from '@/dcs/parse-instance'
import { fixture } from '@/dcs/shared-fixtures'

const policy: BackupPolicy = {
  policyId: 'p',
  backupType: 'auto',
  saveDays: 7,
  periodType: 'weekly',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  beginAt: '02:00',
  slot: '02:00-03:00',
  timezoneOffset: null,
  createdAt: null,
  updatedAt: null,
}

test('the ansible sample policy in one sentence', () => {
  const body = fixture('ansible-collection-cloud-dcs_instance-sample.json') as {
    dcs_instance: unknown
  }
  expect(describeBackupPolicy(parseInstance(body.dcs_instance).instance)).toEqual({
    kind: 'policy',
    summary: 'Every Mon, Tue, Wed, Thu at 00:00 UTC, kept 2 days',
    backupType: 'manual',
    weekdays: [1, 2, 3, 4],
    days: ['Mon', 'Tue', 'Wed', 'Thu'],
    time: '00:00',
    timeZone: 'UTC',
    saveDays: 2,
  })
})

test('all seven days read as every day; one day of retention is singular', () => {
  const every = describeBackupPolicy({ mode: 'cluster', engine: 'Redis', backupPolicy: policy })
  expect(every.kind === 'policy' && every.summary).toBe('Every day at 02:00 UTC, kept 7 days')
  const one = describeBackupPolicy({
    mode: 'master_standby',
    engine: 'Redis',
    backupPolicy: { ...policy, weekdays: [6], saveDays: 1, timezoneOffset: 'GMT+08:00' },
  })
  expect(one.kind === 'policy' && one.summary).toBe('Every Sat at 02:00 GMT+08:00, kept 1 day')
})

test('a policy without plan says so instead of inventing one', () => {
  const bare = describeBackupPolicy({
    mode: 'master_standby',
    engine: 'Redis',
    backupPolicy: { ...policy, weekdays: [], beginAt: null, saveDays: null },
  })
  expect(bare.kind === 'policy' && bare.summary).toBe('No automatic schedule')
})

test('single-node instances have no backups, whatever the body says', () => {
  const seed = parseInstance(fixture('seed-example.json')).instance
  expect(describeBackupPolicy(seed)).toEqual({
    kind: 'none',
    reason: 'Single-node instances have no backups',
  })
  expect(describeBackupPolicy({ mode: 'single', engine: 'Redis', backupPolicy: policy }).kind).toBe(
    'none',
  )
})

test('HA and cluster instances without a policy', () => {
  const ha = parseInstance(fixture('otc-docs-v2-get.json')).instance
  expect(describeBackupPolicy(ha)).toEqual({ kind: 'none', reason: 'No backup policy configured' })
  expect(
    describeBackupPolicy({ mode: 'master_standby', engine: 'Memcached', backupPolicy: null }),
  ).toEqual({ kind: 'none', reason: 'No backup policy configured for this Memcached instance' })
})
