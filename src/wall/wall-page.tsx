import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { paths } from '@/app/paths'
import { failureText } from '@/dcs/failure-text'
import { formatClock, formatRelative } from '@/dcs/format-time'
import {
  countByStatusClass,
  countMemoryAlerts,
  severityGroup,
  type FleetRow,
} from '@/dcs/fleet-view'
import { configQuery, instanceQueries, type InstanceListData } from '@/dcs/instance-queries'
import type { ProjectInfo } from '@/dcs/model'
import { cn } from '@/ui/cn'
import { WarningIcon } from '@/ui/icons'
import { useNow } from '@/ui/use-now'
import {
  useBurnInShift,
  useElementSize,
  useFailedCountInTab,
  useHtmlTheme,
  usePrefersReducedMotion,
  useReloadOnNewVersion,
  useViewportSize,
  useWakeLock,
} from './unattended'
import { WallHeader } from './wall-header'
import { COMPACT_TILE_EM, TILE_EM, viewportUnit, wallLayout } from './wall-layout'
import { SeverityOrder } from './wall-order'
import { matchesStatusFilter, parseWallParams } from './wall-params'
import { CompactWallTile, WallTile } from './wall-tile'

const DEFAULT_REFRESH_SECONDS = 30
/** How often the wall asks the server for its version (and project list). */
const CONFIG_POLL_MS = 60_000
/**
 * The wall waits for every project's first answer (or failure) before it shows tiles, so they do
 * not jump when a later project arrives; at most this long after the config, then it shows what
 * it has.
 */
export const FIRST_ANSWER_WAIT_MS = 10_000

interface ProjectPoll {
  projectId: string
  hasData: boolean
  /** Time of the last good answer, 0 before the first. */
  dataUpdatedAt: number
  error: Error | null
}

interface Fleet {
  /** Each project's list, in the order of the project ids. */
  lists: ListRef[]
  polls: ProjectPoll[]
}

/**
 * A project's cached list, wrapped. TanStack structurally shares the combined result of
 * useQueries with the last one (replaceEqualDeep) on every query change, several times a poll; on
 * a plain list that walks every changed instance again each time, milliseconds at 2,000
 * instances. A class instance is not walked, only compared by reference, and the same list keeps
 * the same wrapper.
 */
class ListRef {
  constructor(readonly data: InstanceListData | undefined) {}
}
const NO_LIST = new ListRef(undefined)
const listRefs = new WeakMap<InstanceListData, ListRef>()
function listRef(data: InstanceListData | undefined): ListRef {
  if (data === undefined) return NO_LIST
  let ref = listRefs.get(data)
  if (ref === undefined) {
    ref = new ListRef(data)
    listRefs.set(data, ref)
  }
  return ref
}

/**
 * The wall monitor: the fleet, worst first, filling the screen without scrolling, paging by itself,
 * configured by its URL alone (wall-params.ts) and honest about the age of its data.
 */
export function WallPage() {
  const [searchParams] = useSearchParams()
  const params = useMemo(() => parseWallParams(searchParams), [searchParams])
  useHtmlTheme(params.theme)
  useWakeLock()

  const config = useQuery({
    ...configQuery,
    refetchInterval: CONFIG_POLL_MS,
    refetchIntervalInBackground: true,
  })
  useReloadOnNewVersion(config.data?.version)

  const configured = useMemo(() => config.data?.projects ?? [], [config.data])
  // Projects named in the link but not configured on the server are ignored, not shown as errors.
  const projectIds = useMemo(() => {
    const wanted = params.projects?.filter((id) => configured.some((p) => p.id === id)) ?? []
    return wanted.length ? wanted : configured.map((p) => p.id)
  }, [params.projects, configured])
  const refreshMs =
    (params.refreshSeconds ?? config.data?.refreshSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000

  const combine = useCallback(
    (results: UseQueryResult<InstanceListData>[]): Fleet => ({
      // Not the 2,000 rows themselves: see ListRef.
      lists: results.map((r) => listRef(r.data)),
      polls: results.map((r, i) => ({
        projectId: projectIds[i] ?? '',
        hasData: r.data !== undefined,
        dataUpdatedAt: r.dataUpdatedAt,
        error: r.error,
      })),
    }),
    [projectIds],
  )
  const { lists, polls } = useQueries({
    queries: projectIds.map((id) => ({
      ...instanceQueries.list(id),
      // Exactly one list request per project per interval: no retries in between and no extra
      // fetch on focus; a failed poll is simply repeated at the next interval.
      refetchInterval: refreshMs,
      refetchIntervalInBackground: true,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
      staleTime: refreshMs / 2,
    })),
    combine,
  })
  const rows = useMemo(
    (): FleetRow[] =>
      lists.flatMap((list, i) =>
        (list.data?.instances ?? []).map((p) => ({
          projectId: projectIds[i] ?? '',
          instance: p.instance,
        })),
      ),
    [lists, projectIds],
  )

  const { thresholds, statusClasses, statuses } = params
  // Kept across polls: it remembers the name order, so a poll does not sort 2,000 names again.
  const [severityOrder] = useState(() => new SeverityOrder())
  const visible = useMemo(() => {
    const ordered = severityOrder.order(rows, thresholds)
    const filter = { statusClasses, statuses }
    return ordered.filter((r) => matchesStatusFilter(r.instance.status, filter))
  }, [severityOrder, rows, statusClasses, statuses, thresholds])

  const instances = useMemo(() => rows.map((r) => r.instance), [rows])
  const counts = useMemo(() => countByStatusClass(instances), [instances])
  const memory = useMemo(() => countMemoryAlerts(instances, thresholds), [instances, thresholds])
  const ready = useFirstAnswers(
    config.data !== undefined,
    projectIds.length > 0 && polls.every((p) => p.hasData || p.error !== null),
  )
  const anyData = ready && polls.some((p) => p.hasData)
  useFailedCountInTab(anyData ? counts.failed : null)

  const failing = polls.filter((p) => p.error !== null)
  const stale = anyData && failing.length > 0
  const times = polls.filter((p) => p.hasData).map((p) => p.dataUpdatedAt)
  const updatedAt = times.length ? Math.min(...times) : 0

  const viewport = useViewportSize()
  const unit = viewportUnit(viewport.width, viewport.height)
  const [areaRef, area] = useElementSize<HTMLElement>()
  // Healthy instances sort last; when space is short they may shrink to compact tiles.
  const compactable = useMemo(
    () => visible.filter((r) => severityGroup(r.instance, thresholds) === 'healthy').length,
    [visible, thresholds],
  )
  const layout = wallLayout({
    width: area.width,
    height: area.height,
    count: visible.length,
    unit,
    compactable,
  })
  const page = usePaging(layout.pageCount, params.pageSeconds)
  const slice = layout.pages[page] ?? { start: 0, end: 0, rows: layout.rows, compactRows: 0 }
  const onPage = visible.slice(slice.start, slice.end)
  const rowTemplate = layout.stretch
    ? [
        slice.rows > 0 && `repeat(${slice.rows}, minmax(0, ${TILE_EM.height}fr))`,
        slice.compactRows > 0 &&
          `repeat(${slice.compactRows}, minmax(0, ${COMPACT_TILE_EM.height}fr))`,
      ]
    : [
        slice.rows > 0 && `repeat(${slice.rows}, ${TILE_EM.height * layout.fontPx}px)`,
        slice.compactRows > 0 &&
          `repeat(${slice.compactRows}, ${COMPACT_TILE_EM.height * layout.fontPx}px)`,
      ]

  const shift = useBurnInShift()
  const reducedMotion = usePrefersReducedMotion()
  const labels = useMemo(
    () => (projectIds.length > 1 ? new Map(configured.map((p) => [p.id, p.name])) : null),
    [projectIds.length, configured],
  )

  return (
    <div
      className="fixed inset-0 overflow-hidden bg-surface text-ink"
      style={{ fontSize: `${unit}px` }}
    >
      <div
        className={cn(
          'flex h-full flex-col',
          !reducedMotion && 'transition-transform duration-1000',
        )}
        style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}
      >
        <WallHeader
          counts={counts}
          memory={memory}
          total={instances.length}
          shown={visible.length}
          scope={config.data ? scopeText(configured, projectIds) : ''}
          updatedAt={anyData ? updatedAt : 0}
          page={page + 1}
          pageCount={anyData ? layout.pageCount : 0}
          loading={!anyData}
        />
        {stale && <StaleBanner failing={failing} />}
        <main ref={areaRef} className="relative min-h-0 flex-1 m-[1em]">
          {anyData ? (
            visible.length === 0 ? (
              <p className="grid h-full place-items-center text-[2em] text-ink-muted">
                {instances.length === 0
                  ? 'No instances in these projects.'
                  : 'No instance matches the status filter of this screen.'}
              </p>
            ) : (
              <ul
                aria-label={`Instances, worst first${layout.pageCount > 1 ? `, page ${page + 1} of ${layout.pageCount}` : ''}`}
                className={cn(
                  'grid h-full w-full',
                  stale && 'opacity-45 grayscale-[60%]',
                  !reducedMotion && 'transition-opacity duration-700',
                )}
                style={{
                  fontSize: `${layout.fontPx}px`,
                  gap: `${layout.gapPx}px`,
                  gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
                  gridTemplateRows: rowTemplate.filter(Boolean).join(' ') || 'minmax(0, 1fr)',
                  alignContent: layout.stretch ? undefined : 'start',
                }}
              >
                {onPage.map((row, i) =>
                  slice.start + i >= layout.compactFrom ? (
                    <CompactWallTile
                      key={`${row.projectId}/${row.instance.id}`}
                      instance={row.instance}
                      thresholds={thresholds}
                      projectLabel={labels?.get(row.projectId) ?? null}
                      startsRow={slice.start + i === layout.compactFrom}
                    />
                  ) : (
                    <WallTile
                      key={`${row.projectId}/${row.instance.id}`}
                      instance={row.instance}
                      thresholds={thresholds}
                      projectLabel={labels?.get(row.projectId) ?? null}
                    />
                  ),
                )}
              </ul>
            )
          ) : (
            <Waiting
              error={ready ? (failing[0]?.error ?? null) : config.data ? null : config.error}
              projects={configured.length}
              configLoaded={config.data !== undefined}
            />
          )}
        </main>
      </div>
      <MouseOverlay ignored={params.ignored} />
    </div>
  )
}

/**
 * Whether the wall may show the fleet: once every project has answered or failed, or
 * FIRST_ANSWER_WAIT_MS after the config arrived, whichever comes first. Once true it stays true,
 * so a project added later does not blank the screen.
 */
function useFirstAnswers(configLoaded: boolean, allAnswered: boolean): boolean {
  const [waitedOut, setWaitedOut] = useState(false)
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!configLoaded) return
    const timer = window.setTimeout(() => setWaitedOut(true), FIRST_ANSWER_WAIT_MS)
    return () => window.clearTimeout(timer)
  }, [configLoaded])
  const ready = shown || allAnswered || waitedOut
  // Latched during render (React's pattern for state derived from a previous render).
  if (ready && !shown) setShown(true)
  return ready
}

/** Cycles through the pages, one every `seconds`; back to the first when the count shrinks. */
function usePaging(pageCount: number, seconds: number): number {
  const [page, setPage] = useState(0)
  useEffect(() => {
    if (pageCount <= 1) return
    const timer = window.setInterval(() => setPage((p) => (p + 1) % pageCount), seconds * 1000)
    return () => window.clearInterval(timer)
  }, [pageCount, seconds])
  return pageCount > 1 ? page % pageCount : 0
}

function scopeText(configured: ProjectInfo[], ids: string[]): string {
  const chosen = ids.map((id) => configured.find((p) => p.id === id))
  if (chosen.length === 0) return 'No project configured'
  const names = chosen.map((p, i) => p?.name ?? ids[i] ?? '')
  const regions = [...new Set(chosen.flatMap((p) => (p?.region ? [p.region] : [])))]
  return `${names.join(', ')} · ${regions.join(', ') || 'region unknown'}`
}

/** The last data stays on screen, dimmed; this says since when and why. */
function StaleBanner({ failing }: { failing: ProjectPoll[] }) {
  const now = useNow(1000)
  const since = Math.min(...failing.map((p) => p.dataUpdatedAt || now.getTime()))
  const reason = failing[0]?.error ? failureText(failing[0].error) : 'Unknown error.'
  return (
    <div
      role="alert"
      data-testid="stale-banner"
      className="mx-[1em] mt-[0.8em] flex shrink-0 items-center gap-[0.8em] rounded-[0.5em] border-[0.15em] border-memory-warning bg-memory-warning/15 px-[1em] py-[0.5em] text-[1.25em]"
    >
      <WarningIcon className="size-[1.6em] shrink-0 text-memory-warning" />
      <p className="min-w-0 truncate">
        <strong className="font-bold">Data is stale since {formatClock(new Date(since))}</strong> (
        {formatRelative(new Date(since), now)}): {reason}
        {failing.length > 1 ? ` (${failing.length} projects failing)` : ''} Retrying automatically.
      </p>
    </div>
  )
}

/** Before the first data: say what is happening, never a blank screen. */
function Waiting({
  error,
  projects,
  configLoaded,
}: {
  error: Error | null
  projects: number
  configLoaded: boolean
}) {
  return (
    <div role="status" className="grid h-full place-items-center text-center">
      <div className="max-w-[50em]">
        <p className="text-[2.2em] font-semibold">
          {error
            ? 'Waiting for DCS…'
            : configLoaded && projects === 0
              ? 'No project is configured on the dashboard server.'
              : 'Loading the fleet…'}
        </p>
        {error && (
          <p className="mt-[0.6em] text-[1.4em] text-ink-muted">
            {failureText(error)} The screen keeps trying and shows the fleet as soon as it answers.
          </p>
        )}
      </div>
    </div>
  )
}

/** Nothing on screen until the mouse moves: then a way out, for a few seconds. */
function MouseOverlay({ ignored }: { ignored: string[] }) {
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    let timer = 0
    const show = () => {
      setVisible(true)
      window.clearTimeout(timer)
      timer = window.setTimeout(() => setVisible(false), 3000)
    }
    window.addEventListener('mousemove', show)
    window.addEventListener('keydown', show)
    return () => {
      window.removeEventListener('mousemove', show)
      window.removeEventListener('keydown', show)
      window.clearTimeout(timer)
    }
  }, [])
  return (
    <div
      className={cn(
        'fixed right-[1em] bottom-[1em] flex items-center gap-[1em] rounded-[0.5em] border border-line bg-surface-raised px-[1em] py-[0.6em] shadow-lg',
        visible ? 'opacity-100' : 'pointer-events-none opacity-0',
      )}
      aria-hidden={!visible}
    >
      {ignored.length > 0 && (
        <span className="text-memory-warning">Ignored in the link: {ignored.join('; ')}</span>
      )}
      <Link
        to={paths.overview.href()}
        tabIndex={visible ? 0 : -1}
        className="font-semibold text-accent underline"
      >
        Leave the wall
      </Link>
    </div>
  )
}
