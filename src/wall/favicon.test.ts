import { expect, test } from 'vitest'
import { faviconWithCount, wallTitle } from './favicon'

const svgOf = (url: string) => decodeURIComponent(url.replace('data:image/svg+xml,', ''))

test('the favicon carries the failed count, capped at 99+', () => {
  expect(svgOf(faviconWithCount(3))).toContain('>3</text>')
  expect(svgOf(faviconWithCount(250))).toContain('>99+</text>')
})

test('no failures: a check mark and no number', () => {
  const svg = svgOf(faviconWithCount(0))
  expect(svg).not.toContain('<text')
  expect(svg).toContain('<path')
})

test('the title leads with the failed count', () => {
  expect(wallTitle(3)).toBe('3 failed · DCS wall')
  expect(wallTitle(0)).toBe('None failed · DCS wall')
  expect(wallTitle(null)).toBe('DCS wall')
})
