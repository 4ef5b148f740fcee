/**
 * A loopback server with only the emulated IAM and one DCS-shaped route that checks auth, for
 * tests of the IAM and of the auth providers without the whole emulator.
 */
import Fastify from 'fastify'
import { EmulatedIam, type IamOptions } from './iam.ts'

export const TEST_DOMAIN = 'OTC-EU-DE-00000000001000012345'
export const TEST_PROJECTS = [
  { id: '9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6', name: 'eu-de', region: 'eu-de', domain: TEST_DOMAIN },
  {
    id: '3b7f9e1c5a2d48b0e6c4a1f8d2b7e5c9',
    name: 'eu-nl_ops',
    region: 'eu-nl',
    domain: TEST_DOMAIN,
  },
  {
    id: 'ffffffffffffffffffffffffffffffff',
    name: 'eu-de_other',
    region: 'eu-de',
    domain: 'OTHER-DOMAIN',
  },
]
export const TEST_USER = {
  name: 'dashboard-viewer',
  password: 'correct horse battery staple',
  domain: TEST_DOMAIN,
}
export const TEST_KEY = {
  ak: 'HPUAEXAMPLEAK0000001',
  sk: 'SkExampleSecretKey0123456789abcdefghijklm',
  domain: TEST_DOMAIN,
}

export interface IamTestServer {
  url: string
  iam: EmulatedIam
  /** DCS calls that passed the auth check. */
  accepted: () => number
  close(): Promise<void>
}

export async function startIamTestServer(
  options: Partial<IamOptions> = {},
): Promise<IamTestServer> {
  const app = Fastify({ logger: false, forceCloseConnections: true })
  let url = ''
  let accepted = 0
  const iam = new EmulatedIam({
    users: [TEST_USER],
    projects: TEST_PROJECTS,
    accessKeys: [TEST_KEY],
    dcsEndpoint: () => url,
    ...options,
  })
  iam.register(app)
  app.get<{ Params: { project: string } }>('/v1.0/:project/instances', async (request, reply) => {
    const check = iam.authorize(
      { method: request.method, url: request.url, headers: request.headers },
      request.params.project,
    )
    if (!check.ok) return reply.code(check.refusal.status).send(check.refusal.body)
    accepted += 1
    return { instance_num: 0, instances: [], via: check.via }
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  url = `http://127.0.0.1:${address.port}`
  return { url, iam, accepted: () => accepted, close: () => app.close() }
}
