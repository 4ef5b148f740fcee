import { expect, test } from 'vitest'
import { COMPACT_TILE_EM, TILE_EM, viewportUnit, wallLayout, type WallLayout } from './wall-layout'

const screens = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
] as const

test('the unit is 16 px on a 1080p screen and scales with it', () => {
  expect(viewportUnit(1920, 1080)).toBe(16)
  expect(viewportUnit(3840, 2160)).toBe(32)
  expect(viewportUnit(1280, 720)).toBeCloseTo(10.67, 2)
  // A portrait or ultra-wide screen takes the tighter side.
  expect(viewportUnit(1080, 1920)).toBe(9)
})

/** The tile area left below a header band of 6 units and a padding of 1 unit. */
function area(width: number, height: number) {
  const unit = viewportUnit(width, height)
  return { width: width - 2 * unit, height: height - 8 * unit, unit }
}

test.each(screens)('the 31-instance demo fleet fits one page at %i×%i', (width, height) => {
  const layout = wallLayout({ ...area(width, height), count: 31 })
  expect(layout.pageCount).toBe(1)
  expect(layout.perPage).toBeGreaterThanOrEqual(31)
})

test.each(screens)('300 instances page at %i×%i, every tile inside the area', (width, height) => {
  const a = area(width, height)
  const layout = wallLayout({ ...a, count: 300 })
  expect(layout.pageCount).toBe(Math.ceil(300 / layout.perPage))
  expect(layout.pageCount).toBeGreaterThan(1)
  const tileWidth = TILE_EM.width * layout.fontPx
  const tileHeight = TILE_EM.height * layout.fontPx
  expect(layout.columns * tileWidth + (layout.columns - 1) * layout.gapPx).toBeLessThanOrEqual(
    a.width + 0.01,
  )
  expect(layout.rows * tileHeight + (layout.rows - 1) * layout.gapPx).toBeLessThanOrEqual(
    a.height + 0.01,
  )
  // Readable: never below 0.95 units (15.2 px at 1080p).
  expect(layout.fontPx).toBeGreaterThanOrEqual(0.95 * a.unit)
})

test('the same number of tiles per page at every size: the layout scales, it does not reflow', () => {
  const perPage = screens.map(([w, h]) => wallLayout({ ...area(w, h), count: 300 }).perPage)
  expect(new Set(perPage).size).toBe(1)
})

test('few instances get bigger tiles, capped at 2.4 units of type', () => {
  const one = wallLayout({ ...area(1920, 1080), count: 1 })
  expect(one).toMatchObject({ columns: 1, rows: 1, pageCount: 1 })
  expect(one.fontPx).toBe(2.4 * 16)
  const six = wallLayout({ ...area(1920, 1080), count: 6 })
  expect(six.columns * six.rows).toBeGreaterThanOrEqual(6)
  expect(six.fontPx).toBeGreaterThan(wallLayout({ ...area(1920, 1080), count: 31 }).fontPx)
})

test('zero instances and a zero-sized area do not divide by zero', () => {
  for (const layout of [
    wallLayout({ width: 1000, height: 500, count: 0, unit: 16 }),
    wallLayout({ width: 0, height: 0, count: 50, unit: 16 }),
  ]) {
    expect(Number.isFinite(layout.fontPx)).toBe(true)
    expect(layout.perPage).toBeGreaterThanOrEqual(1)
    expect(layout.pageCount).toBeGreaterThanOrEqual(0)
  }
})

/** Every page's rows, full and compact, fit the area; the pages cover the list once, in order. */
function expectPagesFit(layout: WallLayout, a: ReturnType<typeof area>, count: number) {
  let next = 0
  for (const page of layout.pages) {
    expect(page.start).toBe(next)
    expect(page.end).toBeGreaterThan(page.start)
    next = page.end
    const rowCount = page.rows + page.compactRows
    const height =
      (page.rows * TILE_EM.height + page.compactRows * COMPACT_TILE_EM.height) * layout.fontPx +
      (rowCount - 1) * layout.gapPx
    expect(height).toBeLessThanOrEqual(a.height + 0.01)
    // Full rows hold the full tiles of the page, compact rows the rest.
    const full = Math.max(0, Math.min(page.end, layout.compactFrom) - page.start)
    expect(page.rows).toBe(Math.ceil(full / layout.columns))
    expect(page.compactRows).toBe(Math.ceil((page.end - page.start - full) / layout.columns))
  }
  expect(next).toBe(count)
  expect(layout.pageCount).toBe(layout.pages.length)
  const width = layout.columns * TILE_EM.width * layout.fontPx + (layout.columns - 1) * layout.gapPx
  expect(width).toBeLessThanOrEqual(a.width + 0.01)
  expect(layout.fontPx).toBeGreaterThanOrEqual(0.95 * a.unit - 1e-9)
}

test.each(screens)(
  'the demo fleet stays full-size at %i×%i although its healthy tiles could shrink',
  (width, height) => {
    const layout = wallLayout({ ...area(width, height), count: 31, compactable: 15 })
    expect(layout.pageCount).toBe(1)
    expect(layout.compactFrom).toBe(31)
    expect(layout.pages).toEqual([{ start: 0, end: 31, rows: layout.rows, compactRows: 0 }])
  },
)

test.each(screens)(
  'a fleet that only fits with compact healthy tiles gets one page at %i×%i',
  (width, height) => {
    const a = area(width, height)
    // 60 full tiles need two pages; with 48 healthy ones compact, they fit one.
    expect(wallLayout({ ...a, count: 60 }).pageCount).toBe(2)
    const layout = wallLayout({ ...a, count: 60, compactable: 48 })
    expect(layout.pageCount).toBe(1)
    expect(layout.compactFrom).toBe(12)
    expect(layout.stretch).toBe(true)
    expectPagesFit(layout, a, 60)
  },
)

test.each(screens)(
  '300 instances with 155 healthy: fewer pages, each fits, failed tiles stay full at %i×%i',
  (width, height) => {
    const a = area(width, height)
    const full = wallLayout({ ...a, count: 300 })
    const layout = wallLayout({ ...a, count: 300, compactable: 155 })
    expect(layout.compactFrom).toBe(145)
    expect(layout.pageCount).toBeLessThan(full.pageCount)
    expect(layout.pageCount).toBeGreaterThan(1)
    expect(layout.stretch).toBe(false)
    // Pages of only full tiles are the same as without compact tiles.
    expect(layout.pages[0]).toEqual({
      start: 0,
      end: full.perPage,
      rows: full.rows,
      compactRows: 0,
    })
    // A page of only compact tiles holds about twice as many.
    const last = layout.pages.find((p) => p.rows === 0 && p.compactRows > 0)
    expect(last && last.end - last.start).toBeGreaterThan(1.6 * full.perPage)
    expectPagesFit(layout, a, 300)
  },
)

test('the page plan is the same at every size', () => {
  const plans = screens.map(([w, h]) =>
    JSON.stringify(wallLayout({ ...area(w, h), count: 300, compactable: 155 }).pages),
  )
  expect(new Set(plans).size).toBe(1)
})

test('more compactable tiles than tiles, or a tiny area, still pages through every tile', () => {
  const a = area(1920, 1080)
  expectPagesFit(wallLayout({ ...a, count: 500, compactable: 9999 }), a, 500)
  const layout = wallLayout({ width: 10, height: 10, count: 7, unit: 16, compactable: 3 })
  expect(layout.pages.map((p) => p.end)).toEqual([1, 2, 3, 4, 5, 6, 7])
})
