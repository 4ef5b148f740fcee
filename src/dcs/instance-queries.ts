import { queryOptions } from '@tanstack/react-query'
import { apiGet } from './api-client'
import { DcsApiError } from './api-error'
import type { DashboardConfig, ParsedInstance, ParsedInstanceList, ProjectInfo } from './model'
import { parseInstance, parseInstanceList } from './parse-instance'
import { finiteNumber, isRecord, listOf } from './wire-checks'

export interface InstanceDetailData extends ParsedInstance {
  /** The exact response text, for the raw JSON view and bug reports. */
  rawText: string
  /** True while the data comes from a list row (thinner) and the detail has not arrived yet. */
  fromList?: boolean
}

export interface InstanceListData extends ParsedInstanceList {
  projectId: string
  /** Number of list pages fetched to read the whole project. */
  pages: number
}

/** Page size for the list API: v1 allows up to 2000 (REFERENCE §4); most fleets fit one page. */
export const LIST_PAGE_SIZE = 1000

const encode = encodeURIComponent

/** Query keys go generic → specific so one invalidation can reach a whole project. */
export const instanceQueries = {
  all: () => ['dcs'] as const,
  project: (projectId: string) => [...instanceQueries.all(), projectId] as const,
  detail: (projectId: string, instanceId: string) =>
    queryOptions({
      queryKey: [...instanceQueries.project(projectId), 'detail', instanceId] as const,
      queryFn: async ({ signal }): Promise<InstanceDetailData> => {
        const { body, text } = await apiGet(
          `/api/dcs/${encode(projectId)}/instances/${encode(instanceId)}`,
          signal,
        )
        return { ...parseInstance(body), rawText: text }
      },
    }),
  list: (projectId: string) =>
    queryOptions({
      queryKey: [...instanceQueries.project(projectId), 'list'] as const,
      queryFn: ({ signal }) => fetchWholeList(projectId, signal),
    }),
}

/** Reads every page of a project's list; `instance_num` is the total to reach. */
async function fetchWholeList(projectId: string, signal: AbortSignal): Promise<InstanceListData> {
  const instances: ParsedInstanceList['instances'] = []
  const problems: ParsedInstanceList['problems'] = []
  let total: number | null = null
  let pages = 0
  // Bounded: a misbehaving total can not keep a screen paging forever.
  for (let guard = 0; guard < 100; guard++) {
    const start = instances.length + 1
    const { body } = await apiGet(
      `/api/dcs/${encode(projectId)}/instances?start=${start}&limit=${LIST_PAGE_SIZE}&include_failure=true`,
      signal,
    )
    const page = parseInstanceList(body)
    pages += 1
    instances.push(...page.instances)
    problems.push(...page.problems)
    total = page.total ?? total
    const more = total !== null && instances.length < total && page.instances.length > 0
    if (!more) break
  }
  return { projectId, instances, total: total ?? instances.length, problems, pages }
}

export const configQuery = queryOptions({
  queryKey: ['config'] as const,
  queryFn: async ({ signal }): Promise<DashboardConfig> => {
    const { body } = await apiGet('/api/config', signal)
    return parseConfig(body)
  },
  staleTime: 60_000,
})

/**
 * Tolerant like the wire parsers: a body that is not an object fails; a bad field falls back to
 * its default (and a projects list with one bad project to []).
 */
function parseConfig(body: unknown): DashboardConfig {
  if (!isRecord(body)) {
    throw new DcsApiError({
      httpStatus: 200,
      kind: 'invalid-response',
      message: 'The dashboard configuration could not be read.',
    })
  }
  const refreshSeconds = finiteNumber(body.refreshSeconds)
  return {
    projects: listOf(body.projects, project) ?? [],
    version: typeof body.version === 'string' ? body.version : '',
    refreshSeconds: refreshSeconds !== undefined && refreshSeconds > 0 ? refreshSeconds : 30,
  }
}

/** A project needs a string id; name (default: the id), region and source have defaults. */
function project(value: unknown): ProjectInfo | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined
  const { id, name, region, source } = value
  return {
    id,
    name: (typeof name === 'string' ? name : '') || id,
    region: typeof region === 'string' ? region : '',
    source: source === 'emulator' || source === 'cloud' ? source : 'emulator',
  }
}
