/**
 * The emulator's instances, kept as the objects parsed from their JSON (key order and every quirk
 * intact). Only the control API and the simulation change them, and only the fields they name.
 */
import { instanceKey, type EmulatorData, type WireInstance } from './emulator-data.ts'

/** Fields that PATCH /_emulator/projects/:p/instances/:id may change. */
export const PATCHABLE_FIELDS = ['status', 'used_memory', 'max_memory', 'error_code'] as const
export type InstancePatch = Partial<Record<(typeof PATCHABLE_FIELDS)[number], unknown>>

export class InstanceStore {
  private readonly initial: string
  private projects = new Map<string, Map<string, WireInstance>>()

  constructor(data: EmulatorData) {
    // Kept as text: re-parsing gives fresh objects with the original key order on reset.
    this.initial = JSON.stringify(data)
    this.reset()
  }

  reset(): void {
    const data = JSON.parse(this.initial) as EmulatorData
    this.projects = new Map(
      Object.entries(data.projects).map(([projectId, instances]) => [
        projectId,
        new Map(instances.map((instance) => [instanceKey(instance) ?? '', instance])),
      ]),
    )
  }

  projectIds(): string[] {
    return [...this.projects.keys()]
  }

  hasProject(projectId: string): boolean {
    return this.projects.has(projectId)
  }

  instances(projectId: string): WireInstance[] {
    return [...(this.projects.get(projectId)?.values() ?? [])]
  }

  get(projectId: string, instanceId: string): WireInstance | undefined {
    return this.projects.get(projectId)?.get(instanceId)
  }

  /** Assigns the given fields in place, so existing keys keep their position. */
  patch(projectId: string, instanceId: string, patch: InstancePatch): WireInstance | undefined {
    const instance = this.get(projectId, instanceId)
    if (instance === undefined) return undefined
    for (const field of PATCHABLE_FIELDS) {
      if (field in patch) instance[field] = patch[field]
    }
    return instance
  }

  remove(projectId: string, instanceId: string): boolean {
    return this.projects.get(projectId)?.delete(instanceId) ?? false
  }
}
