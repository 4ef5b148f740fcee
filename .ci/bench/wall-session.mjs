// Benchmark, not a test: a long wall session at the default refresh (30 s) against the demo fleet,
// with several wall screens open at once. Prints the list requests the screens make and the list
// calls that reach DCS (the emulator's counters): with the server's shared answers that stays at
// one upstream call per project per interval, however many screens are open.
//   npm run bench:wall-session            (10 minutes, 5 screens)
//   BENCH_MINUTES=2 BENCH_SCREENS=3 npm run bench:wall-session
import { chromium } from '@playwright/test'
import {
  build,
  cacheDir,
  CHROMIUM,
  round,
  startServer,
  upstreamListCalls,
} from './bench-server.mjs'

const minutes = Number(process.env.BENCH_MINUTES ?? 10)
const screens = Number(process.env.BENCH_SCREENS ?? 5)
const port = Number(process.env.BENCH_PORT ?? 4710)
const REFRESH_SECONDS = 30 // the server's default: no REFRESH_SECONDS, no refresh= in the link

const distDir = process.env.BENCH_DIST ?? build(`${cacheDir}bench-dist/`)
const server = await startServer({
  port,
  emulatorPort: port + 1,
  distDir,
  env: { REFRESH_SECONDS: '' },
})
const browser = await chromium.launch(CHROMIUM)
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args)

try {
  const config = await (await fetch(`${server.url}/api/config`)).json()
  const projects = config.projects.length
  log(`server ${server.url}, ${projects} projects, refresh ${config.refreshSeconds} s`)

  await server.resetStats()
  const started = Date.now()
  const counts = []
  const pages = []
  for (let i = 0; i < screens; i++) {
    // Each screen in its own browser context, like separate TVs; opened a few seconds apart so
    // their poll timers are out of phase (the harder case for the shared cache).
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const count = { lists: 0, config: 0, other: 0 }
    counts.push(count)
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (/^\/api\/dcs\/[^/]+\/instances$/.test(pathname)) count.lists += 1
      else if (pathname === '/api/config') count.config += 1
      else if (pathname.startsWith('/api/')) count.other += 1
    })
    await page.goto(`${server.url}/wall`)
    await page.getByTestId('wall-tile').first().waitFor()
    pages.push(page)
    if (i < screens - 1) await page.waitForTimeout((REFRESH_SECONDS * 1000) / screens)
  }
  log(`${screens} wall screens open`)

  const endAt = started + minutes * 60_000
  let lastUpstream = 0
  while (Date.now() < endAt) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, endAt - Date.now())))
    const upstream = upstreamListCalls(await server.stats())
    const browserLists = counts.reduce((sum, c) => sum + c.lists, 0)
    log(
      `minute ${round((Date.now() - started) / 60_000, 1)}: browser list requests ${browserLists},` +
        ` upstream list calls ${upstream} (+${upstream - lastUpstream})`,
    )
    lastUpstream = upstream
  }

  const elapsedS = (Date.now() - started) / 1000
  const stats = await server.stats()
  const upstream = upstreamListCalls(stats)
  const intervals = elapsedS / REFRESH_SECONDS
  const tiles = await pages[0].getByTestId('wall-tile').count()
  console.log('')
  console.log(`wall session: ${round(elapsedS / 60, 2)} min, ${screens} screens, refresh 30 s`)
  console.log(`intervals elapsed: ${round(intervals, 1)} · tiles on screen 1: ${tiles}`)
  console.table(
    counts.map((c, i) => ({
      screen: i + 1,
      'list requests': c.lists,
      'per project per interval': round(c.lists / projects / intervals, 2),
      'config requests': c.config,
      'other /api': c.other,
    })),
  )
  const browserLists = counts.reduce((sum, c) => sum + c.lists, 0)
  console.log(`list requests by the browsers:   ${browserLists}`)
  console.log(`upstream list calls (emulator):  ${upstream}`)
  console.log(
    `upstream per project per interval: ${round(upstream / projects / intervals, 2)} ` +
      `(target 1; ${screens} screens would make ${screens} without the shared cache)`,
  )
  console.log(`emulator byRoute: ${JSON.stringify(stats.byRoute)}`)
} finally {
  await browser.close()
  server.stop()
}
