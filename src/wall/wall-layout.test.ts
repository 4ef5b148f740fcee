import { expect, test } from 'vitest'
import { TILE_EM, viewportUnit, wallLayout } from './wall-layout'

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
