import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO } from './servers'

/** Names in the table, top to bottom, as the user reads them. */
async function names(page: Page): Promise<string[]> {
  return page.getByRole('table').locator('tbody th a').allInnerTexts()
}

function table(page: Page) {
  return page.getByRole('table')
}

test('search, filter and sort live in the URL; reload and Back keep the view', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'All instances' })).toBeVisible()
  await expect(page.getByText('37 instances', { exact: true })).toBeVisible()
  // Worst first by default: the failed instances lead.
  await expect(table(page).locator('tbody tr').first()).toContainText(/ERROR|CREATEFAILED/)

  await page.getByLabel('Search name, ID or IP').fill('nl-')
  await expect(page).toHaveURL(/\?q=nl-$/)
  const searched = await names(page)
  expect(searched.length).toBe(15)
  expect(searched.every((n) => n.includes('nl-'))).toBe(true)

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Failed' })
  await expect(page).toHaveURL(/q=nl-&class=failed$/)
  await expect.poll(() => names(page)).toEqual(['nl-api-gateway-cache', 'nl-queue-dedupe'])

  await table(page).getByRole('button', { name: 'Name' }).click()
  await expect(page).toHaveURL(/q=nl-&class=failed&sort=name$/)
  await table(page).getByRole('button', { name: 'Name' }).click()
  await expect(page).toHaveURL(/sort=name&dir=desc$/)
  await expect.poll(() => names(page)).toEqual(['nl-queue-dedupe', 'nl-api-gateway-cache'])
  await expect(table(page).getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )

  await page.reload()
  await expect(page.getByLabel('Search name, ID or IP')).toHaveValue('nl-')
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('class:failed')
  await expect.poll(() => names(page)).toEqual(['nl-queue-dedupe', 'nl-api-gateway-cache'])

  await page.goBack()
  await expect(page).toHaveURL(/q=nl-&class=failed&sort=name$/)
  await expect.poll(() => names(page)).toEqual(['nl-api-gateway-cache', 'nl-queue-dedupe'])
  await page.goBack()
  await page.goBack()
  await expect(page).toHaveURL(/\?q=nl-$/)
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('')
  await expect.poll(async () => (await names(page)).length).toBe(15)
  await page.goForward()
  await expect.poll(() => names(page)).toEqual(['nl-api-gateway-cache', 'nl-queue-dedupe'])
})

test('search finds an instance by IP and by id', async ({ page }) => {
  await page.goto('/?q=192.168.3.100')
  await expect.poll(() => names(page)).toEqual(['dcs-a11e'])
  await page.goto(`/?q=${DEMO.seedInstance.slice(0, 13)}`)
  await expect.poll(() => names(page)).toEqual(['dcs-a11e'])
  await page.goto('/?q=no-such-cache')
  await expect(page.getByText('No instance matches these filters.')).toBeVisible()
})

test('sorting by memory puts the fullest first and instances without figures last', async ({
  page,
}) => {
  await page.goto('/?sort=memory')
  await expect(page.getByLabel('Sort by')).toHaveValue('memory')
  const meters = table(page).getByRole('meter', { name: 'Memory used' })
  await expect(meters.first()).toHaveAttribute('aria-valuenow', '104')
  const values = (await meters.evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('aria-valuenow'))),
  )) as number[]
  expect(values).toEqual([...values].sort((a, b) => b - a))
  await expect(table(page).locator('tbody tr').last()).toContainText(/Memory: /)
})

test('the status counts filter the list and say how many', async ({ page }) => {
  await page.goto('/')
  const failed = page.getByRole('button', { name: '4 failed' })
  await failed.click()
  await expect(failed).toHaveAttribute('aria-pressed', 'true')
  await expect(page).toHaveURL(/\?class=failed$/)
  await expect.poll(async () => (await names(page)).length).toBe(4)
  await expect(page.getByText('Showing 1–4 of 4')).toBeVisible()
  await page.getByRole('button', { name: '3 stopped' }).click()
  await expect(page).toHaveURL(/\?class=failed%2Cstopped$/)
  await expect.poll(async () => (await names(page)).length).toBe(7)
})

test('paging through the list keeps the page in the URL', async ({ page }) => {
  await page.goto('/?size=25')
  await expect(page.getByText('Showing 1–25 of 37 · page 1 of 2')).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL(/size=25&page=2|page=2&size=25/)
  await expect(page.getByText('Showing 26–37 of 37 · page 2 of 2')).toBeVisible()
  await expect.poll(async () => (await names(page)).length).toBe(12)
  await page.goBack()
  await expect(page.getByText('Showing 1–25 of 37 · page 1 of 2')).toBeVisible()
})

test('one project at its own address; a row opens the detail with the list data at once', async ({
  page,
}) => {
  await page.goto(`/projects/${DEMO.euDe}/instances?q=dcs-a11e`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Instances in eu-de demo' }),
  ).toBeVisible()
  await expect(page.getByText('22 instances', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'dcs-a11e' }).click()
  await expect(page).toHaveURL(`/projects/${DEMO.euDe}/instances/${DEMO.seedInstance}`)
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()
  await page.goBack()
  await expect(page.getByLabel('Search name, ID or IP')).toHaveValue('dcs-a11e')
})

test('the list works from the keyboard', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('37 instances', { exact: true })).toBeVisible()
  const search = page.getByLabel('Search name, ID or IP')
  await search.focus()
  await page.keyboard.type('cart')
  await expect.poll(() => names(page)).toEqual(['cart-lock-service'])
  const nameSort = table(page).getByRole('button', { name: 'Name' })
  await nameSort.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sort=name/)
  await page.getByRole('link', { name: 'cart-lock-service' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'cart-lock-service' })).toBeVisible()
})

test('at phone width the page does not scroll sideways and the name column stays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  await expect(page.getByText('37 instances', { exact: true })).toBeVisible()
  const overflow = await page.evaluate(
    () => document.scrollingElement!.scrollWidth - window.innerWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  const region = page.getByRole('region', { name: /Instances table/ })
  await region.evaluate((el) => (el.scrollLeft = 400))
  const firstName = table(page).locator('tbody th').first()
  const box = await firstName.boundingBox()
  expect(box?.x).toBeGreaterThanOrEqual(0)
  expect(box?.x).toBeLessThan(40)
  await region.evaluate((el) => (el.scrollLeft = 0))
  // The table goes on past the right edge, and the page says so.
  await expect(page.getByText('Scroll sideways for more columns →')).toBeVisible()
  await expect(page.getByTestId('scroll-fade')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/list-390x844.png' })
  await region.evaluate((el) => (el.scrollLeft = el.scrollWidth))
  await expect(page.getByTestId('scroll-fade')).toHaveCount(0)
})

test('the list has no axe violations', async ({ page }) => {
  await page.goto('/?q=nl&sort=memory')
  await expect(table(page)).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations).toEqual([])
  await page.screenshot({ path: 'test-results/screenshots/list-1280x720.png', fullPage: true })
})

test('a link naming nothing that exists is cleaned; a value matching nothing now is shown', async ({
  page,
}) => {
  await page.goto('/?sort=name')
  await expect(page.getByText('37 instances', { exact: true })).toBeVisible()
  await page.goto('/?project=deadbeef&status=nope&engine=Oracle&mode=weird&sort=name')
  // The unknown values are dropped from the link, replacing it rather than adding to history.
  await expect(page).toHaveURL(/\/\?sort=name$/)
  await expect.poll(async () => (await names(page)).length).toBe(37)
  for (const label of ['Project', 'Status', 'Engine', 'Mode']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('')
  }
  await expect(page.getByText('No instance matches these filters.')).toHaveCount(0)
  await page.goBack()
  await expect(page).toHaveURL(/\/\?sort=name$/)

  // Known values that match nothing at the moment stay, and the controls say so.
  await page.goto(`/projects/${DEMO.euNl}/instances?status=restarting&mode=proxy`)
  await expect(page).toHaveURL(/\?status=RESTARTING&mode=proxy$/)
  await expect(page.getByText('No instance matches these filters.')).toBeVisible()
  const status = page.getByLabel('Status', { exact: true })
  await expect(status).toHaveValue('status:RESTARTING')
  await expect(status.locator('option:checked')).toHaveText(/RESTARTING .*\(none now\)/)
  const mode = page.getByLabel('Mode', { exact: true })
  await expect(mode).toHaveValue('proxy')
  await expect(mode.locator('option:checked')).toHaveText(/\(none now\)/)
})

test('an unwatched project says so, with no retry, summary or filters', async ({ page }) => {
  await page.goto('/projects/deadbeefdeadbeefdeadbeefdeadbeef/instances')
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'This dashboard does not watch project deadbeefdeadbeefdeadbeefdeadbeef',
    }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: /Retry/ })).toHaveCount(0)
  await expect(page.getByRole('search')).toHaveCount(0)
  await expect(page.getByText(/0 instances/)).toHaveCount(0)
  await page.getByRole('link', { name: 'All instances' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'All instances' })).toBeVisible()

  await page.goto(`/projects/deadbeefdeadbeefdeadbeefdeadbeef/instances/${DEMO.seedInstance}`)
  await expect(
    page.getByRole('heading', { level: 1, name: /does not watch project deadbeef/ }),
  ).toBeVisible()
  await expect(page.getByText('Instance not found')).toHaveCount(0)
})

for (const [width, height] of [
  [1440, 900],
  [1280, 800],
] as const) {
  test(`at ${width}×${height} the whole table fits without a sideways scroll`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await page.goto('/?sort=memory')
    await expect(table(page)).toBeVisible()
    const region = page.getByRole('region', { name: /Instances table/ })
    const [scrollWidth, clientWidth] = await region.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
    ])
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    await expect(page.getByText('Scroll sideways for more columns →')).toHaveCount(0)
    await expect(table(page).getByRole('columnheader', { name: /Created/ })).toBeVisible()
    // "104.0 % CRITICAL" on one line: the percent and its level share a baseline.
    const percent = table(page).getByText('104.0 %', { exact: false }).first()
    const box = await percent.boundingBox()
    expect(box?.height).toBeLessThan(24)
    await page.screenshot({ path: `test-results/screenshots/list-${width}x${height}.png` })
  })
}
