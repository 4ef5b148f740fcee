/**
 * A token issued elsewhere (`OS_TOKEN` / `OS_AUTH_TOKEN`): sent as is. It cannot be renewed, so
 * once DCS rejects it every call fails with the cloud's 401 until the operator gives a new one.
 */
import type { AuthProvider, UpstreamRequestInfo } from '../auth.ts'

export class StaticTokenProvider implements AuthProvider {
  readonly kind = 'token'
  readonly #token: string

  constructor(token: string) {
    this.#token = token
  }

  async headers(_request?: UpstreamRequestInfo): Promise<Record<string, string>> {
    return { 'X-Auth-Token': this.#token }
  }

  invalidate(): void {}

  toJSON(): Record<string, string> {
    return { kind: this.kind }
  }
}
