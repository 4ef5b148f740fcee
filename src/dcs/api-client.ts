import { DcsApiError, decodeErrorResponse } from './api-error'

/** A successful answer: the decoded JSON and the exact text, kept for the raw JSON view. */
export interface ApiResponse {
  body: unknown
  text: string
}

/**
 * The one fetch client of the app. Talks only to our own server (`/api/…`), which adds
 * credentials and forwards to DCS. Throws DcsApiError for every failure: HTTP errors carry
 * the decoded DCS error body, network failures and unreadable bodies get their own kinds.
 */
export async function apiGet(path: string, signal?: AbortSignal): Promise<ApiResponse> {
  let response: Response
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new DcsApiError({
      httpStatus: 0,
      kind: 'unreachable',
      message: 'The dashboard server could not be reached. Check your connection.',
      cause,
    })
  }
  const text = await response.text()
  let body: unknown = undefined
  let jsonError: unknown = null
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch (error) {
      jsonError = error
    }
  }
  if (!response.ok) throw await decodeErrorResponse(response.status, body ?? text)
  if (jsonError !== null || body === undefined) {
    throw new DcsApiError({
      httpStatus: response.status,
      kind: 'invalid-response',
      message: `The DCS answer is not valid JSON (${text.length} bytes received).`,
      cause: jsonError,
    })
  }
  return { body, text }
}
