/**
 * `npm run emulator`: the DCS emulator alone, for poking at it with curl or pointing another
 * tool at it. Same variables as the dashboard; DCS_EMULATOR_TOKEN fixes the token.
 */
import { ConfigError, readConfig } from '../env-config.ts'
import {
  createEmulator,
  EMULATOR_ACCESS_KEY,
  EMULATOR_DOMAIN,
  EMULATOR_USER,
  iamProjectName,
} from './emulator.ts'
import { EmulatorDataError, loadEmulatorDataFile } from './emulator-data.ts'

async function main(): Promise<void> {
  const config = readConfig(process.env)
  const data =
    config.emulatorDataFile !== undefined
      ? loadEmulatorDataFile(config.emulatorDataFile)
      : undefined
  const emulator = await createEmulator({
    data,
    port: config.emulatorPort === 0 ? 8081 : config.emulatorPort,
    token: process.env.DCS_EMULATOR_TOKEN || undefined,
    simulate: config.emulatorSimulate,
    control: config.emulatorControl,
  })
  console.log(`DCS emulator on ${emulator.url} (X-Auth-Token: ${emulator.token})`)
  for (const project of emulator.projects) {
    console.log(`  ${project.region}: ${emulator.url}/v1.0/${project.id}/instances`)
  }
  console.log(
    `  IAM: ${emulator.url}/v3 (demo user ${EMULATOR_USER.name} in domain ${EMULATOR_DOMAIN}, projects ${emulator.projects.map(iamProjectName).join(', ')}; AK ${EMULATOR_ACCESS_KEY.ak}; see the README)`,
  )
  if (emulator.controlEnabled) console.log(`  control: ${emulator.url}/_emulator/stats`)
  const stop = () => void emulator.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EmulatorDataError
  const code = (error as NodeJS.ErrnoException).code
  const message = known
    ? error.message
    : code === 'EADDRINUSE'
      ? 'the emulator port is already in use; set DCS_EMULATOR_PORT.'
      : String(error instanceof Error ? error.message : error)
  console.error(`dcs-emulator: ${message}`)
  process.exit(1)
})
