import { expect, test } from 'vitest'
import {
  KNOWN_STATUSES,
  STATUS_CLASS_LABEL,
  STATUS_CLASS_ORDER,
  statusClassOf,
  statusInfo,
} from '@/dcs/statuses'

test('RUNNING is healthy with a label and a meaning', () => {
  expect(statusInfo('RUNNING')).toEqual({
    status: 'RUNNING',
    statusClass: 'healthy',
    label: 'Running',
    meaning: 'The instance is healthy and serves cache traffic.',
  })
})

test('lookup is case-insensitive but keeps the raw text', () => {
  const info = statusInfo('createFailed')
  expect(info.status).toBe('createFailed')
  expect(info.statusClass).toBe('failed')
  expect(info.label).toBe('Create failed')
})

test('every status of PRODUCT.md lands in its class', () => {
  expect(['ERROR', 'CREATEFAILED'].map(statusClassOf)).toEqual(['failed', 'failed'])
  expect(['FROZEN', 'CLOSED', 'DELETED'].map(statusClassOf)).toEqual([
    'stopped',
    'stopped',
    'stopped',
  ])
  const progress = [
    'CREATING',
    'STARTING',
    'RESTARTING',
    'EXTENDING',
    'RESTORING',
    'FLUSHING',
    'UPGRADING',
    'ROLLBACKING',
    'IPEXCHANGING',
    'CLOSING',
    'DELETING',
    'MIGRATING',
  ]
  expect(progress.map(statusClassOf)).toEqual(progress.map(() => 'progress'))
})

test('the statuses PRODUCT.md leaves open are decided', () => {
  expect(statusClassOf('FREEZING')).toBe('progress')
  expect(statusClassOf('PAYING')).toBe('stopped')
})

test('an unknown status is neutral and shown as sent', () => {
  expect(statusInfo('BACKUPING')).toEqual({
    status: 'BACKUPING',
    statusClass: 'unknown',
    label: 'BACKUPING',
    meaning: 'The cloud reported "BACKUPING", a status this dashboard does not know.',
  })
  expect(statusInfo('').label).toBe('No status')
})

test('known statuses and class order are complete', () => {
  expect(KNOWN_STATUSES).toHaveLength(20)
  expect(KNOWN_STATUSES.every((s) => statusClassOf(s) !== 'unknown')).toBe(true)
  expect(STATUS_CLASS_ORDER.map((c) => STATUS_CLASS_LABEL[c])).toEqual([
    'Failed',
    'Stopped',
    'In progress',
    'Healthy',
    'Unknown',
  ])
})
