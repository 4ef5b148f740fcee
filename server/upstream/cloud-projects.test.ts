import { afterEach, expect, test } from 'vitest'
import { ConfigError } from '../config/config-error.ts'
import type { ProjectTarget } from '../config/project-target.ts'
import {
  startIamTestServer,
  TEST_DOMAIN,
  TEST_KEY,
  TEST_PROJECTS,
  TEST_USER,
  type IamTestServer,
} from '../emulator/iam-test-server.ts'
import { connectCloudProjects } from './cloud-projects.ts'

let server: IamTestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const [DE, NL] = TEST_PROJECTS.map((p) => p.id) as [string, string]

function passwordTarget(
  overrides: Partial<ProjectTarget> = {},
  password = TEST_USER.password,
): ProjectTarget {
  return {
    name: 'emu',
    projectName: 'eu-nl_ops',
    region: 'eu-nl',
    auth: {
      kind: 'password',
      authUrl: `${server?.url}/v3`,
      username: TEST_USER.name,
      password,
      userDomainName: TEST_DOMAIN,
      projectName: 'eu-nl_ops',
    },
    ...overrides,
  }
}

test('a project named in the config learns its id and DCS endpoint from the token', async () => {
  server = await startIamTestServer()
  const { projects, descriptions } = await connectCloudProjects([
    passwordTarget(),
    {
      name: 'keys',
      projectId: DE,
      region: 'eu-de',
      auth: { kind: 'aksk', ...TEST_KEY, projectId: DE },
    },
    { name: 'tok', projectId: 'p3', region: 'eu-de', auth: { kind: 'token', token: 'tok-secret' } },
  ])
  expect(
    projects.map(({ id, name, region, source, endpoint }) => ({
      id,
      name,
      region,
      source,
      endpoint,
    })),
  ).toEqual([
    { id: NL, name: 'eu-nl_ops', region: 'eu-nl', source: 'cloud', endpoint: server.url },
    {
      id: DE,
      name: 'keys',
      region: 'eu-de',
      source: 'cloud',
      endpoint: 'https://dcs.eu-de.otc.t-systems.com',
    },
    {
      id: 'p3',
      name: 'tok',
      region: 'eu-de',
      source: 'cloud',
      endpoint: 'https://dcs.eu-de.otc.t-systems.com',
    },
  ])
  expect(descriptions[0]).toMatch(
    new RegExp(
      `^emu: project ${NL} \\(eu-nl_ops\\) in eu-nl, cloud via IAM password sign-in as dashboard-viewer at 127\\.0\\.0\\.1:\\d+, DCS http://127\\.0\\.0\\.1:\\d+ \\(from the token catalog\\)$`,
    ),
  )
  expect(descriptions[1]).toContain('AK/SK signing (AK HPUA…)')
  const text = descriptions.join('\n')
  for (const secret of [TEST_USER.password, TEST_KEY.sk, 'tok-secret'])
    expect(text).not.toContain(secret)
})

test('a refused sign-in stops the start with a clear message', async () => {
  server = await startIamTestServer()
  const error = await connectCloudProjects([passwordTarget({}, 'wrong')]).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as Error).message).toMatch(
    /^emu: IAM at 127\.0\.0\.1:\d+ refused the sign-in of dashboard-viewer for project eu-nl_ops: HTTP 401/,
  )
  expect((error as Error).message).not.toContain('wrong')
})

test('an unreachable IAM is fatal only when the project id is unknown', async () => {
  server = await startIamTestServer()
  const url = server.url
  await server.close()
  server = undefined
  const target = passwordTarget()
  if (target.auth.kind !== 'password') throw new Error('password target expected')
  target.auth.authUrl = url
  await expect(connectCloudProjects([target])).rejects.toThrow(/did not answer the sign-in/)
  const byId: ProjectTarget = {
    ...target,
    projectId: NL,
    projectName: undefined,
    auth: { ...target.auth, projectName: undefined, projectId: NL },
  }
  const { projects, warnings } = await connectCloudProjects([byId])
  expect(projects[0]?.id).toBe(NL)
  expect(warnings[0]).toMatch(/will retry on the first DCS call/)
})
