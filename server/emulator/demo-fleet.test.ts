import { expect, test } from 'vitest'
import {
  DEMO_FLIPPING_INSTANCES,
  DEMO_PROJECT_EU_DE,
  DEMO_PROJECT_EU_NL,
  demoFleet,
  SEED_EXAMPLE_ID,
} from './demo-fleet.ts'
import { validateEmulatorData } from './emulator-data.ts'

const fleet = demoFleet()
const all = Object.values(fleet.projects).flat()
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const STATUSES = [
  'CREATING',
  'CREATEFAILED',
  'RUNNING',
  'ERROR',
  'RESTARTING',
  'EXTENDING',
  'RESTORING',
  'FROZEN',
  'FLUSHING',
  'STARTING',
  'CLOSING',
  'CLOSED',
  'DELETED',
  'UPGRADING',
  'ROLLBACKING',
  'IPEXCHANGING',
  'DELETING',
  'MIGRATING',
]

function memoryPercent(instance: Record<string, unknown>): number | null {
  const used = instance.used_memory
  const max = instance.max_memory
  return typeof used === 'number' && typeof max === 'number' && max > 0 ? (used / max) * 100 : null
}

test('the fleet has two projects, over 30 instances with unique UUIDs, and validates as data', () => {
  expect(Object.keys(fleet.projects)).toEqual([DEMO_PROJECT_EU_DE, DEMO_PROJECT_EU_NL])
  expect(all.length).toBeGreaterThanOrEqual(30)
  const ids = all.map((i) => i.instance_id)
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.every((id) => typeof id === 'string' && UUID.test(id))).toBe(true)
  expect(() => validateEmulatorData(fleet, 'demo')).not.toThrow()
  expect(DEMO_FLIPPING_INSTANCES.every((id) => ids.includes(id))).toBe(true)
})

test('the fleet is the same on every build', () => {
  expect(JSON.stringify(demoFleet())).toBe(JSON.stringify(fleet))
})

test('every documented status and one unknown status occur', () => {
  const seen = new Set(all.map((i) => i.status))
  for (const status of STATUSES) expect(seen, status).toContain(status)
  expect([...seen].some((status) => !STATUSES.includes(String(status)))).toBe(true)
})

test('the seed example is in eu-de, unchanged', () => {
  const seed = fleet.projects[DEMO_PROJECT_EU_DE]!.find((i) => i.instance_id === SEED_EXAMPLE_ID)
  expect(seed).toMatchObject({ name: 'dcs-a11e', available_zones: 'XXXXXX', max_memory: 460 })
})

test('modes, engines, versions and sub-GB flavors are covered', () => {
  const versions = new Set(all.map((i) => String(i.engine_version).slice(0, 3)))
  for (const version of ['3.0', '4.0', '5.0', '6.0']) expect(versions).toContain(version)
  expect(all.some((i) => i.engine === 'Memcached')).toBe(true)
  const specs = all.map((i) => String(i.resource_spec_code))
  for (const mode of ['single', 'ha', 'cluster', 'master_standby']) {
    expect(specs.some((spec) => spec.includes(mode))).toBe(true)
  }
  const minors = all.filter((i) => i.capacity === 0).map((i) => i.capacity_minor)
  expect(minors).toEqual(expect.arrayContaining(['.125', '.25', '.5']))
})

test('memory ranges from 0 % through warning and critical to above 100 %', () => {
  const percents = all.map(memoryPercent).filter((p): p is number => p !== null)
  expect(percents).toContain(0)
  expect(percents.some((p) => p >= 75 && p < 90)).toBe(true)
  expect(percents.some((p) => p >= 90 && p <= 100)).toBe(true)
  expect(percents.some((p) => p > 100)).toBe(true)
  expect(all.some((i) => i.used_memory === null || i.max_memory === 0)).toBe(true)
})

test('error codes, midnight-crossing windows, backup policy, public IP, tags and cluster IPs occur', () => {
  const codes = all.map((i) => i.error_code).filter((code) => code !== null)
  expect(codes).toEqual(expect.arrayContaining(['dcs.01.0001', 'dcs.02.0003', 'dcs.04.0004']))
  const failing = all.filter((i) => i.error_code !== null)
  expect(failing.every((i) => i.status === 'ERROR' || i.status === 'CREATEFAILED')).toBe(true)
  const windows = all.map((i) => `${String(i.maintain_begin)}-${String(i.maintain_end)}`)
  expect(windows).toEqual(
    expect.arrayContaining([
      '22:00:00-02:00:00',
      '23:00:00-00:00:00',
      '02:00:00-06:00:00',
      '18:00:00-19:00:00',
    ]),
  )
  expect(
    all.some((i) => i.instance_backup_policy !== null && i.instance_backup_policy !== undefined),
  ).toBe(true)
  expect(all.some((i) => typeof i.publicip_address === 'string')).toBe(true)
  expect(all.some((i) => Array.isArray(i.tags) && i.tags.length > 0)).toBe(true)
  expect(all.some((i) => typeof i.ip === 'string' && i.ip.includes(','))).toBe(true)
})
