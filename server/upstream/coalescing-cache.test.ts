import { expect, test } from 'vitest'
import { CoalescingCache } from './coalescing-cache.ts'

test('concurrent gets share one load and the answer is reused until the TTL passes', async () => {
  let now = 1_000
  const cache = new CoalescingCache<number>(2_000, () => now)
  let loads = 0
  const load = async () => ++loads
  expect(
    await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]),
  ).toEqual([1, 1, 1])
  now += 1_999
  expect(await cache.get('k', load)).toBe(1)
  now += 2
  expect(await cache.get('k', load)).toBe(2)
  expect(await cache.get('other', load)).toBe(3)
})

test('a failed load is shared while in flight but not kept', async () => {
  const cache = new CoalescingCache<string>(60_000)
  let calls = 0
  const failing = async () => {
    calls += 1
    throw new Error('refused')
  }
  const results = await Promise.allSettled([cache.get('k', failing), cache.get('k', failing)])
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
  expect(calls).toBe(1)
  expect(await cache.get('k', async () => 'ok')).toBe('ok')
})

test('a TTL of 0 only shares concurrent loads', async () => {
  const cache = new CoalescingCache<number>(0)
  let loads = 0
  const load = async () => ++loads
  await Promise.all([cache.get('k', load), cache.get('k', load)])
  expect(await cache.get('k', load)).toBe(2)
})
