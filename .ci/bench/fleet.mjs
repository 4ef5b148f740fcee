// A big deterministic fleet for the emulator (DCS_EMULATOR_DATA), built from the same instances
// as the e2e fleet (e2e/servers.ts), spread over several projects. Run through tsx.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fleetInstance, fleetInstanceId } from '../../e2e/servers.ts'

/** Project ids: 32 hex digits like real ones. */
export const projectId = (p) => `b${String(p + 1).padStart(31, '0')}`
export const instanceId = fleetInstanceId

/** `count` instances spread round-robin over `projects` projects; instance i is in i % projects. */
export function bigFleet(count, projects) {
  const fleet = {}
  for (let p = 0; p < projects; p++) fleet[projectId(p)] = []
  for (let i = 0; i < count; i++) fleet[projectId(i % projects)].push(fleetInstance(i))
  return fleet
}

export function writeFleet(file, count, projects) {
  mkdirSync(new URL('.', `file://${file}`), { recursive: true })
  writeFileSync(file, JSON.stringify({ projects: bigFleet(count, projects) }))
  return file
}
