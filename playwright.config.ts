import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM, DATA_FILES, SERVERS, writeDataFiles } from './e2e/servers'

// Data files for the servers below (300 instances, every fixture) are generated before they start.
writeDataFiles()

const chromium = { ...devices['Desktop Chrome'], launchOptions: CHROMIUM }

function server(name: keyof typeof SERVERS, env: Record<string, string>) {
  const { port, emulatorPort } = SERVERS[name]
  return {
    command: 'npx tsx server/main.ts',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DCS_EMULATOR_PORT: String(emulatorPort),
      DCS_EMULATOR_CONTROL: '1',
      DCS_EMULATOR_SIMULATE: '0',
      UPSTREAM_TIMEOUT_MS: '3000',
      // Screens poll (and the server shares answers) every 4 s, so journeys see changes quickly.
      REFRESH_SECONDS: '4',
      ...env,
    },
  }
}

export default defineConfig({
  testDir: './e2e',
  // Its own folder: Playwright empties it on start, and test-results/ also holds the unit-test report.
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  // The journeys share servers whose faults they switch on and off: one at a time.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${SERVERS.demo.port}`,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: chromium }],
  webServer: [
    server('demo', {}),
    server('fleet300', { DCS_EMULATOR_DATA: DATA_FILES.fleet300 }),
    server('fixtures', { DCS_EMULATOR_DATA: DATA_FILES.fixtures }),
  ],
})
