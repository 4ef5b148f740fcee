// Shared by the wall benchmarks: a production build in a folder of its own, the real server with
// its in-process emulator (control API on), and Chromium. Ports stay in 4700–4799 unless moved
// with BENCH_PORT, so a benchmark does not collide with the e2e servers on the same machine.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CHROMIUM as E2E_CHROMIUM } from '../../e2e/servers.ts'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const cacheDir = `${root}node_modules/.cache/`

export const CHROMIUM = {
  ...E2E_CHROMIUM,
  args: [
    ...E2E_CHROMIUM.args,
    // Several wall tabs at once must all keep polling and painting, as on real screens.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
}

/**
 * `vite build` into its own folder (not dist/: the server reloads screens when dist/ changes, and
 * another run may be using it). `config`: another Vite config, e.g. the profiling variant.
 */
export function build(outDir, { env = {}, config } = {}) {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir']
  if (config !== undefined) args.push('--config', config)
  const result = spawnSync('npx', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`)
  return outDir
}

/** Starts server/main.ts and resolves once it listens; `stop()` ends it. */
export async function startServer({ port, emulatorPort, distDir, env = {} }) {
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DCS_EMULATOR_PORT: String(emulatorPort),
      DCS_EMULATOR_CONTROL: '1',
      DIST_DIR: distDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('DCS Dashboard on') && resolve())
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  const url = `http://127.0.0.1:${port}`
  const emulator = `http://127.0.0.1:${emulatorPort}`
  return {
    url,
    emulator,
    async stats() {
      const response = await fetch(`${emulator}/_emulator/stats`)
      return response.json()
    },
    async resetStats() {
      await fetch(`${emulator}/_emulator/stats`, { method: 'DELETE' })
    },
    async patch(project, id, body) {
      const response = await fetch(`${emulator}/_emulator/projects/${project}/instances/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`PATCH ${id}: ${response.status}`)
    },
    stop() {
      // The whole process group: npx, tsx and the server under it.
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    },
  }
}

/** List calls (GET …/instances) in the emulator's byRoute counters. */
export function upstreamListCalls(stats) {
  return Object.entries(stats.byRoute ?? {})
    .filter(([route]) => /^GET .*\/instances$/.test(route))
    .reduce((sum, [, n]) => sum + n, 0)
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
