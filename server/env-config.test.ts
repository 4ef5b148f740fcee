import { expect, test } from 'vitest'
import { ConfigError, readConfig } from './env-config.ts'

test('defaults: 127.0.0.1:8080, ephemeral emulator port, 10 s upstream timeout', () => {
  const config = readConfig({})
  expect(config).toMatchObject({
    host: '127.0.0.1',
    port: 8080,
    emulatorPort: 0,
    emulatorControl: false,
    emulatorSimulate: undefined,
    emulatorDataFile: undefined,
    upstreamTimeoutMs: 10_000,
  })
  expect(config.distDir).toMatch(/dist$/)
})

test('variables are read', () => {
  expect(
    readConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DCS_EMULATOR_DATA: '/tmp/fleet.json',
      DCS_EMULATOR_SIMULATE: '1',
      DCS_EMULATOR_CONTROL: '1',
      DCS_EMULATOR_PORT: '9001',
      UPSTREAM_TIMEOUT_MS: '250',
    }),
  ).toMatchObject({
    host: '0.0.0.0',
    port: 9000,
    emulatorDataFile: '/tmp/fleet.json',
    emulatorSimulate: true,
    emulatorControl: true,
    emulatorPort: 9001,
    upstreamTimeoutMs: 250,
  })
  expect(readConfig({ DCS_EMULATOR_SIMULATE: '0' }).emulatorSimulate).toBe(false)
})

test.each([
  [{ PORT: 'eighty' }, /PORT="eighty"/],
  [{ PORT: '70000' }, /PORT="70000"/],
  [{ DCS_EMULATOR_PORT: '-1' }, /DCS_EMULATOR_PORT/],
  [{ UPSTREAM_TIMEOUT_MS: '0' }, /UPSTREAM_TIMEOUT_MS/],
  [{ DCS_EMULATOR_CONTROL: 'maybe' }, /DCS_EMULATOR_CONTROL/],
])('%o is a one-line ConfigError', (env, message) => {
  expect(() => readConfig(env)).toThrow(ConfigError)
  expect(() => readConfig(env)).toThrow(message)
})
