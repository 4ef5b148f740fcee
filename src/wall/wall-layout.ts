/**
 * The wall's grid, computed from the space it has and the number of tiles. Everything on the wall
 * is sized in one unit that scales with the viewport (16 px at 1920×1080, 32 px at 3840×2160), so
 * the same layout works from 720p to 4K; tiles take the biggest font that lets all of them fit,
 * and when even the smallest readable font does not fit them all, the wall pages.
 */

/** A tile needs this many of its own em: width for a 20-character name, height for five lines. */
export const TILE_EM = { width: 19, height: 8.5 } as const

/** The smallest tile font, in viewport units: about 15 px on a 1080p screen, readable from 3 m. */
export const MIN_FONT_UNITS = 0.95
export const MAX_FONT_UNITS = 2.4
export const GAP_UNITS = 0.6

/** 1/120 of the width or 1/67.5 of the height, whichever is smaller: 16 px at 1920×1080. */
export function viewportUnit(viewportWidth: number, viewportHeight: number): number {
  return Math.max(1, Math.min(viewportWidth / 120, viewportHeight / 67.5))
}

export interface WallLayout {
  columns: number
  rows: number
  perPage: number
  pageCount: number
  /** Font size of a tile in px; the tile's contents are sized in em of it. */
  fontPx: number
  gapPx: number
}

export function wallLayout({
  width,
  height,
  count,
  unit,
}: {
  /** The area for tiles, in px. */
  width: number
  height: number
  count: number
  unit: number
}): WallLayout {
  const gap = GAP_UNITS * unit
  const minFont = MIN_FONT_UNITS * unit
  const maxFont = MAX_FONT_UNITS * unit
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  const fontFor = (columns: number, rows: number) =>
    Math.min(
      (w - (columns - 1) * gap) / columns / TILE_EM.width,
      (h - (rows - 1) * gap) / rows / TILE_EM.height,
    )

  const n = Math.max(1, count)
  let best = { columns: 1, rows: n, font: fontFor(1, n) }
  for (let columns = 2; columns <= n; columns++) {
    const rows = Math.ceil(n / columns)
    const font = fontFor(columns, rows)
    // Prefer fewer empty cells on a tie (5×6 over 6×6 for 30 tiles).
    if (font > best.font + 1e-9) best = { columns, rows, font }
    if (rows === 1) break
  }
  if (best.font >= minFont) {
    return {
      columns: best.columns,
      rows: best.rows,
      perPage: best.columns * best.rows,
      pageCount: 1,
      fontPx: Math.min(best.font, maxFont),
      gapPx: gap,
    }
  }
  const columns = Math.max(1, Math.floor((w + gap) / (TILE_EM.width * minFont + gap)))
  const rows = Math.max(1, Math.floor((h + gap) / (TILE_EM.height * minFont + gap)))
  const perPage = columns * rows
  return {
    columns,
    rows,
    perPage,
    pageCount: Math.ceil(count / perPage),
    fontPx: Math.min(fontFor(columns, rows), maxFont),
    gapPx: gap,
  }
}
