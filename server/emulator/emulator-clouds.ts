/**
 * A clouds.yaml and secure.yaml aimed at a running emulator, the way README §5 describes: cloud
 * `emu` signs in with the demo user's password at its IAM, cloud `keys` signs with the demo access
 * key. Tests write them into a config folder; `extraClouds` appends further entries (YAML text,
 * indented as cloud entries).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_PROJECT_EU_NL } from './demo-fleet.ts'
import { EMULATOR_ACCESS_KEY, EMULATOR_DOMAIN, EMULATOR_USER } from './emulator.ts'

export function writeEmulatorClouds(dir: string, emulatorUrl: string, extraClouds = ''): void {
  writeFileSync(
    join(dir, 'clouds.yaml'),
    `clouds:
  emu:
    auth:
      auth_url: ${emulatorUrl}/v3
      username: ${EMULATOR_USER.name}
      user_domain_name: ${EMULATOR_DOMAIN}
      project_name: eu-de_demo
    region_name: eu-de
  keys:
    auth:
      ak: ${EMULATOR_ACCESS_KEY.ak}
      project_id: ${DEMO_PROJECT_EU_NL}
    region_name: eu-nl
    dcs_endpoint: ${emulatorUrl}
${extraClouds}`,
  )
  writeFileSync(
    join(dir, 'secure.yaml'),
    `clouds:\n  emu:\n    auth:\n      password: ${EMULATOR_USER.password}\n  keys:\n    auth:\n      sk: ${EMULATOR_ACCESS_KEY.sk}\n`,
  )
}
