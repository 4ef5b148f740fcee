import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter } from 'react-router'
import { instanceQueries } from '@/dcs/instance-queries'
import { paths } from './paths'
import { NotFoundPage, RouteError } from './route-error'
import { Shell } from './shell'

/**
 * Routes load their page code lazily; the detail route starts its fetch in the loader, in
 * parallel with the code, without waiting for it (the page shows a skeleton meanwhile).
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      Component: Shell,
      ErrorBoundary: RouteError,
      // While the first route's code loads: nothing, the page itself shows its skeleton next.
      HydrateFallback: EmptyFallback,
      children: [
        {
          path: paths.overview.pattern,
          lazy: async () => ({
            Component: (await import('@/instance-list/instance-list-page')).OverviewPage,
          }),
        },
        {
          path: paths.instanceList.pattern,
          lazy: async () => ({
            Component: (await import('@/instance-list/instance-list-page')).ProjectListPage,
          }),
        },
        {
          path: paths.instanceDetail.pattern,
          loader: ({ params }) => {
            if (params.projectId && params.instanceId) {
              void queryClient.prefetchQuery(
                instanceQueries.detail(params.projectId, params.instanceId),
              )
            }
            return null
          },
          lazy: async () => ({
            Component: (await import('@/instance-detail/instance-detail-page')).InstanceDetailPage,
          }),
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
    {
      path: paths.wall.pattern,
      ErrorBoundary: RouteError,
      HydrateFallback: EmptyFallback,
      lazy: async () => ({ Component: (await import('@/wall/wall-page')).WallPage }),
    },
  ])
}

function EmptyFallback() {
  return null
}
