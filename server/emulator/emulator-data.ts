/**
 * What the emulator serves: per project, instance objects exactly as the DCS detail API returns
 * them. Loaded from the built-in demo fleet or a JSON data file (DCS_EMULATOR_DATA).
 */
import { readFileSync } from 'node:fs'

export type WireInstance = Record<string, unknown>

export interface EmulatorData {
  projects: Record<string, WireInstance[]>
}

/** How a project presents itself in the dashboard's config. */
export interface EmulatorProject {
  id: string
  name: string
  region: string
}

/** A data file that cannot be used; the message is one line, fit for a terminal. */
export class EmulatorDataError extends Error {
  override name = 'EmulatorDataError'
}

/**
 * The id an instance is addressed by: `instance_id`, or `id` in SDK-normalised records
 * (openstacksdk renames it, see the ansible fixtures). Undefined when neither is a string.
 */
export function instanceKey(instance: WireInstance): string | undefined {
  if (typeof instance.instance_id === 'string' && instance.instance_id !== '') {
    return instance.instance_id
  }
  if (typeof instance.id === 'string' && instance.id !== '') return instance.id
  return undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the shape `{"projects": {"<id>": [{instance_id, …}, …]}}`; `source` names the input in errors. */
export function validateEmulatorData(value: unknown, source: string): EmulatorData {
  if (!isPlainObject(value) || !isPlainObject(value.projects)) {
    throw new EmulatorDataError(
      `${source}: expected {"projects": {"<project_id>": [<instance>, …]}}`,
    )
  }
  const projects: Record<string, WireInstance[]> = {}
  for (const [projectId, instances] of Object.entries(value.projects)) {
    if (!/^[A-Za-z0-9_-]+$/.test(projectId)) {
      throw new EmulatorDataError(`${source}: project id "${projectId}" is not URL-safe`)
    }
    if (!Array.isArray(instances)) {
      throw new EmulatorDataError(`${source}: projects["${projectId}"] must be an array`)
    }
    const seen = new Set<string>()
    instances.forEach((instance: unknown, index) => {
      const where = `projects["${projectId}"][${index}]`
      if (!isPlainObject(instance)) {
        throw new EmulatorDataError(`${source}: ${where} must be an object`)
      }
      const id = instanceKey(instance)
      if (id === undefined) {
        throw new EmulatorDataError(`${source}: ${where} has no string "instance_id" (or "id")`)
      }
      if (seen.has(id)) {
        throw new EmulatorDataError(`${source}: ${where} repeats instance_id "${id}"`)
      }
      seen.add(id)
    })
    projects[projectId] = instances as WireInstance[]
  }
  return { projects }
}

export function loadEmulatorDataFile(path: string): EmulatorData {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new EmulatorDataError(`DCS_EMULATOR_DATA: cannot read ${path} (${code})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new EmulatorDataError(
      `DCS_EMULATOR_DATA: ${path} is not valid JSON (${(error as Error).message})`,
    )
  }
  return validateEmulatorData(parsed, `DCS_EMULATOR_DATA: ${path}`)
}

/** Name and region for a data-file project: region from the first AZ code seen (eu-de-02 → eu-de). */
export function describeProject(id: string, instances: WireInstance[]): EmulatorProject {
  let region = 'unknown'
  for (const instance of instances) {
    const zones = [instance.az_codes, instance.available_zones].flat()
    const code = zones.find(
      (zone): zone is string => typeof zone === 'string' && /^[a-z]+-[a-z0-9]+-\d+$/.test(zone),
    )
    if (code !== undefined) {
      region = code.replace(/-\d+$/, '')
      break
    }
  }
  return { id, name: `${region === 'unknown' ? 'project' : region} ${id.slice(0, 8)}`, region }
}
