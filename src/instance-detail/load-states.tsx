import { Link } from 'react-router'
import { paths } from '@/app/paths'
import { DcsApiError } from '@/dcs/api-error'
import { Skeleton } from '@/ui/skeleton'
import { failureText } from '@/dcs/failure-text'

export function DetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading instance">
      <p className="sr-only">Loading instance…</p>
      <Skeleton className="h-9 w-72" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-44" />
        ))}
      </div>
    </div>
  )
}

const headings: Record<string, string> = {
  'not-found': 'Instance not found',
  auth: 'The dashboard could not sign in to DCS',
  forbidden: 'Access to this instance is not allowed',
  'bad-request': 'This link is not valid',
  'rate-limited': 'DCS is limiting requests',
  unreachable: 'DCS could not be reached',
  upstream: 'DCS answered with an error',
  'invalid-response': 'The DCS answer could not be read',
}

const advice: Record<string, string> = {
  'not-found':
    'The instance may have been deleted, or the link names another project. Check the project and instance id.',
  auth: 'The credentials configured on the dashboard server were refused. An operator of the dashboard needs to renew them; this page retries by itself.',
  forbidden: 'The configured account may not read this project.',
  'bad-request': 'The project or instance id in the address is malformed.',
  'rate-limited': 'The page will try again shortly.',
  unreachable: 'The page keeps trying and shows the instance as soon as DCS answers.',
  upstream: 'The page keeps trying and shows the instance as soon as DCS answers.',
  'invalid-response': 'This looks like a fault on the DCS side. The page keeps trying.',
}

export function LoadFailure({
  error,
  projectId,
  instanceId,
  onRetry,
  retrying,
}: {
  error: Error
  projectId: string
  instanceId: string
  onRetry: () => void
  retrying: boolean
}) {
  const kind = error instanceof DcsApiError ? error.kind : 'upstream'
  // The server's own answer for a project id it is not configured to watch.
  const unwatched = error instanceof DcsApiError && error.code === 'DASH.UNKNOWN_PROJECT'
  return (
    <div role="alert" className="rounded-xl border border-line bg-surface-raised p-6 sm:p-8">
      <h1 className="text-2xl font-semibold">
        {unwatched ? (
          <>
            This dashboard does not watch project{' '}
            <span className="font-mono break-all">{projectId}</span>
          </>
        ) : (
          (headings[kind] ?? 'The instance could not be loaded')
        )}
      </h1>
      <p className="mt-2 text-ink-muted">{failureText(error)}</p>
      <p className="mt-2 text-ink-muted">
        {unwatched
          ? 'The link names a project that is not configured on this dashboard, so none of its instances can be shown. Check the project id, or ask an operator of the dashboard to add the project.'
          : advice[kind]}
      </p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">Project</dt>
        <dd className="font-mono break-all">{projectId}</dd>
        <dt className="text-ink-muted">Instance</dt>
        <dd className="font-mono break-all">{instanceId}</dd>
      </dl>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          to={paths.overview.href()}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface"
        >
          All instances
        </Link>
        {kind !== 'not-found' && kind !== 'bad-request' && (
          <button
            type="button"
            onClick={onRetry}
            disabled={retrying}
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium disabled:opacity-60"
          >
            {retrying ? 'Retrying…' : 'Retry now'}
          </button>
        )}
      </div>
    </div>
  )
}
