import { QueryClient } from '@tanstack/react-query'
import { DcsApiError } from '@/dcs/api-error'

/** A 4xx will not get better by asking again; anything else (5xx, timeouts, offline) may. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DcsApiError)) return true
  if (error.httpStatus === 429) return true
  return !(error.httpStatus >= 400 && error.httpStatus < 500)
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        staleTime: 10_000,
      },
    },
  })
}
