import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The servers the journeys run against: real server + emulator, each with its own data.
 * E2E_PORT_BASE moves them all, so two runs on one machine do not collide.
 */
const base = Number(process.env.E2E_PORT_BASE) || 4180
export const SERVERS = {
  demo: { port: base, emulatorPort: base + 1 },
  fleet300: { port: base + 2, emulatorPort: base + 3 },
  fixtures: { port: base + 4, emulatorPort: base + 5 },
} as const

/**
 * Debian's Chromium, as root and offline: without the background-networking flags it keeps
 * trying to reach Google's hosts. Shared by the journeys and the benchmarks.
 */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

export const serverUrl = (name: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[name].port}`
export const emulatorUrl = (name: keyof typeof SERVERS) =>
  `http://127.0.0.1:${SERVERS[name].emulatorPort}`

// Not under test-results/: Playwright empties that folder after the config (which writes these
// files) has loaded, and the servers would start without their data.
const generated = fileURLToPath(new URL(`../node_modules/.cache/dcs-e2e-${base}/`, import.meta.url))
export const DATA_FILES = {
  fleet300: `${generated}fleet-300.json`,
  fixtures: `${generated}fixtures.json`,
}

/** The demo fleet's projects (server/emulator/demo-fleet.ts); the seed example lives in eu-de. */
export const DEMO = {
  euDe: '9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6',
  euNl: '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9',
  seedInstance: '68d5745e-6af2-40e4-945d-fe449be00148',
}

export const FIXTURES_DIR = fileURLToPath(new URL('../../shared/dcs/fixtures/', import.meta.url))

type Json = Record<string, unknown>

/**
 * Every instance object in the shared fixtures, each fixture file in a project of its own (some
 * files repeat the same instance id). Project ids are 32 hex digits like real ones.
 */
export function fixtureProjects(): Record<string, Json[]> {
  const projects: Record<string, Json[]> = {}
  const files = readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
  files.forEach((file, index) => {
    const body: unknown = JSON.parse(readFileSync(FIXTURES_DIR + file, 'utf8'))
    const instances = instancesIn(body)
    if (instances.length === 0) return
    const projectId = (index + 1).toString(16).padStart(32, 'f')
    projects[projectId] = instances
  })
  return projects
}

function instancesIn(body: unknown): Json[] {
  if (Array.isArray(body)) return body.filter(isInstance)
  if (typeof body !== 'object' || body === null) return []
  const record = body as Json
  if (Array.isArray(record.instances)) return record.instances.filter(isInstance)
  if (isInstance(record.dcs_instance)) return [record.dcs_instance]
  return isInstance(record) ? [record] : []
}

function isInstance(value: unknown): value is Json {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('instance_id' in value || 'id' in value) &&
    'status' in value
  )
}

const STATUSES_300 = [
  ...Array<string>(8).fill('ERROR'),
  ...Array<string>(3).fill('CREATEFAILED'),
  ...['FROZEN', 'CLOSED', 'FROZEN', 'CLOSED', 'DELETED'],
  ...[
    'CREATING',
    'RESTARTING',
    'EXTENDING',
    'RESTORING',
    'UPGRADING',
    'FLUSHING',
    'STARTING',
    'MIGRATING',
  ],
]

/**
 * Instance number `i` of a generated fleet, in the v1 detail shape, deterministic: every status
 * class, memory from calm to over 100 % (every 13th in warning, every 17th critical, number 7
 * over), Redis and Memcached, single / master-standby / cluster. Benchmarks build on it too.
 */
export function fleetInstance(i: number): Json {
  const status = STATUSES_300[i % 60] ?? 'RUNNING'
  const capacity = [1, 2, 4, 8, 16][i % 5] ?? 1
  const max = capacity * 1024
  const percent = i === 7 ? 104 : i % 17 === 0 ? 93 : i % 13 === 0 ? 81 : (i * 7) % 70
  return {
    name: `fleet-${String(i + 1).padStart(3, '0')}-${['sessions', 'cart', 'catalog', 'tokens', 'queue'][i % 5]}`,
    engine: i % 11 === 0 ? 'Memcached' : 'Redis',
    capacity,
    ip: `10.${i % 3}.${Math.floor(i / 250)}.${(i % 250) + 2}`,
    port: i % 11 === 0 ? 11211 : 6379,
    status,
    description: '',
    instance_id: fleetInstanceId(i),
    resource_spec_code: ['dcs.single_node', 'dcs.master_standby', 'dcs.cluster'][i % 3],
    engine_version: i % 11 === 0 ? null : ['3.0', '4.0', '5.0', '6.0'][i % 4],
    internal_version: null,
    charging_mode: 0,
    vpc_id: '1e8115ce-38a4-4c15-bb8f-fe0152c56cb7',
    vpc_name: 'vpc-fleet',
    created_at: `2024-0${(i % 9) + 1}-1${i % 10}T08:00:00.000Z`,
    error_code:
      status === 'ERROR' ? 'dcs.04.0004' : status === 'CREATEFAILED' ? 'dcs.03.0001' : null,
    product_id: 'OTC_DCS_MS',
    security_group_id: null,
    security_group_name: null,
    subnet_id: 'ec2f34b9-20eb-4872-85bd-bea9fc943128',
    subnet_name: 'subnet-fleet',
    available_zones: [`eu-de-0${(i % 3) + 1}`],
    max_memory: max,
    used_memory: Math.round((max * percent) / 100),
    user_id: '00000000000000000000000000000000',
    user_name: 'example-user',
    order_id: null,
    maintain_begin: ['22:00:00', '02:00:00', '06:00:00'][i % 3],
    maintain_end: ['02:00:00', '06:00:00', '10:00:00'][i % 3],
  }
}

export const fleetInstanceId = (i: number) =>
  `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`

/** 300 instances in two projects (a third in eu-nl): more than any wall screen shows at once. */
export function fleet300(): Record<string, Json[]> {
  const projects: Record<string, Json[]> = { [DEMO.euDe]: [], [DEMO.euNl]: [] }
  for (let i = 0; i < 300; i++) {
    projects[i % 3 === 0 ? DEMO.euNl : DEMO.euDe]!.push(fleetInstance(i))
  }
  return projects
}

export function writeDataFiles(): void {
  mkdirSync(generated, { recursive: true })
  writeFileSync(DATA_FILES.fleet300, JSON.stringify({ projects: fleet300() }))
  writeFileSync(DATA_FILES.fixtures, JSON.stringify({ projects: fixtureProjects() }))
}
