/**
 * The projects the dashboard watches and where their DCS API lives. The browser only ever names
 * a project id; endpoint and credentials stay here.
 */
import type { ProjectInfo } from '../../src/dcs/model.ts'
import type { AuthProvider } from './auth.ts'

export interface UpstreamProject extends ProjectInfo {
  /** Base URL of the DCS endpoint, e.g. https://dcs.eu-de.otc.t-systems.com or the emulator's. */
  endpoint: string
  auth: AuthProvider
}

export class ProjectRegistry {
  private readonly byId: Map<string, UpstreamProject>

  constructor(projects: UpstreamProject[]) {
    this.byId = new Map(projects.map((project) => [project.id, project]))
  }

  get(id: string): UpstreamProject | undefined {
    return this.byId.get(id)
  }

  all(): UpstreamProject[] {
    return [...this.byId.values()]
  }

  /** What the browser may know about the projects: no endpoint, no credentials. */
  publicInfo(): ProjectInfo[] {
    return this.all().map(({ id, name, region, source }) => ({ id, name, region, source }))
  }
}
