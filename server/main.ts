/**
 * `npm start` / `npm run serve`: reads the environment, starts the DCS emulator in-process on a
 * loopback port, builds the app and listens. Bad configuration ends the process with one line.
 */
import { createApp } from './app.ts'
import { checkDist, ConfigError, readConfig } from './env-config.ts'
import { createEmulator } from './emulator/emulator.ts'
import { EmulatorDataError, loadEmulatorDataFile } from './emulator/emulator-data.ts'
import { staticTokenAuth } from './upstream/auth.ts'

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
  const data =
    config.emulatorDataFile !== undefined
      ? loadEmulatorDataFile(config.emulatorDataFile)
      : undefined

  const emulator = await listenOrExplain(
    'The emulator (DCS_EMULATOR_PORT)',
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
  const app = await createApp({
    projects: emulator.projects.map((project) => ({
      ...project,
      source: 'emulator' as const,
      endpoint: emulator.url,
      auth: staticTokenAuth(emulator.token),
    })),
    distDir: config.distDir,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
  })
  await listenOrExplain('PORT', config.host, config.port, () =>
    app.listen({ host: config.host, port: config.port }),
  )

  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const source =
    config.emulatorDataFile !== undefined
      ? `emulator with ${config.emulatorDataFile}`
      : 'built-in emulator'
  const projects = emulator.projects.map((p) => `${p.region} ${p.id.slice(0, 4)}…`).join(', ')
  console.log(`DCS Dashboard on http://${host}:${port} (data: ${source}, projects ${projects})`)
  if (emulator.controlEnabled) {
    console.log(
      `Emulator control API on ${emulator.url}/_emulator (DCS API token: ${emulator.token})`,
    )
  }

  const shutdown = () => {
    void Promise.allSettled([app.close(), emulator.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  // By name, so configuration errors from any loader (env, data file, clouds.yaml) print alike.
  if (error instanceof Error && CONFIG_ERRORS.includes(error.name)) fail(error.message)
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`)
})
