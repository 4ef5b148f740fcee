// Benchmark, not a test: the wall with a 2,000-instance fleet at 1920×1080.
//   (a) time to the first full render,
//   (b) per poll that changes 5 % of the instances: React render time of the commit, time from the
//       data's arrival to the commit and to the next frame, and how many tiles rendered again,
//   (c) JS heap after a forced GC every 50 polls: the series and its slope.
// Runs the production build with React's profiling renderer (vite.profiling.config.mjs), served
// by the real server with its emulator; between polls the emulator's control API changes 100
// instances. React's timings are read through the DevTools hook, so the app carries no
// instrumentation of its own.
//   npm run bench:wall                 (300 polls, about 11 minutes)
//   BENCH_POLLS=60 npm run bench:wall
import { chromium } from '@playwright/test'
import { build, cacheDir, CHROMIUM, percentile, root, round, startServer } from './bench-server.mjs'
import { bigFleet, instanceId, writeFleet } from './fleet.mjs'

const COUNT = 2000
const PROJECTS = 4
const CHANGED = COUNT / 20
const polls = Number(process.env.BENCH_POLLS ?? 300)
const heapEvery = 50
const port = Number(process.env.BENCH_PORT ?? 4720)
const REFRESH = 2 // s, the shortest a wall link accepts; the server shares answers for 1 s

const distDir =
  process.env.BENCH_DIST ??
  build(`${cacheDir}bench-dist-profiling/`, {
    config: `${root}.ci/bench/vite.profiling.config.mjs`,
  })
const dataFile = writeFleet(`${cacheDir}bench-data/fleet-${COUNT}.json`, COUNT, PROJECTS)
const server = await startServer({
  port,
  emulatorPort: port + 1,
  distDir,
  env: { DCS_EMULATOR_DATA: dataFile, DCS_EMULATOR_SIMULATE: '0', REFRESH_SECONDS: '1' },
})
const browser = await chromium.launch({
  ...CHROMIUM,
  args: [...CHROMIUM.args, '--enable-precise-memory-info'],
})

/**
 * Runs in the page before the app: a minimal React DevTools hook. React calls it after every
 * commit with the fiber root; with the profiling renderer each fiber carries actualDuration.
 * Per commit it records the render time, whether the wall component itself rendered (its grid's
 * props are a new object), and which tiles rendered (a memoized tile that bails out keeps its
 * previous props object, so a new props object means it rendered).
 */
function instrument() {
  // When list answers arrived (resource timing, read at each commit). A commit is timed from the
  // latest answer that arrived since the previous commit; commits with no new answer (a fetch
  // starting, a clock) are not.
  performance.setResourceTimingBufferSize(100_000)
  let consumed = 0
  const newListArrival = () => {
    let latest = null
    for (const e of performance.getEntriesByType('resource')) {
      if (/\/api\/dcs\/[^/]+\/instances\?/.test(e.name) && e.responseEnd > consumed) {
        latest = Math.max(latest ?? 0, e.responseEnd)
      }
    }
    if (latest !== null) consumed = latest
    return latest
  }

  const seenTiles = new Map()
  let gridProps = null
  const commits = []
  window.__bench = { commits }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const at = performance.now()
      let updated = 0
      let mounted = 0
      let tiles = 0
      let wallRendered = false
      const current = new Map()
      const stack = [root.current]
      while (stack.length) {
        const fiber = stack.pop()
        const props = fiber.memoizedProps
        if (typeof fiber.type === 'string' && props) {
          if (props['data-testid'] === 'wall-tile' && fiber.return) {
            const tile = fiber.return
            tiles++
            const before = seenTiles.get(tile.key)
            if (before === undefined) mounted++
            else if (before !== tile.memoizedProps) updated++
            current.set(tile.key, tile.memoizedProps)
            continue
          }
          if (fiber.type === 'ul' && String(props['aria-label']).startsWith('Instances')) {
            if (props !== gridProps) wallRendered = true
            gridProps = props
          }
        }
        if (fiber.sibling) stack.push(fiber.sibling)
        if (fiber.child) stack.push(fiber.child)
      }
      seenTiles.clear()
      for (const [k, v] of current) seenTiles.set(k, v)
      const entry = {
        at,
        renderMs: root.current.actualDuration,
        sinceData: (() => {
          const arrived = newListArrival()
          return arrived === null ? null : at - arrived
        })(),
        wallRendered,
        tiles,
        updated,
        mounted,
        frameMs: null,
      }
      commits.push(entry)
      requestAnimationFrame(() => setTimeout(() => (entry.frameMs = performance.now() - at), 0))
    },
  }
}

const stats = (values) => ({
  p50: round(percentile(values, 50), 2),
  p95: round(percentile(values, 95), 2),
  max: round(Math.max(...values), 2),
})

try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  await page.addInitScript(instrument)
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')

  let listResponses = 0
  page.on('response', (r) => {
    if (/\/api\/dcs\/[^/]+\/instances\?/.test(r.url())) listResponses++
  })
  const waitForLists = async (n) => {
    const deadline = Date.now() + 20_000
    while (listResponses < n) {
      if (Date.now() > deadline)
        throw new Error(`waited for ${n} list responses, got ${listResponses}`)
      await page.waitForTimeout(20)
    }
    // Let React render and commit what arrived, and the next frame pass.
    await page.waitForTimeout(250)
  }
  const drain = () =>
    page.evaluate(() => {
      performance.clearResourceTimings()
      return window.__bench.commits.splice(0)
    })

  // (a) First render.
  await page.goto(`${server.url}/wall?refresh=${REFRESH}&page=3600`)
  await waitForLists(PROJECTS)
  await page.getByTestId('wall-tile').first().waitFor()
  const first = await drain()
  const nav = await page.evaluate(() => {
    const paint = Object.fromEntries(
      performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
    )
    return { fcp: paint['first-contentful-paint'] ?? null }
  })
  const firstTiles = first.find((c) => c.tiles > 0)
  const lastInitial = first.filter((c) => c.tiles > 0).at(-1)
  const onScreen = await page.getByTestId('wall-tile').count()
  const header = (await page.locator('header').first().innerText()).replace(/\s+/g, ' ')
  console.log(
    `wall: ${COUNT} instances in ${PROJECTS} projects, 1920×1080, ${onScreen} tiles on page 1`,
  )
  console.log(`header: ${header.slice(0, 160)}`)
  console.log('')
  console.log('(a) first render (ms since navigation start)')
  console.log(`  first contentful paint:          ${round(nav.fcp ?? NaN)}`)
  console.log(
    `  first tiles committed:           ${round(firstTiles.at)} (render ${round(firstTiles.renderMs, 2)} ms, ${firstTiles.mounted} tiles mounted)`,
  )
  console.log(
    `  all ${PROJECTS} projects committed:      ${round(lastInitial.at)}; painted by ${round(lastInitial.at + (lastInitial.frameMs ?? 0))}`,
  )
  console.log(
    `  commits until then: ${first.length}, render ms each: ${first.map((c) => round(c.renderMs, 1)).join(', ')}`,
  )

  // (b) + (c) Polls that change 5 %.
  const rounds = []
  const heap = []
  const sampleHeap = async (poll) => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = await cdp.send('Runtime.getHeapUsage')
    const used = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null)
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name) => metrics.find((m) => m.name === name)?.value
    heap.push({
      poll,
      'heap MB (CDP)': round(usage.usedSize / 2 ** 20, 2),
      'usedJSHeapSize MB': used === null ? null : round(used / 2 ** 20, 2),
      'DOM nodes': metric('Nodes'),
      listeners: metric('JSEventListeners'),
    })
  }
  await sampleHeap(0)
  await drain()

  const fleet = bigFleet(COUNT, PROJECTS)
  const byId = new Map(
    Object.entries(fleet).flatMap(([p, list]) => list.map((i) => [i.instance_id, { p, i }])),
  )
  const started = Date.now()
  for (let poll = 1; poll <= polls; poll++) {
    // 100 instances spread over every project and the whole fleet, a different set each poll:
    // 90 memory changes, 10 status changes (which also move tiles in the severity order).
    const changes = []
    for (let k = 0; k < CHANGED; k++) {
      const index = (poll * 37 + k * (COUNT / CHANGED) + (k % PROJECTS)) % COUNT
      const { p, i } = byId.get(instanceId(index))
      const body =
        k % 10 === 0
          ? { status: i.status === 'RUNNING' ? 'RESTARTING' : 'RUNNING' }
          : { used_memory: Math.round((i.max_memory * ((poll * 13 + k * 7) % 100)) / 100) }
      Object.assign(i, body)
      changes.push(server.patch(p, i.instance_id, body))
    }
    await Promise.all(changes)
    await waitForLists(PROJECTS * (poll + 1))
    const commits = (await drain()).filter((c) => c.wallRendered)
    rounds.push({
      commits: commits.length,
      renderMs: commits.map((c) => c.renderMs),
      sinceData: commits.map((c) => c.sinceData).filter((v) => v !== null),
      toFrame: commits
        .filter((c) => c.sinceData !== null && c.frameMs !== null)
        .map((c) => c.sinceData + c.frameMs),
      updated: commits.reduce((s, c) => s + c.updated, 0),
      mounted: commits.reduce((s, c) => s + c.mounted, 0),
      tiles: commits.at(-1)?.tiles ?? 0,
    })
    if (poll % heapEvery === 0) {
      await sampleHeap(poll)
      console.log(`  … poll ${poll}/${polls} (${round((Date.now() - started) / 1000, 0)} s)`)
    }
  }

  const renders = rounds.flatMap((r) => r.renderMs)
  const roundRender = rounds.map((r) => r.renderMs.reduce((a, b) => a + b, 0))
  const sinceData = rounds.flatMap((r) => r.sinceData)
  const frames = rounds.flatMap((r) => r.toFrame)
  const updated = rounds.map((r) => r.updated)
  const mounted = rounds.map((r) => r.mounted)
  console.log('')
  console.log(
    `(b) ${rounds.length} polls, each changing ${CHANGED} instances (${PROJECTS} projects → commits per poll: ${stats(rounds.map((r) => r.commits)).p50} typical)`,
  )
  console.table({
    'React render per commit (actualDuration)': stats(renders),
    'React render per poll (all its commits)': stats(roundRender),
    'list answer arrived → commit done': stats(sinceData),
    'list answer arrived → next frame': stats(frames),
  })
  console.log(`  tiles on screen: ${rounds.at(-1)?.tiles}`)
  console.log(
    `  tiles rendered again per poll (props changed): p50 ${percentile(updated, 50)}, max ${Math.max(...updated)}, mean ${round(updated.reduce((a, b) => a + b, 0) / updated.length, 2)}`,
  )
  console.log(
    `  tiles mounted per poll (moved onto the page):   p50 ${percentile(mounted, 50)}, max ${Math.max(...mounted)}, mean ${round(mounted.reduce((a, b) => a + b, 0) / mounted.length, 2)}`,
  )

  // Least-squares slope of the heap over polls, after the first sample (warm-up).
  const points = heap.slice(1).map((h) => [h.poll, h['heap MB (CDP)']])
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length
  const slope =
    points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) /
    points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  console.log('')
  console.log(`(c) JS heap after forced GC, every ${heapEvery} polls`)
  console.table(heap)
  console.log(
    `  slope (polls ${heapEvery}–${polls}): ${round(slope * 1024 * 100, 1)} KB per 100 polls`,
  )
} finally {
  await browser.close()
  server.stop()
}
