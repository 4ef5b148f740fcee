import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const main = fileURLToPath(new URL('./main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'dcs-main-'))
writeFileSync(join(dir, 'broken.json'), '{"projects": {"p": [')
writeFileSync(join(dir, 'index.html'), '<!doctype html>')

/** The test's own environment minus any cloud configuration the developer's shell may carry. */
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^(OS_|DCS_CLOUDS$|DCS_ENDPOINT$|DASHBOARD_TOKEN$)/.test(name),
  ),
)

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', main],
      { env: { ...baseEnv, PORT: '0', ...env }, timeout: 15_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stderr }),
    )
  })
}

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(pattern)
  expect(stderr).not.toMatch(/\n\s+at /)
}

test('a missing build says to run npm run build first', async () => {
  const { code, stderr } = await run({ DIST_DIR: join(dir, 'nowhere') })
  expect(code).toBe(1)
  expectOneLine(stderr, /index\.html is missing: run npm run build first/)
})

test('a broken data file is named in one line', async () => {
  const { code, stderr } = await run({ DIST_DIR: dir, DCS_EMULATOR_DATA: join(dir, 'broken.json') })
  expect(code).toBe(1)
  expectOneLine(stderr, /DCS_EMULATOR_DATA: .*broken\.json is not valid JSON/)
})

test('a port in use is reported in one line', async () => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const address = blocker.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  try {
    const { code, stderr } = await run({ DIST_DIR: dir, PORT: String(port) })
    expect(code).toBe(1)
    expectOneLine(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use; set PORT`))
  } finally {
    blocker.close()
  }
})

test('a good start prints the URL and the projects, then serves', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...baseEnv, DIST_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
  })
  try {
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()))
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)))
    })
    expect(line).toMatch(
      /^DCS Dashboard on http:\/\/127\.0\.0\.1:\d+ \(data: built-in emulator, projects eu-de 9c4d…, eu-nl 3b7f…\)/,
    )
    const url = /http:\/\/\S+/.exec(line)![0]
    const config = (await (await fetch(`${url}/api/config`)).json()) as { projects: unknown[] }
    expect(config.projects).toHaveLength(2)
  } finally {
    child.kill('SIGTERM')
  }
})
