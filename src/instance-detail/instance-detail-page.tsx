import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '@/app/paths'
import { failureText } from '@/dcs/failure-text'
import { configQuery, instanceQueries, type InstanceDetailData } from '@/dcs/instance-queries'
import { StaleBanner } from '@/ui/freshness'
import { ArrowLeftIcon } from '@/ui/icons'
import { BackupPanel } from './backup-panel'
import { DetailsPanel } from './details-panel'
import { ErrorPanel } from './error-panel'
import { InstanceHeader } from './instance-header'
import { DetailSkeleton, LoadFailure } from './load-states'
import { MaintenancePanel } from './maintenance-panel'
import { MemoryPanel } from './memory-panel'
import { NetworkPanel } from './network-panel'
import { ParseProblems } from './parse-problems'
import { RawJsonPanel } from './raw-json-panel'

const DEFAULT_REFRESH_SECONDS = 30

export function InstanceDetailPage() {
  const { projectId = '', instanceId = '' } = useParams()
  const queryClient = useQueryClient()
  const config = useQuery(configQuery)
  const refreshSeconds = config.data?.refreshSeconds ?? DEFAULT_REFRESH_SECONDS
  const detail = useQuery({
    ...instanceQueries.detail(projectId, instanceId),
    refetchInterval: refreshSeconds * 1000,
    // Opened from the list: show the list row at once, then the full detail replaces it.
    placeholderData: () => {
      const list = queryClient.getQueryData(instanceQueries.list(projectId).queryKey)
      const row = list?.instances.find((p) => p.instance.id === instanceId)
      return row
        ? ({ ...row, rawText: '', fromList: true } satisfies InstanceDetailData)
        : undefined
    },
  })
  const project = config.data?.projects.find((p) => p.id === projectId)

  const name = detail.data?.instance.name
  useEffect(() => {
    document.title = name ? `${name} · DCS Dashboard` : 'Instance · DCS Dashboard'
  }, [name])

  const back = (
    <Link
      to={paths.instanceList.href(projectId)}
      className="mb-4 inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"
    >
      <ArrowLeftIcon className="size-4" />
      {project ? `Instances in ${project.name}` : 'Instances of this project'}
    </Link>
  )

  // Data first: whatever was last read stays on screen, even when the latest refresh failed.
  if (detail.data) {
    const { instance, problems, rawText, fromList } = detail.data
    const refreshError = detail.isError ? detail.error : null
    return (
      <div>
        {back}
        <InstanceHeader
          instance={instance}
          projectLabel={project ? `${project.name} · ${project.region}` : projectId}
          updatedAt={fromList ? 0 : detail.dataUpdatedAt}
          isFetching={detail.isFetching}
        />
        {refreshError && (
          <StaleBanner
            className="mt-4"
            updatedAt={detail.dataUpdatedAt}
            reason={failureText(refreshError)}
          />
        )}
        {problems.length > 0 && <ParseProblems problems={problems} className="mt-4" />}
        {instance.errorCode && <ErrorPanel code={instance.errorCode} className="mt-5" />}
        {/* Two stacks rather than a grid, so a short panel never leaves a hole beside a tall one. */}
        <div className="mt-5 grid items-start gap-4 lg:grid-cols-2">
          <div className="grid gap-4">
            <MemoryPanel instance={instance} />
            <NetworkPanel instance={instance} />
          </div>
          <div className="grid gap-4">
            <MaintenancePanel instance={instance} />
            <BackupPanel instance={instance} />
            <DetailsPanel instance={instance} />
          </div>
        </div>
        <RawJsonPanel rawText={rawText} pending={Boolean(fromList)} className="mt-4" />
      </div>
    )
  }

  if (detail.isError) {
    return (
      <div>
        {back}
        <LoadFailure
          error={detail.error}
          projectId={projectId}
          instanceId={instanceId}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </div>
    )
  }

  return (
    <div>
      {back}
      <DetailSkeleton />
    </div>
  )
}
