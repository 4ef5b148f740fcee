/**
 * Server configuration from environment variables. Every problem becomes a ConfigError with a
 * one-line message that main.ts prints without a stack trace.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface ServerConfig {
  host: string
  port: number
  distDir: string
  /** DCS_EMULATOR_DATA: a JSON file replacing the demo fleet. */
  emulatorDataFile: string | undefined
  /** DCS_EMULATOR_SIMULATE: undefined = default (on for the demo fleet, off for a data file). */
  emulatorSimulate: boolean | undefined
  emulatorControl: boolean
  emulatorPort: number
  upstreamTimeoutMs: number
  /** REFRESH_SECONDS: how often screens poll, and how long the server shares one DCS answer. */
  refreshSeconds: number
}

type Env = Record<string, string | undefined>

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`${name}="${raw}" is not a port number (0–65535).`)
  }
  return Number(raw)
}

function flag(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return undefined
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  throw new ConfigError(
    `${name}="${env[name]}" must be 1 or 0 (true/false, yes/no and on/off work too).`,
  )
}

export function readConfig(env: Env): ServerConfig {
  const timeoutRaw = env.UPSTREAM_TIMEOUT_MS
  let upstreamTimeoutMs = 10_000
  if (timeoutRaw !== undefined && timeoutRaw !== '') {
    if (!/^\d+$/.test(timeoutRaw) || Number(timeoutRaw) < 1) {
      throw new ConfigError(`UPSTREAM_TIMEOUT_MS="${timeoutRaw}" must be a whole number of ms ≥ 1.`)
    }
    upstreamTimeoutMs = Number(timeoutRaw)
  }
  const refreshRaw = env.REFRESH_SECONDS
  let refreshSeconds = 30
  if (refreshRaw !== undefined && refreshRaw !== '') {
    if (!/^\d+$/.test(refreshRaw) || Number(refreshRaw) < 1 || Number(refreshRaw) > 3600) {
      throw new ConfigError(
        `REFRESH_SECONDS="${refreshRaw}" must be a whole number of seconds, 1–3600.`,
      )
    }
    refreshSeconds = Number(refreshRaw)
  }
  return {
    refreshSeconds,
    host: env.HOST !== undefined && env.HOST !== '' ? env.HOST : '127.0.0.1',
    port: port(env, 'PORT', 8080),
    distDir:
      env.DIST_DIR !== undefined && env.DIST_DIR !== ''
        ? env.DIST_DIR
        : fileURLToPath(new URL('../dist', import.meta.url)),
    emulatorDataFile: env.DCS_EMULATOR_DATA !== '' ? env.DCS_EMULATOR_DATA : undefined,
    emulatorSimulate: flag(env, 'DCS_EMULATOR_SIMULATE'),
    emulatorControl: flag(env, 'DCS_EMULATOR_CONTROL') ?? false,
    emulatorPort: port(env, 'DCS_EMULATOR_PORT', 0),
    upstreamTimeoutMs,
  }
}

export function checkDist(distDir: string): void {
  if (!existsSync(`${distDir}/index.html`)) {
    throw new ConfigError(`${distDir}/index.html is missing: run npm run build first.`)
  }
}
