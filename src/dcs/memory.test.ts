import { expect, test } from 'vitest'
import { capacityLabel, formatMegabytes, formatPercent, memoryUsage } from '@/dcs/memory'

test('seed example: 56 of 460 MB is 12.2 % and ok', () => {
  const usage = memoryUsage(56, 460)
  expect(usage.level).toBe('ok')
  expect(usage.over).toBe(false)
  expect(formatPercent(usage.percent)).toBe('12.2 %')
})

test('levels switch at the default thresholds 75 and 90', () => {
  expect(memoryUsage(74, 100).level).toBe('ok')
  expect(memoryUsage(75, 100).level).toBe('warning')
  expect(memoryUsage(89.9, 100).level).toBe('warning')
  expect(memoryUsage(90, 100).level).toBe('critical')
})

test('thresholds are configurable', () => {
  expect(memoryUsage(60, 100, { warning: 50, critical: 60 }).level).toBe('critical')
  expect(memoryUsage(55, 100, { warning: 50, critical: 60 }).level).toBe('warning')
})

test('max 0, null or used null is unknown, never NaN or Infinity', () => {
  const unknown = { percent: null, level: 'unknown', over: false }
  expect(memoryUsage(2, 0)).toEqual(unknown)
  expect(memoryUsage(0, 0)).toEqual(unknown)
  expect(memoryUsage(10, null)).toEqual(unknown)
  expect(memoryUsage(null, 1024)).toEqual(unknown)
  expect(memoryUsage(Number.NaN, 1024)).toEqual(unknown)
  expect(formatPercent(null)).toBe('–')
})

test('used above max is reported honestly above 100 %', () => {
  const usage = memoryUsage(1200, 1024)
  expect(usage).toEqual({ percent: 117.1875, level: 'critical', over: true })
  expect(formatPercent(usage.percent)).toBe('117.2 %')
})

test('megabytes read as MB below 1 GB and as GB with one decimal above', () => {
  expect(formatMegabytes(460)).toBe('460 MB')
  expect(formatMegabytes(0)).toBe('0 MB')
  expect(formatMegabytes(1024)).toBe('1 GB')
  expect(formatMegabytes(1536)).toBe('1.5 GB')
  expect(formatMegabytes(3277)).toBe('3.2 GB')
  expect(formatMegabytes(13107)).toBe('12.8 GB')
  expect(formatMegabytes(65536)).toBe('64 GB')
  expect(formatMegabytes(null)).toBe('–')
})

test('capacity label turns sub-GB flavors into MB', () => {
  expect(capacityLabel(0.125)).toBe('128 MB')
  expect(capacityLabel(0.5)).toBe('512 MB')
  expect(capacityLabel(2)).toBe('2 GB')
  expect(capacityLabel(64)).toBe('64 GB')
  expect(capacityLabel(null)).toBe('–')
})
