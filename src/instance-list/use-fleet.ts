import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { FleetRow } from '@/dcs/fleet-view'
import { configQuery, instanceQueries, type InstanceListData } from '@/dcs/instance-queries'
import type { ProjectInfo } from '@/dcs/model'

export const DEFAULT_REFRESH_SECONDS = 30

export interface ProjectState {
  projectId: string
  project: ProjectInfo | undefined
  hasData: boolean
  error: Error | null
  dataUpdatedAt: number
  isFetching: boolean
  refetch: () => void
}

export interface FleetState {
  rows: FleetRow[]
  projects: ProjectState[]
  /** Every project has answered at least once (with data or an error). */
  settled: boolean
  /** Oldest successful read among the projects, 0 before the first. */
  updatedAt: number
  configError: Error | null
}

/**
 * One list query per project (the same cache entry the detail page reads as its placeholder),
 * polled at the server's refresh interval.
 */
export function useFleet(projectIds: string[] | null): FleetState {
  const config = useQuery(configQuery)
  const known = useMemo(() => config.data?.projects ?? [], [config.data])
  const ids = useMemo(() => projectIds ?? known.map((p) => p.id), [projectIds, known])
  const refetchInterval = (config.data?.refreshSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000
  const waitingForConfig = projectIds === null && config.data === undefined

  // A stable combine keeps the combined result stable between renders (TanStack memoizes it).
  const combine = useCallback(
    (results: UseQueryResult<InstanceListData>[]) => {
      const rows: FleetRow[] = []
      const projects = results.map((result, index): ProjectState => {
        const projectId = ids[index] ?? ''
        for (const parsed of result.data?.instances ?? []) {
          rows.push({ projectId, instance: parsed.instance })
        }
        return {
          projectId,
          project: known.find((p) => p.id === projectId),
          hasData: result.data !== undefined,
          error: result.error,
          dataUpdatedAt: result.dataUpdatedAt,
          isFetching: result.isFetching,
          refetch: () => void result.refetch(),
        }
      })
      const times = projects.filter((p) => p.hasData).map((p) => p.dataUpdatedAt)
      return {
        rows,
        projects,
        settled: !waitingForConfig && projects.every((p) => p.hasData || p.error !== null),
        updatedAt: times.length ? Math.min(...times) : 0,
      }
    },
    [ids, known, waitingForConfig],
  )

  const fleet = useQueries({
    queries: ids.map((id) => ({ ...instanceQueries.list(id), refetchInterval })),
    combine,
  })
  return {
    rows: fleet.rows,
    projects: fleet.projects,
    settled: fleet.settled,
    updatedAt: fleet.updatedAt,
    configError: config.data ? null : config.error,
  }
}
