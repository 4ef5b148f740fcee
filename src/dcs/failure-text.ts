import { DcsApiError } from './api-error'

/** One sentence for people: what failed, with the code and HTTP status for bug reports. */
export function failureText(error: unknown): string {
  if (error instanceof DcsApiError) {
    const refs = [error.code, error.httpStatus ? `HTTP ${error.httpStatus}` : null].filter(Boolean)
    const message = error.message.replace(/\.*\s*$/, '')
    return refs.length ? `${message} (${refs.join(', ')}).` : `${message}.`
  }
  if (error instanceof Error) return error.message
  return 'Unknown error.'
}
