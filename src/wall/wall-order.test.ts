import { expect, test } from 'vitest'
import { compareBySeverity, type FleetRow } from '@/dcs/fleet-view'
import { DEFAULT_MEMORY_THRESHOLDS } from '@/dcs/memory'
import { parseInstanceList } from '@/dcs/parse-instance'
import { SeverityOrder } from './wall-order'

const STATUSES = ['RUNNING', 'RUNNING', 'ERROR', 'CLOSED', 'RESTARTING', 'RUNNING', 'SOMETHING']

function fleet(count: number, project = 'p1', rename: (i: number) => string = (i) => `db-${i}`) {
  const body = {
    instance_num: count,
    instances: Array.from({ length: count }, (_, i) => ({
      instance_id: `id-${String(i).padStart(4, '0')}`,
      name: rename(i),
      status: STATUSES[i % STATUSES.length],
      max_memory: 1000,
      used_memory: (i * 37) % 1000,
    })),
  }
  return parseInstanceList(body).instances.map((p) => ({
    projectId: project,
    instance: p.instance,
  }))
}

const sorted = (rows: FleetRow[], thresholds = DEFAULT_MEMORY_THRESHOLDS) =>
  [...rows].sort((a, b) => compareBySeverity(a.instance, b.instance, thresholds))

test('orders like compareBySeverity, poll after poll, as memory, names and the fleet change', () => {
  const order = new SeverityOrder()
  // Names that collate numerically (db-9 before db-10) and an unnamed instance (sorted by id).
  let rows = fleet(300, 'p1', (i) => (i === 5 ? '' : `db-${(i * 7) % 300}`))
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))

  // Memory and status change: the kept name order is reused.
  rows = rows.map((r, i) =>
    i % 10 === 0
      ? {
          ...r,
          instance: { ...r.instance, usedMemoryMb: 950, status: i % 20 ? 'ERROR' : 'RUNNING' },
        }
      : r,
  )
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))

  // Other thresholds move instances between memory groups.
  const strict = { warning: 20, critical: 40 }
  expect(order.order(rows, strict)).toEqual(sorted(rows, strict))

  // A rename, a removed and a new instance.
  rows = rows.map((r, i) =>
    i === 3 ? { ...r, instance: { ...r.instance, name: 'aaa-first' } } : r,
  )
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
  rows = rows.slice(1)
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
  rows = [...rows, ...fleet(1, 'p2', () => 'db-150')]
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
})

test('the same instance id in two projects keeps the order of the projects', () => {
  const order = new SeverityOrder()
  const rows = [...fleet(20, 'p1'), ...fleet(20, 'p2')]
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
})

test('a list naming one instance twice is still sorted, without the kept order', () => {
  const order = new SeverityOrder()
  const rows = fleet(10)
  const twice = [...rows, rows[4]!]
  expect(order.order(twice, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(twice))
  expect(order.order(rows, DEFAULT_MEMORY_THRESHOLDS)).toEqual(sorted(rows))
})
