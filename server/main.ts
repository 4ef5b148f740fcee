/**
 * `npm start` / `npm run serve`: reads the environment and the cloud configuration (clouds.yaml,
 * OS_* variables); with a cloud configured it signs in and watches those projects, otherwise it
 * starts the DCS emulator in-process on a loopback port. Then it builds the app and listens.
 * Bad configuration ends the process with one line.
 */
import { createApp } from './app.ts'
import { loadProjectTargets } from './config/cloud-config.ts'
import { checkDist, ConfigError, readConfig } from './env-config.ts'
import { createEmulator, type Emulator } from './emulator/emulator.ts'
import { EmulatorDataError, loadEmulatorDataFile } from './emulator/emulator-data.ts'
import { staticTokenAuth } from './upstream/auth.ts'
import { connectCloudProjects } from './upstream/cloud-projects.ts'
import type { UpstreamProject } from './upstream/projects.ts'

const CONFIG_ERRORS = [ConfigError.name, EmulatorDataError.name]

function fail(message: string): never {
  console.error(`dcs-dashboard: ${message}`)
  process.exit(1)
}

/** Turns the usual listen failures into one line naming the variable to change. */
async function listenOrExplain<T>(
  variable: string,
  host: string,
  port: number,
  listen: () => Promise<T>,
) {
  try {
    return await listen()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      fail(`port ${port} on ${host} is already in use; set ${variable} to a free port.`)
    }
    if (code === 'EADDRNOTAVAIL') fail(`cannot listen on ${host}: not a local address (HOST).`)
    if (code === 'EACCES') fail(`not allowed to listen on ${host}:${port}; set ${variable}.`)
    throw error
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env)
  checkDist(config.distDir)
  const targets = loadProjectTargets({ env: process.env })
  const accessToken = process.env.DASHBOARD_TOKEN?.trim() || undefined

  let projects: UpstreamProject[]
  let source: string
  let details: string[] = []
  let emulator: Emulator | undefined
  if (targets.length > 0) {
    const cloud = await connectCloudProjects(targets, { timeoutMs: config.upstreamTimeoutMs })
    projects = cloud.projects
    source = `cloud, ${projects.length} project${projects.length === 1 ? '' : 's'}`
    details = cloud.descriptions.map((line) => `  ${line}`)
    for (const warning of cloud.warnings) console.warn(`dcs-dashboard: ${warning}`)
  } else {
    const data =
      config.emulatorDataFile !== undefined
        ? loadEmulatorDataFile(config.emulatorDataFile)
        : undefined
    const started = await listenOrExplain(
      'DCS_EMULATOR_PORT',
      '127.0.0.1',
      config.emulatorPort,
      () =>
        createEmulator({
          data,
          host: '127.0.0.1',
          port: config.emulatorPort,
          simulate: config.emulatorSimulate,
          control: config.emulatorControl,
        }),
    )
    emulator = started
    projects = started.projects.map((project) => ({
      ...project,
      source: 'emulator' as const,
      endpoint: started.url,
      auth: staticTokenAuth(started.token),
    }))
    const names =
      started.projects.map((p) => `${p.region} ${p.id.slice(0, 4)}…`).join(', ') ||
      'none (the data file lists no project)'
    source =
      config.emulatorDataFile !== undefined
        ? `emulator with ${config.emulatorDataFile}, projects ${names}`
        : `built-in emulator, projects ${names}`
  }

  const app = await createApp({
    projects,
    distDir: config.distDir,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    refreshSeconds: config.refreshSeconds,
    accessToken,
  })
  await listenOrExplain('PORT', config.host, config.port, () =>
    app.listen({ host: config.host, port: config.port }),
  )

  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const access = accessToken !== undefined ? '; viewers need DASHBOARD_TOKEN' : ''
  console.log(
    [`DCS Dashboard on http://${host}:${port} (data: ${source})${access}`, ...details].join('\n'),
  )
  if (emulator?.controlEnabled === true) {
    console.log(`Emulator control API on ${emulator.url}/_emulator (its IAM on ${emulator.url}/v3)`)
  }

  const shutdown = () => {
    void Promise.allSettled([app.close(), emulator?.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  // By name, so configuration errors from any loader (env, data file, clouds.yaml) print alike.
  if (error instanceof Error && CONFIG_ERRORS.includes(error.name)) fail(error.message)
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`)
})
