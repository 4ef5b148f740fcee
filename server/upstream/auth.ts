/**
 * How the proxy authenticates to a DCS endpoint. Each project gets a provider; today the only one
 * is a static token (the in-process emulator). An IAM password or AK/SK provider fits the same
 * shape later: it gets the outgoing request and returns the headers to add.
 */

export interface UpstreamRequestInfo {
  method: string
  url: URL
}

export interface AuthProvider {
  /** A short description for logs and /healthz, never the secret itself. */
  readonly kind: string
  headers(request: UpstreamRequestInfo): Promise<Record<string, string>>
}

export function staticTokenAuth(token: string): AuthProvider {
  return {
    kind: 'static-token',
    headers: async () => ({ 'X-Auth-Token': token }),
  }
}
