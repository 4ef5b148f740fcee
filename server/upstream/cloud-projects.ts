/**
 * Turns configured cloud projects into upstream projects the proxy can call: one auth provider
 * each, the project id (a project named in the config learns its id from its first token) and
 * the DCS endpoint (override, token catalog, or the region's OTC host).
 */
import { ConfigError } from '../config/config-error.ts'
import { resolveDcsEndpoint, type ProjectTarget } from '../config/project-target.ts'
import type { AuthProvider } from './auth.ts'
import { AkSkSigner } from './auth/aksk-signer.ts'
import { IamSignInError, PasswordTokenProvider } from './auth/password-token-provider.ts'
import { StaticTokenProvider } from './auth/static-token-provider.ts'
import type { UpstreamProject } from './projects.ts'

export interface CloudProjectsOptions {
  /** Timeout of IAM sign-ins (10 s by default). */
  timeoutMs?: number
  now?: () => number
}

export interface CloudProjects {
  projects: UpstreamProject[]
  /** One line per project for the start-up log: where its data comes from. No secrets. */
  descriptions: string[]
  /** Problems that did not stop the start (IAM unreachable for a project with a known id). */
  warnings: string[]
}

/**
 * Signs in where needed and returns the projects. A refused sign-in (wrong password or project)
 * is a ConfigError; an IAM that does not answer is only fatal when the project id is unknown.
 */
export async function connectCloudProjects(
  targets: ProjectTarget[],
  options: CloudProjectsOptions = {},
): Promise<CloudProjects> {
  const warnings: string[] = []
  const connected = await Promise.all(
    targets.map((target) => connectOne(target, options, warnings)),
  )
  const seen = new Map<string, string>()
  for (const { project, target } of connected) {
    const other = seen.get(project.id)
    if (other !== undefined) {
      throw new ConfigError(`${other} and ${target.name} are the same project (${project.id})`)
    }
    seen.set(project.id, target.name)
  }
  return {
    projects: connected.map((c) => c.project),
    descriptions: connected.map((c) => c.description),
    warnings,
  }
}

async function connectOne(
  target: ProjectTarget,
  options: CloudProjectsOptions,
  warnings: string[],
): Promise<{ project: UpstreamProject; target: ProjectTarget; description: string }> {
  const auth = target.auth
  let provider: AuthProvider
  let projectId = target.projectId
  let projectName = target.projectName
  let catalogUrl: string | undefined
  let how: string

  switch (auth.kind) {
    case 'aksk':
      provider = new AkSkSigner(auth.ak, auth.sk, auth.projectId, { now: options.now })
      projectId = auth.projectId
      how = `AK/SK signing (AK ${auth.ak.slice(0, 4)}…)`
      break
    case 'token':
      provider = new StaticTokenProvider(auth.token)
      how = 'a pre-issued token'
      break
    case 'password': {
      const passwordProvider = new PasswordTokenProvider(auth, {
        region: target.region,
        timeoutMs: options.timeoutMs,
        now: options.now,
      })
      provider = passwordProvider
      how = `IAM password sign-in as ${auth.username} at ${new URL(auth.authUrl).host}`
      try {
        const issued = await passwordProvider.token()
        projectId = issued.projectId
        projectName ??= issued.projectName
        catalogUrl = issued.catalogDcsUrl
      } catch (error) {
        if (!(error instanceof IamSignInError)) throw error
        if (error.status !== undefined || projectId === undefined) {
          throw new ConfigError(`${target.name}: ${error.message}`)
        }
        warnings.push(`${target.name}: ${error.message}; will retry on the first DCS call`)
      }
      break
    }
  }
  if (projectId === undefined) throw new ConfigError(`${target.name}: no project id`)

  const endpoint = resolveDcsEndpoint(target, catalogUrl)
  const endpointSource =
    target.dcsEndpoint !== undefined
      ? 'configured'
      : catalogUrl !== undefined
        ? 'from the token catalog'
        : `derived from region ${target.region}`
  const project: UpstreamProject = {
    id: projectId,
    name: projectName ?? target.name,
    region: target.region,
    source: 'cloud',
    endpoint,
    auth: provider,
  }
  const description = `${target.name}: project ${projectId}${projectName !== undefined ? ` (${projectName})` : ''} in ${target.region}, cloud via ${how}, DCS ${endpoint} (${endpointSource})`
  return { project, target, description }
}
