import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { DEMO, emulatorUrl, FIXTURES_DIR, fixtureProjects, serverUrl } from './servers'

const seedLink = `/projects/${DEMO.euDe}/instances/${DEMO.seedInstance}`

async function injectFault(body: object) {
  const response = await fetch(`${emulatorUrl('demo')}/_emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.ok).toBe(true)
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true })
}

test.afterEach(async () => {
  await injectFault({ down: false })
})

test('the seed example deep link shows every panel with its values', async ({ page }) => {
  await page.goto(seedLink)
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()
  await expect(page.getByText('RUNNING', { exact: true }).first()).toBeVisible()
  await expect(page).toHaveTitle('dcs-a11e · DCS Dashboard')

  const memory = section(page, 'Memory')
  await expect(memory.getByRole('meter', { name: /Memory/ })).toHaveAttribute(
    'aria-valuenow',
    '12.2',
  )
  await expect(memory).toContainText('12.2 %')
  await expect(memory).toContainText('56 MB of 460 MB')

  const network = section(page, 'Network')
  await expect(network).toContainText('192.168.3.100:6379')
  await expect(network).toContainText('redis-cli -h 192.168.3.100 -p 6379')
  await expect(network).toContainText('vpc_4944a40e-ac57-4f08-9d38-9786e2759458_192')
  await expect(network).toContainText('sg_6379_4944a40e-ac57-4f08-9d38-9786e2759458')
  await expect(
    network.getByRole('button', { name: 'Copy address 192.168.3.100:6379' }),
  ).toBeVisible()

  const window = section(page, 'Maintenance window')
  await expect(window).toContainText('22:00–02:00 (UTC)')
  await expect(window).toContainText('crosses midnight')
  await expect(window).toContainText(/Next window starts|In the maintenance window now/)

  await expect(section(page, 'Backup policy')).toContainText('Single-node')
  await expect(section(page, 'Error')).toHaveCount(0)
  const details = section(page, 'Details')
  await expect(details).toContainText('2017-03-31')
  await expect(details).toContainText('Pay-per-use')
  await expect(details).toContainText('Create a instance')

  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible()
  const body = await page.locator('body').innerText()
  expect(body).not.toMatch(/NaN|undefined|Invalid Date|\[object Object\]/)
})

test('the raw JSON view shows the exact response', async ({ page }) => {
  await page.goto(seedLink)
  const raw = section(page, 'Raw JSON')
  await raw.getByText(/Show the exact response/).click()
  const seed: unknown = JSON.parse(readFileSync(`${FIXTURES_DIR}seed-example.json`, 'utf8'))
  const shown: unknown = JSON.parse(await raw.locator('pre').innerText())
  expect(shown).toEqual(seed)
  await expect(raw.locator('pre')).toContainText('"available_zones": "XXXXXX"')
})

test('a reload of the deep link shows the same instance', async ({ page }) => {
  await page.goto(seedLink)
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()
  await expect(section(page, 'Memory').getByRole('meter')).toHaveAttribute('aria-valuenow', '12.2')
})

test('an unknown instance shows "not found" with a way back', async ({ page }) => {
  await page.goto(`/projects/${DEMO.euDe}/instances/00000000-0000-4000-8000-000000000000`)
  await expect(page.getByRole('heading', { level: 1, name: 'Instance not found' })).toBeVisible()
  await expect(page.getByText(/DCS\.3022|111404022/)).toBeVisible()
  await page.getByRole('link', { name: 'All instances' }).click()
  await expect(page).toHaveURL(`${serverUrl('demo')}/`)
})

test('a failing upstream keeps the last data on screen, marked stale, then recovers', async ({
  page,
}) => {
  // The demo server polls and shares answers every 4 s (REFRESH_SECONDS in playwright.config.ts).
  await page.goto(seedLink)
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()

  await injectFault({ down: true })
  const stale = page.getByRole('status').filter({ hasText: 'Stale data' })
  await expect(stale).toBeVisible({ timeout: 30_000 })
  await expect(stale).toContainText('HTTP 503')
  await expect(page.getByRole('heading', { level: 1, name: 'dcs-a11e' })).toBeVisible()
  await expect(section(page, 'Memory')).toContainText('12.2 %')
  await expect(section(page, 'Network')).toContainText('192.168.3.100:6379')

  await injectFault({ down: false })
  await expect(stale).toHaveCount(0, { timeout: 30_000 })
  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible()
})

test('the detail page has no axe violations', async ({ page }) => {
  await page.goto(seedLink)
  await expect(section(page, 'Memory')).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})

test('every instance in the shared fixtures renders without broken values', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const projects = fixtureProjects()
  let rendered = 0
  for (const [projectId, instances] of Object.entries(projects)) {
    for (const raw of instances) {
      const id = String(raw.instance_id ?? raw.id)
      await page.goto(`${serverUrl('fixtures')}/projects/${projectId}/instances/${id}`)
      await expect(section(page, 'Memory')).toBeVisible()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(raw.name))
      const body = await page.locator('body').innerText()
      expect(body, `${projectId}/${id}`).not.toMatch(/NaN|undefined|Invalid Date|\[object Object\]/)
      rendered++
    }
  }
  // 18 instance objects in 15 fixture files (details, list rows, SDK samples).
  expect(rendered).toBe(18)
  expect(errors).toEqual([])
})

test.describe('for a viewer in Berlin', () => {
  test.use({ timezoneId: 'Europe/Berlin' })

  test('the maintenance window is also shown in local time', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-03T16:00:00Z'))
    await page.goto(seedLink)
    const window = section(page, 'Maintenance window')
    await expect(window).toContainText('22:00–02:00 (UTC)')
    await expect(window).toContainText('Your time (Europe/Berlin)')
    await expect(window).toContainText('23:00–03:00 (CET)')
    await expect(window).toContainText('Next window starts in 6 h')
    await expect(window).toContainText('2026-12-03 22:00 UTC · 2026-12-03 23:00 CET')
  })
})
