import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { paths } from './paths'

/** Last line of defence: an unexpected error in a route shows a message and a way back. */
export function RouteError() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">
        {notFound ? 'Page not found' : 'Something went wrong'}
      </h1>
      <p className="mt-3 text-ink-muted">
        {notFound
          ? 'There is no page at this address.'
          : error instanceof Error
            ? error.message
            : 'The page could not be shown.'}
      </p>
      <p className="mt-6 flex justify-center gap-4">
        <Link className="text-accent underline" to={paths.overview.href()}>
          All instances
        </Link>
        {!notFound && (
          <button
            type="button"
            className="text-accent underline"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        )}
      </p>
    </div>
  )
}

export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-ink-muted">There is no page at this address.</p>
      <p className="mt-6">
        <Link className="text-accent underline" to={paths.overview.href()}>
          All instances
        </Link>
      </p>
    </div>
  )
}
