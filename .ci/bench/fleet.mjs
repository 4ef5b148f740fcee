// A big deterministic fleet for the emulator (DCS_EMULATOR_DATA), after e2e/servers.ts fleet300:
// several projects, every status class, memory from calm to over 100 %.
import { mkdirSync, writeFileSync } from 'node:fs'

const STATUSES = [
  ...Array(8).fill('ERROR'),
  ...Array(3).fill('CREATEFAILED'),
  ...['FROZEN', 'CLOSED', 'FROZEN', 'CLOSED', 'DELETED'],
  ...['CREATING', 'RESTARTING', 'EXTENDING', 'RESTORING', 'UPGRADING', 'FLUSHING', 'STARTING'],
  'MIGRATING',
]
const ROLES = ['sessions', 'cart', 'catalog', 'tokens', 'queue']

/** Project ids: 32 hex digits like real ones. */
export const projectId = (p) => `b${String(p + 1).padStart(31, '0')}`
export const instanceId = (i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`

/** `count` instances spread round-robin over `projects` projects; instance i is in i % projects. */
export function bigFleet(count, projects) {
  const fleet = {}
  for (let p = 0; p < projects; p++) fleet[projectId(p)] = []
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % 60] ?? 'RUNNING'
    const capacity = [1, 2, 4, 8, 16][i % 5]
    const max = capacity * 1024
    const percent = i % 97 === 7 ? 104 : i % 17 === 0 ? 93 : i % 13 === 0 ? 81 : (i * 7) % 70
    fleet[projectId(i % projects)].push({
      name: `fleet-${String(i + 1).padStart(4, '0')}-${ROLES[i % 5]}`,
      engine: i % 11 === 0 ? 'Memcached' : 'Redis',
      capacity,
      ip: `10.${i % 3}.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      port: i % 11 === 0 ? 11211 : 6379,
      status,
      description: '',
      instance_id: instanceId(i),
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
    })
  }
  return fleet
}

export function writeFleet(file, count, projects) {
  mkdirSync(new URL('.', `file://${file}`), { recursive: true })
  writeFileSync(file, JSON.stringify({ projects: bigFleet(count, projects) }))
  return file
}
