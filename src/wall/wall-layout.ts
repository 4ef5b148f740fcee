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

/**
 * A compact tile (healthy instances when space is short): the name, then icon, status text and
 * memory percent on one line. Same width as a full tile, so both share the columns.
 */
export const COMPACT_TILE_EM = { height: 4 } as const

/** One page of the wall: tiles `start` to `end` (exclusive) of the sorted list. */
export interface WallPageSlice {
  start: number
  end: number
  /** Rows of full tiles on this page, then rows of compact tiles. */
  rows: number
  compactRows: number
}

export interface WallLayout {
  columns: number
  /** Rows of full tiles on the fullest page (all rows when nothing is compact). */
  rows: number
  /** Tiles on the first page. */
  perPage: number
  pageCount: number
  /** Font size of a tile in px; the tile's contents are sized in em of it. */
  fontPx: number
  gapPx: number
  /** Index in the list from which tiles are shown compact; `count` when none is. */
  compactFrom: number
  /** Every page, in order; together they cover every tile exactly once. */
  pages: WallPageSlice[]
  /** One page: the rows stretch to fill the area; several: rows keep their em height. */
  stretch: boolean
}

/** How many tiles, once in the list's order, fill one page starting at `start`. */
function fillPage(
  start: number,
  count: number,
  compactFrom: number,
  columns: number,
  heightEm: number,
  gapEm: number,
): WallPageSlice {
  let room = heightEm + gapEm
  let index = start
  let rows = 0
  let compactRows = 0
  while (index < count) {
    const compact = index >= compactFrom
    const rowEm = (compact ? COMPACT_TILE_EM.height : TILE_EM.height) + gapEm
    // A page always takes at least one row, so paging ends even when a row is taller than the page.
    if (rowEm > room + 1e-9 && rows + compactRows > 0) break
    room -= rowEm
    // A row holds tiles of one kind: the last full row ends where the compact tiles begin.
    index = Math.min(count, compact ? index + columns : Math.min(compactFrom, index + columns))
    if (compact) compactRows++
    else rows++
  }
  return { start, end: index, rows, compactRows }
}

/**
 * The grid for `count` tiles, the first `count - compactable` full and the rest (healthy
 * instances, last in severity order) allowed to shrink to compact tiles. Compact tiles are only
 * used when all tiles at full size would need a font below the readable minimum.
 */
export function wallLayout({
  width,
  height,
  count,
  unit,
  compactable = 0,
}: {
  /** The area for tiles, in px. */
  width: number
  height: number
  count: number
  unit: number
  /** How many tiles at the end of the list may be shown compact. */
  compactable?: number
}): WallLayout {
  const gap = GAP_UNITS * unit
  const minFont = MIN_FONT_UNITS * unit
  const maxFont = MAX_FONT_UNITS * unit
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  const widthFont = (columns: number) => (w - (columns - 1) * gap) / columns / TILE_EM.width
  const fontFor = (columns: number, rows: number, compactRows = 0) =>
    Math.min(
      widthFont(columns),
      (h - (rows + compactRows - 1) * gap) /
        (rows * TILE_EM.height + compactRows * COMPACT_TILE_EM.height),
    )
  const onePage = (columns: number, rows: number, compactRows: number, font: number) => {
    const compactFrom = compactRows > 0 ? count - compactable : count
    return {
      columns,
      rows: rows + compactRows,
      perPage: count,
      pageCount: 1,
      fontPx: Math.min(font, maxFont),
      gapPx: gap,
      compactFrom,
      pages: [{ start: 0, end: count, rows, compactRows }],
      stretch: true,
    }
  }

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
    const layout = onePage(best.columns, best.rows, 0, best.font)
    return { ...layout, perPage: best.columns * best.rows }
  }

  const full = Math.max(0, count - Math.max(0, Math.min(count, compactable)))
  const compact = count - full
  // Space is short: try everything on one page with the healthy tiles compact.
  if (compact > 0) {
    let mixed = { columns: 1, rows: 0, compactRows: 0, font: 0 }
    for (let columns = 1; columns <= n; columns++) {
      const rows = Math.ceil(full / columns)
      const compactRows = Math.ceil(compact / columns)
      const font = fontFor(columns, rows, compactRows)
      if (font > mixed.font + 1e-9) mixed = { columns, rows, compactRows, font }
      if (rows <= 1 && compactRows <= 1) break
    }
    if (mixed.font >= minFont)
      return onePage(mixed.columns, mixed.rows, mixed.compactRows, mixed.font)
  }

  // Still too many: page, at the columns and rows of full tiles the smallest readable font allows.
  const columns = Math.max(1, Math.floor((w + gap) / (TILE_EM.width * minFont + gap)))
  const rows = Math.max(1, Math.floor((h + gap) / (TILE_EM.height * minFont + gap)))
  const fontPx = Math.min(fontFor(columns, rows), maxFont)
  const compactFrom = compact > 0 ? full : count
  const pages: WallPageSlice[] = []
  for (let start = 0; start < count;) {
    const slice = fillPage(start, count, compactFrom, columns, h / fontPx, gap / fontPx)
    pages.push(slice)
    start = slice.end
  }
  return {
    columns,
    rows,
    perPage: pages[0]?.end ?? columns * rows,
    pageCount: pages.length,
    fontPx,
    gapPx: gap,
    compactFrom,
    pages,
    stretch: false,
  }
}
