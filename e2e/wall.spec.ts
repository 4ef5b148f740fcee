import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO, emulatorUrl, fleetInstance, serverUrl } from './servers'

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const

async function control(method: string, path: string, body?: object) {
  const response = await fetch(`${emulatorUrl('demo')}/_emulator${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })
  expect(response.ok).toBe(true)
}

/**
 * The server shares one upstream answer per project among all screens for its refresh interval
 * (`refreshSeconds` in /api/config), so a change upstream reaches any screen within that interval
 * plus the screen's own poll.
 */
async function serverRefreshMs(): Promise<number> {
  const response = await fetch(`${serverUrl('demo')}/api/config`)
  const config = (await response.json()) as { refreshSeconds?: unknown }
  return typeof config.refreshSeconds === 'number' ? config.refreshSeconds * 1000 : 30_000
}

/** The wall's own poll in these journeys. */
const WALL_REFRESH_S = 2

function tiles(page: Page) {
  return page.getByTestId('wall-tile')
}

/** What a check of the screen needs: no scrollbar, and every tile entirely on screen. */
async function expectFits(page: Page) {
  const fit = await page.evaluate(() => {
    const root = document.scrollingElement!
    const outside = Array.from(document.querySelectorAll('[data-testid="wall-tile"]')).filter(
      (tile) => {
        const r = tile.getBoundingClientRect()
        return (
          r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight
        )
      },
    )
    return {
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      outside: outside.length,
      // A tile whose contents overflow it shows clipped text.
      clipped: Array.from(document.querySelectorAll('[data-testid="wall-tile"]')).filter(
        (t) => t.scrollHeight > t.clientHeight + 1,
      ).length,
    }
  })
  expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight)
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth)
  expect(fit.outside).toBe(0)
  expect(fit.clipped).toBe(0)
}

test.afterEach(async () => {
  await control('POST', '/faults', { down: false })
  await control('POST', '/reset')
})

for (const size of SIZES) {
  test(`300 instances at ${size.width}×${size.height}: fits, worst first, pages through all of them`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(size)
    await page.goto(`${serverUrl('fleet300')}/wall?page=3&refresh=60`)
    await expect(tiles(page).first()).toBeVisible()
    // Both projects answered (one alone would give fewer pages).
    await expect(page.getByText('300', { exact: true })).toBeVisible()
    const indicator = page.getByTestId('wall-page')
    await expect(indicator).toHaveText(/^page 1 of \d+$/)
    const pageCount = Number((await indicator.innerText()).split(' of ')[1])
    expect(pageCount).toBeGreaterThan(1)
    await expect(tiles(page).first()).toHaveAttribute('data-severity', 'failed')
    await expectFits(page)
    // The engine · mode · zone line stays readable at the smallest tile font (720p).
    const factsPx = await page
      .getByTestId('wall-tile-facts')
      .evaluateAll((els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))))
    expect(factsPx).toBeGreaterThanOrEqual(11.9)
    await page.screenshot({
      path: `test-results/screenshots/wall-300-${size.width}x${size.height}.png`,
    })

    const seen = new Set<string>()
    let compactSeen = 0
    for (let n = 1; n <= pageCount; n++) {
      await expect(indicator).toHaveText(`page ${n} of ${pageCount}`, { timeout: 8_000 })
      await expectFits(page)
      const ids = await tiles(page).evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-instance-id') ?? ''),
      )
      ids.forEach((id) => seen.add(id))
      // Only healthy instances shrink to compact tiles; every other kind keeps its full tile.
      const compact = await page
        .locator('[data-testid="wall-tile"][data-compact]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))
      compact.forEach((severity) => expect(severity).toBe('healthy'))
      compactSeen += compact.length
    }
    expect(seen.size).toBe(300)
    // Space is short for 300, so the healthy ones were compact: fewer pages than full tiles need.
    expect(compactSeen).toBeGreaterThan(100)
    // The cycle starts again.
    await expect(indicator).toHaveText(`page 1 of ${pageCount}`, { timeout: 8_000 })
  })
}

test('the demo fleet fits one 1080p screen, worst first, and the tab counts the failed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/wall')
  await expect(tiles(page)).toHaveCount(37)
  await expect(page.getByTestId('wall-page')).toHaveCount(0)
  // Everything fits at full size, so no tile is compact.
  await expect(page.locator('[data-compact]')).toHaveCount(0)
  await expectFits(page)
  const severities = await tiles(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-severity')),
  )
  const order = [
    'failed',
    'stopped',
    'progress',
    'unknown',
    'memory-critical',
    'memory-warning',
    'healthy',
  ]
  const ranks = severities.map((s) => order.indexOf(s ?? ''))
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  expect(severities.slice(0, 4)).toEqual(['failed', 'failed', 'failed', 'failed'])
  await expect(page).toHaveTitle('4 failed · DCS wall')
  const icon = await page.locator('link[rel~="icon"]').getAttribute('href')
  expect(decodeURIComponent(icon ?? '')).toContain('>4</text>')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  // No chrome: no navigation and no visible controls.
  await expect(page.getByRole('navigation')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Leave the wall' })).not.toBeInViewport({ ratio: 1 })
  await page.screenshot({ path: 'test-results/screenshots/wall-demo-1920x1080.png' })
})

test('the stale banner appears when DCS is down and clears when it is back, without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const within = (await serverRefreshMs()) + WALL_REFRESH_S * 1000 + 5_000
  await page.goto(`/wall?refresh=${WALL_REFRESH_S}`)
  await expect(tiles(page)).toHaveCount(37)
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
  const banner = page.getByTestId('stale-banner')
  await expect(banner).toHaveCount(0)

  await control('POST', '/faults', { down: true })
  await expect(banner).toBeVisible({ timeout: within })
  await expect(banner).toContainText(/Data is stale since \d\d:\d\d:\d\d/)
  await expect(banner).toContainText('Retrying automatically.')
  // The last data stays on screen, dimmed (the banner takes room, so the 37 may now need two pages).
  await expect(page.getByRole('list', { name: 'Instances per status' })).toContainText('37total')
  expect(await tiles(page).count()).toBeGreaterThan(30)
  await expect(page.getByRole('list', { name: /Instances, worst first/ })).toHaveClass(/opacity-45/)
  await page.screenshot({ path: 'test-results/screenshots/wall-stale-1280x720.png' })

  await control('POST', '/faults', { down: false })
  await expect(banner).toHaveCount(0, { timeout: within })
  await expect(page.getByRole('list', { name: /Instances, worst first/ })).not.toHaveClass(
    /opacity-45/,
  )
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    'same page',
  )
})

test('a status change reaches the wall within one refresh', async ({ page }) => {
  const featureFlags = 'ca0290e9-4f82-4fa3-b979-e196176b2ca8'
  test.setTimeout(90_000)
  const within = (await serverRefreshMs()) + WALL_REFRESH_S * 1000 + 3_000
  await page.goto(`/wall?refresh=${WALL_REFRESH_S}`)
  const tile = page.locator(`[data-instance-id="${featureFlags}"]`)
  await expect(tile).toHaveAttribute('data-severity', 'healthy')
  await expect(page).toHaveTitle('4 failed · DCS wall')

  await control('PATCH', `/projects/${DEMO.euDe}/instances/${featureFlags}`, { status: 'ERROR' })
  // The server's shared answer expires, then the wall's next poll shows the change.
  await expect(tile).toHaveAttribute('data-severity', 'failed', { timeout: within })
  await expect(tile).toContainText('ERROR')
  await expect(page).toHaveTitle('5 failed · DCS wall')
  // Severity first: it moved up among the failed.
  const failedIds = await page
    .locator('[data-severity="failed"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-instance-id')))
  expect(failedIds).toContain(featureFlags)
})

test('one list request per project per refresh', async ({ page }) => {
  const lists: string[] = []
  page.on('request', (request) => {
    if (/\/api\/dcs\/[^/]+\/instances\?/.test(request.url())) lists.push(request.url())
  })
  await page.goto(`${serverUrl('fleet300')}/wall?refresh=2`)
  await expect(tiles(page).first()).toBeVisible()
  const start = lists.length
  await page.waitForTimeout(10_000)
  const made = lists.length - start
  // Two projects, 300 instances in one page each: 2 requests every 2 s, so 10 in 10 s.
  expect(made).toBeGreaterThanOrEqual(8)
  expect(made).toBeLessThanOrEqual(12)
  expect(lists.every((url) => !/\/instances\/[^?]/.test(url))).toBe(true)
})

test('the URL configures the screen and bad values fall back to defaults', async ({ page }) => {
  await page.goto(`/wall?theme=light&status=failed,stopped&projects=${DEMO.euNl}`)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  // eu-nl: two failed, and one each frozen, stopped and deleted.
  await expect(tiles(page)).toHaveCount(5)
  await expect(page.getByText('eu-nl demo · eu-nl')).toBeVisible()

  // Single statuses, in any case, alone or mixed with classes; an unknown word is ignored.
  await page.goto('/wall?status=ERROR,frozen')
  await expect(tiles(page)).toHaveCount(3)
  await expect(page.locator('[data-severity="failed"]')).toHaveCount(2)
  await page.goto('/wall?status=failed,FROZEN,bogus')
  await expect(tiles(page)).toHaveCount(5)
  await page.mouse.move(300, 300)
  // Only the unusable value is named; FROZEN applied.
  await expect(page.getByText('Ignored in the link: status: bogus')).toBeVisible()

  await page.goto('/wall?theme=purple&refresh=abc&page=-1&warn=500&crit=x&status=nonsense')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(tiles(page)).toHaveCount(37)

  // Thresholds move instances between memory groups: at 50/60 % more are critical.
  await page.goto('/wall?warn=50&crit=60')
  await expect(page.getByText('memory critical')).toBeVisible()
  const critical = await page.locator('[data-severity="memory-critical"]').count()
  expect(critical).toBeGreaterThan(3)
})

test('the wall has no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/wall')
  await expect(tiles(page)).toHaveCount(37)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations).toEqual([])
})

declare global {
  interface Window {
    layoutShift?: number
  }
}

/** Sums every layout shift of the page from its first paint (what Lighthouse reports as CLS). */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    window.layoutShift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
      })[]) {
        if (!entry.hadRecentInput) window.layoutShift = (window.layoutShift ?? 0) + entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

for (const [name, url, count] of [
  ['the demo fleet', '/wall', 37],
  ['300 instances in two projects', `${serverUrl('fleet300')}/wall`, null],
] as const) {
  test(`${name}: no layout shift while the projects answer (CLS < 0.01 at 1920×1080)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await recordLayoutShifts(page)
    await page.goto(url)
    if (count !== null) await expect(tiles(page)).toHaveCount(count)
    else await expect(page.getByTestId('wall-page')).toBeVisible()
    // Every project is in before the first tile shows.
    await expect(page.getByRole('list', { name: 'Instances per status' })).toContainText(
      count === null ? '300total' : `${count}total`,
    )
    await page.waitForTimeout(2_000)
    const cls = await page.evaluate(() => window.layoutShift ?? -1)
    expect(cls).toBeGreaterThanOrEqual(0)
    expect(cls).toBeLessThan(0.01)
  })
}

test('tiles wait for the slower project instead of jumping when it answers', async ({ page }) => {
  let delayed = 0
  await page.route(/\/api\/dcs\/[^/]+\/instances\?/, async (route) => {
    // The second project answers 1.5 s after the first.
    if (route.request().url().includes(DEMO.euNl)) {
      delayed++
      await new Promise((resolve) => setTimeout(resolve, 1_500))
    }
    await route.continue()
  })
  await page.goto('/wall')
  await expect(page.getByRole('status')).toContainText('Loading the fleet…')
  await expect(tiles(page).first()).toBeVisible()
  // The first tiles already include the slow project's.
  expect(await tiles(page).count()).toBe(37)
  expect(delayed).toBeGreaterThan(0)
})

/** A fleet of 2,007 instances in four projects with long names, served in place of the real one. */
async function serveLargeFleet(page: Page) {
  const ids = [1, 2, 3, 4].map((n) => String(n).repeat(32))
  const lists = new Map<string, object[]>(ids.map((id) => [id, []]))
  for (let i = 0; i < 2007; i++) lists.get(ids[i % 4]!)!.push(fleetInstance(i))
  await page.route('**/api/config', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as Record<string, unknown>
    const projects = ids.map((id, n) => ({
      id,
      name: `production-payments-platform-${['frankfurt', 'amsterdam', 'zurich', 'paris'][n]}`,
      region: ['eu-de', 'eu-nl', 'eu-ch2', 'eu-fr-west-long-region-name'][n],
      source: 'emulator',
    }))
    await route.fulfill({ response, json: { ...body, projects } })
  })
  await page.route(/\/api\/dcs\/([^/]+)\/instances\?/, async (route) => {
    const id = /\/api\/dcs\/([^/]+)\/instances/.exec(route.request().url())?.[1] ?? ''
    const instances = lists.get(id) ?? []
    await route.fulfill({ json: { instances, instance_num: instances.length } })
  })
}

for (const size of SIZES) {
  test(`2,007 instances at ${size.width}×${size.height}: the header band never overlaps itself`, async ({
    page,
  }) => {
    await page.setViewportSize(size)
    await serveLargeFleet(page)
    await page.goto('/wall?page=60')
    await expect(page.getByRole('list', { name: 'Instances per status' })).toContainText(
      '2007total',
    )
    await expect(page.getByTestId('wall-page')).toHaveText(/^page 1 of \d+$/)
    await expect(page.getByText(/^updated /)).toBeVisible()
    const header = page.getByTestId('wall-header')
    const items = await header.evaluate((el) => {
      const parts = [
        ...Array.from(
          el.querySelectorAll(
            'h1, [data-testid="wall-scope"], li, time, [data-testid="wall-page"]',
          ),
        ),
        ...Array.from(el.querySelectorAll('span')).filter((s) =>
          s.textContent?.startsWith('updated '),
        ),
      ]
      const box = el.getBoundingClientRect()
      return {
        header: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        parts: parts.map((p) => {
          const r = p.getBoundingClientRect()
          return {
            text: p.textContent ?? '',
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            // A name cut with an ellipsis is fine; text running out of its box is not.
            overflows:
              p.tagName !== 'P' && p.scrollWidth > p.clientWidth + 1 && p.tagName !== 'TIME',
          }
        }),
      }
    })
    expect(items.parts.length).toBeGreaterThan(8)
    for (const [i, a] of items.parts.entries()) {
      expect(a.left, a.text).toBeGreaterThanOrEqual(items.header.left)
      expect(a.right, a.text).toBeLessThanOrEqual(items.header.right)
      expect(a.top, a.text).toBeGreaterThanOrEqual(items.header.top)
      expect(a.bottom, a.text).toBeLessThanOrEqual(items.header.bottom)
      for (const b of items.parts.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
        // A list item inside another part (none are nested) would be the same box.
        expect(apart, `"${a.text}" and "${b.text}" overlap`).toBe(true)
      }
    }
    // The long project list is cut with an ellipsis, with the whole of it in the title.
    const scope = page.getByTestId('wall-scope')
    await expect(scope).toHaveCSS('text-overflow', 'ellipsis')
    await expect(scope).toHaveAttribute('title', /production-payments-platform-paris/)
    await page.screenshot({
      path: `test-results/screenshots/wall-2007-${size.width}x${size.height}.png`,
    })
  })
}
