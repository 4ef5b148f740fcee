// Lighthouse (desktop preset) against the real server and emulator, for the pages people open.
// A benchmark, not a test: prints the scores and the metrics behind them. Needs a build (dist/).
//   npm run bench:lighthouse
import { spawn } from 'node:child_process'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import * as chromeLauncher from 'chrome-launcher'
import { CHROMIUM } from '../../e2e/servers.ts'

const port = Number(process.env.BENCH_PORT ?? 4280)
const base = `http://127.0.0.1:${port}`
const pages = {
  detail:
    '/projects/9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6/instances/68d5745e-6af2-40e4-945d-fe449be00148',
  overview: '/',
  list: '/projects/9c4d2e8a1f3b47d6a5e0c2b8d7f1a3e6/instances?sort=memory',
  wall: '/wall',
}

const server = spawn('npx', ['tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: String(port), DCS_EMULATOR_SIMULATE: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('DCS Dashboard on') && resolve())
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
})

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM.executablePath,
  chromeFlags: ['--headless=new', ...CHROMIUM.args],
})
const rows = []
try {
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(
      base + path,
      {
        port: chrome.port,
        output: 'json',
        logLevel: process.env.LH_LOG ?? 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      },
      desktopConfig,
    )
    const { categories, audits } = result.lhr
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100)
    rows.push({
      page: name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      FCP: audits['first-contentful-paint'].displayValue,
      LCP: audits['largest-contentful-paint'].displayValue,
      TBT: audits['total-blocking-time'].displayValue,
      CLS: audits['cumulative-layout-shift'].displayValue,
    })
    const failing = Object.values(audits).filter(
      (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
    )
    for (const audit of failing) console.log(`  ${name}: ${audit.id}: ${audit.title}`)
  }
} finally {
  await chrome.kill()
  server.kill()
}
console.table(rows)
