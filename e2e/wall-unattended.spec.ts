import { expect, test, type Page } from '@playwright/test'
import { serverUrl } from './servers'

/**
 * The wall's care for a screen nobody touches: reload on a new deployment, wake lock, failed
 * count in the tab, burn-in shift, reduced motion. Timers run on Playwright's clock where the
 * behaviour takes minutes.
 */

function tiles(page: Page) {
  return page.getByTestId('wall-tile')
}

interface WakeLockProbe {
  requests: string[]
  last: { released: boolean } | null
}

declare global {
  interface Window {
    wakeLockProbe?: WakeLockProbe
    reloadMarker?: string
  }
}

test('a new version on the server makes the screen reload itself, once', async ({ page }) => {
  let version = 'version-one'
  let configAnswers = 0
  await page.route('**/api/config', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as Record<string, unknown>
    configAnswers++
    await route.fulfill({ response, json: { ...body, version } })
  })
  await page.clock.install()
  await page.goto('/wall')
  await expect(tiles(page)).toHaveCount(37)
  await page.evaluate(() => (window.reloadMarker = 'before the deployment'))

  // Same version on the next poll: nothing happens.
  await page.clock.runFor(61_000)
  await expect.poll(() => configAnswers).toBeGreaterThanOrEqual(2)
  expect(await page.evaluate(() => window.reloadMarker)).toBe('before the deployment')

  version = 'version-two'
  const reloaded = page.waitForEvent('load')
  await page.clock.runFor(61_000)
  await reloaded
  await expect(tiles(page)).toHaveCount(37)
  expect(await page.evaluate(() => window.reloadMarker)).toBeUndefined()

  // The reloaded page runs the new version: further polls of it do not reload again.
  await page.evaluate(() => (window.reloadMarker = 'after the deployment'))
  const answers = configAnswers
  await page.clock.runFor(61_000)
  await expect.poll(() => configAnswers).toBeGreaterThan(answers)
  expect(await page.evaluate(() => window.reloadMarker)).toBe('after the deployment')
})

test('the screen takes a wake lock and takes it again when it becomes visible', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const probe: WakeLockProbe = { requests: [], last: null }
    window.wakeLockProbe = probe
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: (type: string) => {
          probe.requests.push(type)
          const sentinel = Object.assign(new EventTarget(), {
            type,
            released: false,
            release: () => {
              sentinel.released = true
              return Promise.resolve()
            },
          })
          probe.last = sentinel
          return Promise.resolve(sentinel)
        },
      },
    })
  })
  await page.goto('/wall')
  await expect(tiles(page)).toHaveCount(37)
  const requests = () => page.evaluate(() => window.wakeLockProbe?.requests ?? [])
  await expect.poll(requests).toEqual(['screen'])

  // Hidden: the browser releases the lock. Visible again: the wall asks for a new one.
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value })
      Object.defineProperty(document, 'hidden', { configurable: true, value: value === 'hidden' })
      if (value === 'hidden' && window.wakeLockProbe?.last) {
        window.wakeLockProbe.last.released = true
      }
      document.dispatchEvent(new Event('visibilitychange'))
    }, state)
  await setVisibility('hidden')
  // Not while hidden.
  expect(await requests()).toEqual(['screen'])
  await setVisibility('visible')
  await expect.poll(requests).toEqual(['screen', 'screen'])
  // Visible again while the lock is still held: no second lock.
  await setVisibility('visible')
  expect(await requests()).toEqual(['screen', 'screen'])
})

test('the tab title and favicon count the failed instances of the whole fleet', async ({
  page,
}) => {
  // The status filter narrows the screen, not the count: the title still says all four failed.
  await page.goto('/wall?status=healthy')
  await expect(page).toHaveTitle('4 failed · DCS wall')
  const icon = await page.locator('link[rel~="icon"]').getAttribute('href')
  expect(icon).toMatch(/^data:image\/svg\+xml/)
  expect(decodeURIComponent(icon ?? '')).toContain('>4</text>')
  await expect(page.locator('link[rel~="icon"]')).toHaveAttribute('type', 'image/svg+xml')

  // Leaving the wall gives the tab its own title and icon back.
  await page.mouse.move(200, 200)
  await page.getByRole('link', { name: 'Leave the wall' }).click()
  await expect(page).not.toHaveTitle(/failed/)
  const restored = await page.locator('link[rel~="icon"]').getAttribute('href')
  expect(restored).not.toMatch(/^data:/)
})

test('the content walks a few pixels a minute against burn-in', async ({ page }) => {
  await page.clock.install()
  await page.goto(`${serverUrl('demo')}/wall`)
  await expect(tiles(page)).toHaveCount(37)
  const heading = page.getByRole('heading', { name: 'DCS fleet' })
  const start = await heading.boundingBox()
  expect(start).not.toBeNull()

  const positions = new Set<string>()
  for (let minute = 1; minute <= 4; minute++) {
    await page.clock.runFor(60_000)
    // The step eases over a second of real time.
    await page.waitForTimeout(1_300)
    const box = (await heading.boundingBox())!
    const dx = Math.round(box.x - start!.x)
    const dy = Math.round(box.y - start!.y)
    // A few pixels, never more.
    expect(Math.abs(dx)).toBeLessThanOrEqual(4)
    expect(Math.abs(dy)).toBeLessThanOrEqual(4)
    expect(Math.abs(dx) + Math.abs(dy)).toBeGreaterThan(0)
    positions.add(`${dx},${dy}`)
  }
  // It does not stay on one spot.
  expect(positions.size).toBeGreaterThanOrEqual(3)
  // Still no scrollbar while shifted.
  const overflow = await page.evaluate(() => ({
    x: document.scrollingElement!.scrollWidth - window.innerWidth,
    y: document.scrollingElement!.scrollHeight - window.innerHeight,
  }))
  expect(overflow).toEqual({ x: 0, y: 0 })
})

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('no animation or transition runs, the burn-in shift jumps without easing', async ({
    page,
  }) => {
    await page.clock.install()
    await page.goto('/wall')
    await expect(tiles(page)).toHaveCount(37)
    // The demo fleet has instances in progress, whose icons pulse when motion is allowed.
    await expect(page.locator('[data-severity="progress"]').first()).toBeVisible()
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
    const heading = page.getByRole('heading', { name: 'DCS fleet' })
    const before = (await heading.boundingBox())!
    await page.clock.runFor(60_000)
    // Moved at once: no transition in between.
    const after = (await heading.boundingBox())!
    expect(after.x !== before.x || after.y !== before.y).toBe(true)
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
  })
})

test('without reduced motion, the in-progress icons pulse (the check above is not vacuous)', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await page.goto('/wall')
  await expect(tiles(page)).toHaveCount(37)
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0)
})
