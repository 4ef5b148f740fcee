/**
 * `npm start` with a cloud configured, as a real process against the emulator's IAM and DCS:
 * what it says at start-up, that it serves data, that its logs carry no secret, and the one-line
 * refusals of broken configurations.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PROJECT_EU_DE as DE, DEMO_PROJECT_EU_NL as NL } from './emulator/demo-fleet.ts'
import { writeEmulatorClouds } from './emulator/emulator-clouds.ts'
import {
  createEmulator,
  EMULATOR_ACCESS_KEY,
  EMULATOR_DOMAIN,
  EMULATOR_USER,
  type Emulator,
} from './emulator/emulator.ts'

const main = fileURLToPath(new URL('./main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'dcs-main-cloud-'))
writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^(OS_|DCS_CLOUDS$|DCS_ENDPOINT$|DASHBOARD_TOKEN$)/.test(name),
  ),
)
let emulator: Emulator

beforeAll(async () => {
  emulator = await createEmulator({ simulate: false })
  writeEmulatorClouds(
    dir,
    emulator.url,
    `  nopassword:
    auth:
      auth_url: ${emulator.url}/v3
      username: someone
      user_domain_name: ${EMULATOR_DOMAIN}
      project_name: eu-de_demo
  wrongpassword:
    auth:
      auth_url: ${emulator.url}/v3
      username: ${EMULATOR_USER.name}
      password: not-the-password
      user_domain_name: ${EMULATOR_DOMAIN}
      project_name: eu-de_demo
`,
  )
})
afterAll(async () => {
  await emulator.close()
})

const cloudEnv = (extra: Record<string, string>) => ({
  ...baseEnv,
  DIST_DIR: dir,
  PORT: '0',
  OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml'),
  ...extra,
})

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', main],
      { env: cloudEnv(env), timeout: 15_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stderr }),
    )
  })
}

test('with DCS_CLOUDS it says where each project gets its data, serves it, and logs no secret', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: cloudEnv({ DCS_CLOUDS: 'emu,keys', DASHBOARD_TOKEN: 'viewer-secret-1' }),
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (output.includes('keys:')) resolve()
      })
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
    })
    const lines = output.trim().split('\n')
    expect(lines[0]).toMatch(
      /^DCS Dashboard on http:\/\/127\.0\.0\.1:\d+ \(data: cloud, 2 projects\); viewers need DASHBOARD_TOKEN$/,
    )
    expect(lines[1]).toMatch(
      new RegExp(
        `^  emu: project ${DE} \\(eu-de_demo\\) in eu-de, cloud via IAM password sign-in as dashboard at 127\\.0\\.0\\.1:\\d+, DCS http://127\\.0\\.0\\.1:\\d+ \\(from the token catalog\\)$`,
      ),
    )
    expect(lines[2]).toMatch(
      new RegExp(
        `^  keys: project ${NL} in eu-nl, cloud via AK/SK signing \\(AK EMUL…\\), DCS http://127\\.0\\.0\\.1:\\d+ \\(configured\\)$`,
      ),
    )
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(lines[0] ?? '')![0]
    const auth = { authorization: 'Bearer viewer-secret-1' }
    for (const project of [DE, NL]) {
      const response = await fetch(`${url}/api/dcs/${project}/instances`, { headers: auth })
      expect(response.status).toBe(200)
    }
    expect((await fetch(`${url}/api/dcs/${DE}/instances`)).status).toBe(401)
    expect(emulator.iam.stats().issued).toBe(1)
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
  for (const secret of [
    EMULATOR_USER.password,
    EMULATOR_ACCESS_KEY.sk,
    'viewer-secret-1',
    emulator.token,
  ]) {
    expect(output).not.toContain(secret)
  }
})

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr.trim()).toMatch(pattern)
  expect(stderr).not.toMatch(/\n\s+at /)
}

test('broken cloud configurations stop the start with one line', async () => {
  const unknown = await run({ OS_CLOUD: 'otc-fr' })
  expect(unknown.code).toBe(1)
  expectOneLine(
    unknown.stderr,
    /^dcs-dashboard: OS_CLOUD names the cloud "otc-fr", which .*clouds\.yaml does not define \(it defines: emu, keys, nopassword, wrongpassword\)$/,
  )
  const missing = await run({ OS_CLOUD: 'nopassword' })
  expectOneLine(
    missing.stderr,
    /cloud "nopassword": auth\.password \(here or in secure\.yaml\) is missing \(for user someone\)/,
  )
  const refused = await run({ OS_CLOUD: 'wrongpassword' })
  expectOneLine(
    refused.stderr,
    /^dcs-dashboard: wrongpassword: IAM at 127\.0\.0\.1:\d+ refused the sign-in of dashboard for project eu-de_demo: HTTP 401 /,
  )
  expect(refused.stderr).not.toContain('not-the-password')
  const unreadable = await run({
    OS_CLOUD: 'emu',
    OS_CLIENT_CONFIG_FILE: join(dir, 'missing.yaml'),
  })
  expectOneLine(unreadable.stderr, /cannot read .*missing\.yaml \(ENOENT\)/)
})
