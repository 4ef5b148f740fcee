/**
 * The wall's favicon: the app's mark with a red badge carrying the number of failed instances,
 * so a wall tab among others still says how bad things are. An SVG data URL, no canvas needed.
 */
export function faviconWithCount(failed: number): string {
  const text = failed > 99 ? '99+' : String(failed)
  const size = text.length > 2 ? 15 : text.length > 1 ? 19 : 24
  const svg =
    failed > 0
      ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
        `<circle cx="16" cy="16" r="16" fill="#dc2626"/>` +
        `<text x="16" y="16" dy=".35em" text-anchor="middle" font-family="Arial,sans-serif" font-weight="700" font-size="${size}" fill="#fff">${text}</text></svg>`
      : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
        `<circle cx="16" cy="16" r="16" fill="#16a34a"/>` +
        `<path d="m9 16.5 4.5 4.5L23 11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

/** "3 failed · DCS wall", "All running · DCS wall"; before the first data just the name. */
export function wallTitle(failed: number | null): string {
  if (failed === null) return 'DCS wall'
  return failed > 0 ? `${failed} failed · DCS wall` : 'None failed · DCS wall'
}
