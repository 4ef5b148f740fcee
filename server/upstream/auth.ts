/**
 * How the proxy authenticates to a DCS endpoint. Each project gets a provider: a static token
 * (the in-process emulator, OS_TOKEN), an IAM password sign-in or AK/SK signing (auth/). It gets
 * the outgoing request and returns the headers to add.
 */

export interface UpstreamRequestInfo {
  method: string
  url: URL
}

export interface AuthProvider {
  /** A short description for logs and /healthz, never the secret itself. */
  readonly kind: string
  headers(request: UpstreamRequestInfo): Promise<Record<string, string>>
  /** DCS answered 401 to a call made with `rejected`: drop that credential so the next call renews it. */
  invalidate?(rejected: Record<string, string>): void
}

export function staticTokenAuth(token: string): AuthProvider {
  return {
    kind: 'static-token',
    headers: async () => ({ 'X-Auth-Token': token }),
  }
}
