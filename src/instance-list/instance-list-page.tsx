import { useEffect, useMemo } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { paths } from '@/app/paths'
import { DcsApiError } from '@/dcs/api-error'
import { failureText } from '@/dcs/failure-text'
import {
  countByStatusClass,
  countMemoryAlerts,
  distinctValues,
  KNOWN_ENGINES,
  matchesFilter,
  sortRows,
  type FilterVocabulary,
  type SortKey,
} from '@/dcs/fleet-view'
import type { InstanceMode, ProjectInfo, StatusClass } from '@/dcs/model'
import { KNOWN_STATUSES } from '@/dcs/statuses'
import { StaleBanner, UpdatedAgo } from '@/ui/freshness'
import { Skeleton } from '@/ui/skeleton'
import {
  cleanListParams,
  defaultDirection,
  hasActiveFilter,
  listViewToParams,
  parseListView,
  type ListView,
} from './list-params'
import { InstanceTable } from './instance-table'
import { ListToolbar } from './list-toolbar'
import { Pager } from './pager'
import { StatusSummary } from './status-summary'
import { useFleet, type ProjectState } from './use-fleet'

/** `/`: every configured project in one list. */
export function OverviewPage() {
  return <FleetList projectId={null} />
}

/** `/projects/:projectId/instances`: one project. */
export function ProjectListPage() {
  const { projectId = '' } = useParams()
  return <FleetList projectId={projectId} />
}

const MODE_ORDER: readonly InstanceMode[] = [
  'single',
  'master_standby',
  'cluster',
  'proxy',
  'rw_split',
  'unknown',
]

function projectName(project: ProjectState): string {
  return project.project ? `${project.project.name} (${project.project.region})` : project.projectId
}

/** The server answers this for a project id it is not configured to watch. */
export const UNKNOWN_PROJECT_CODE = 'DASH.UNKNOWN_PROJECT'

function isUnknownProject(error: Error | null): boolean {
  return error instanceof DcsApiError && error.code === UNKNOWN_PROJECT_CODE
}

function FleetList({ projectId }: { projectId: string | null }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const projectIds = useMemo(() => (projectId === null ? null : [projectId]), [projectId])
  const fleet = useFleet(projectIds)

  // Once every project has answered, filter values naming nothing that exists are dropped (and the
  // link cleaned below), so the controls never read "All …" over an empty list.
  const { rows, settled } = fleet
  const projectIdsKey = fleet.projects.map((p) => p.projectId).join(',')
  const vocabulary = useMemo((): FilterVocabulary | null => {
    if (!settled) return null
    const instances = rows.map((r) => r.instance)
    return {
      projectIds: projectIdsKey.split(','),
      statuses: [...KNOWN_STATUSES, ...distinctValues(instances.map((i) => i.status))],
      engines: [...KNOWN_ENGINES, ...distinctValues(instances.map((i) => i.engine))],
    }
  }, [rows, settled, projectIdsKey])
  const { view, replaceWith } = useMemo(
    () =>
      vocabulary
        ? cleanListParams(searchParams, vocabulary)
        : { view: parseListView(searchParams), replaceWith: null },
    [searchParams, vocabulary],
  )
  useEffect(() => {
    if (replaceWith) setSearchParams(replaceWith, { replace: true })
  }, [replaceWith, setSearchParams])

  const configured: ProjectInfo[] = fleet.projects.flatMap((p) => (p.project ? [p.project] : []))
  const single = projectId !== null ? fleet.projects[0] : undefined
  const unwatched =
    projectId !== null && single !== undefined && !single.hasData && isUnknownProject(single.error)
  const title =
    projectId === null
      ? 'All instances'
      : unwatched
        ? 'Project not watched'
        : single?.project
          ? `Instances in ${single.project.name}`
          : 'Instances'

  useEffect(() => {
    document.title = `${title} · DCS Dashboard`
  }, [title])

  const update = (patch: Partial<ListView>, options?: { replace?: boolean }) => {
    // Any change of what is shown starts again on page 1.
    const next: ListView = { ...view, page: 1, ...patch }
    setSearchParams(listViewToParams(next), { replace: options?.replace ?? false })
  }

  const allInstances = fleet.rows.map((r) => r.instance)
  const counts = countByStatusClass(allInstances)
  const memory = countMemoryAlerts(allInstances)
  const filtered = useMemo(
    () =>
      sortRows(
        fleet.rows.filter((row) => matchesFilter(row, view)),
        view.sort,
        view.direction,
      ),
    [fleet.rows, view],
  )
  const pageCount = Math.max(1, Math.ceil(filtered.length / view.pageSize))
  const page = Math.min(view.page, pageCount)
  const shown = filtered.slice((page - 1) * view.pageSize, page * view.pageSize)

  const projectLabels =
    fleet.projects.length > 1
      ? new Map(fleet.projects.map((p) => [p.projectId, projectName(p)]))
      : null

  const onSort = (key: SortKey) =>
    update({
      sort: key,
      direction:
        view.sort === key ? (view.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key),
    })
  const toggleClass = (statusClass: StatusClass) =>
    update({
      statusClasses: view.statusClasses.includes(statusClass)
        ? view.statusClasses.filter((c) => c !== statusClass)
        : [...view.statusClasses, statusClass],
    })

  const failedProjects = fleet.projects.filter((p) => p.error !== null)
  const anyData = fleet.projects.some((p) => p.hasData)

  if (unwatched) return <UnwatchedProject projectId={projectId} />

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          <p className="text-sm text-ink-muted">
            {fleet.projects.length > 0
              ? fleet.projects.map(projectName).join(' · ')
              : fleet.configError
                ? 'The configured projects could not be read.'
                : 'Loading projects…'}
          </p>
        </div>
        <div className="flex items-center gap-3">
          {fleet.updatedAt > 0 && <UpdatedAgo updatedAt={fleet.updatedAt} />}
          {projectId !== null && (
            <Link to={paths.overview.href()} className="text-sm text-accent underline">
              All projects
            </Link>
          )}
        </div>
      </header>

      {fleet.configError && !anyData && (
        <p
          role="alert"
          className="rounded-lg border border-status-failed/60 bg-status-failed/10 px-3 py-2 text-sm"
        >
          The dashboard server could not be reached: {failureText(fleet.configError)} Retrying
          automatically.
        </p>
      )}

      {failedProjects.map((p) =>
        // A project dropped from the configuration since the list was opened: nothing to retry.
        isUnknownProject(p.error) && !p.hasData ? (
          <p
            key={p.projectId}
            role="alert"
            className="rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm"
          >
            This dashboard does not watch project{' '}
            <span className="font-mono break-all">{p.projectId}</span> any more.
          </p>
        ) : p.hasData ? (
          <StaleBanner
            key={p.projectId}
            updatedAt={p.dataUpdatedAt}
            reason={`${projectName(p)}: ${failureText(p.error)}`}
          />
        ) : (
          <div
            key={p.projectId}
            role="alert"
            className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-status-failed/60 bg-status-failed/10 px-3 py-2 text-sm"
          >
            <p>
              <strong className="font-semibold">{projectName(p)}</strong> could not be read:{' '}
              {failureText(p.error)}
            </p>
            <button
              type="button"
              onClick={p.refetch}
              disabled={p.isFetching}
              className="rounded-md border border-line bg-surface-raised px-3 py-1 disabled:opacity-50"
            >
              {p.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        ),
      )}

      {/* Until every project has answered once only a skeleton shows, so nothing already on
          screen moves when later projects arrive (no layout shift). */}
      {!fleet.settled ? (
        <div aria-busy="true" aria-label="Loading instances" className="flex flex-col gap-2">
          <p className="sr-only">Loading instances…</p>
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-11" />
          ))}
        </div>
      ) : (
        <>
          <StatusSummary
            total={allInstances.length}
            counts={counts}
            memory={memory}
            selected={view.statusClasses}
            onToggle={toggleClass}
          />

          <ListToolbar
            view={view}
            onChange={update}
            statuses={distinctValues(allInstances.map((i) => i.status))}
            engines={distinctValues(allInstances.map((i) => i.engine))}
            modes={MODE_ORDER.filter((m) => allInstances.some((i) => i.mode === m))}
            projects={projectId === null ? configured : []}
          />
          {anyData && filtered.length === 0 ? (
            <p className="rounded-xl border border-line bg-surface-raised px-4 py-8 text-center text-ink-muted">
              {hasActiveFilter(view)
                ? 'No instance matches these filters.'
                : 'This project has no instances.'}
            </p>
          ) : anyData ? (
            <>
              <InstanceTable
                rows={shown}
                sort={view.sort}
                direction={view.direction}
                onSort={onSort}
                projectLabels={projectLabels}
                caption={`${filtered.length} of ${allInstances.length} instances, sorted by ${view.sort}`}
              />
              <Pager
                page={page}
                pageCount={pageCount}
                pageSize={view.pageSize}
                total={filtered.length}
                onPage={(p) => update({ page: p })}
                onPageSize={(size) => update({ pageSize: size })}
              />
            </>
          ) : null}
        </>
      )}
    </div>
  )
}

function UnwatchedProject({ projectId }: { projectId: string }) {
  return (
    <div role="alert" className="rounded-xl border border-line bg-surface-raised p-6 sm:p-8">
      <h1 className="text-2xl font-semibold">
        This dashboard does not watch project{' '}
        <span className="font-mono break-all">{projectId}</span>
      </h1>
      <p className="mt-2 text-ink-muted">
        The link names a project that is not configured on this dashboard, so it has no instances to
        show. Check the project id, or ask an operator of the dashboard to add the project.
      </p>
      <div className="mt-6">
        <Link
          to={paths.overview.href()}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface"
        >
          All instances
        </Link>
      </div>
    </div>
  )
}
