import { useCallback, useSyncExternalStore } from 'react'

/**
 * The current time, re-rendering every `periodMs`. One timer per period is shared by every
 * component that asks, so a wall of 2,000 tiles does not start 2,000 intervals.
 */
const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer: number | null }>()

function clock(periodMs: number) {
  let entry = clocks.get(periodMs)
  if (!entry) {
    entry = { now: Date.now(), listeners: new Set(), timer: null }
    clocks.set(periodMs, entry)
  }
  return entry
}

function subscribe(periodMs: number, listener: () => void) {
  const entry = clock(periodMs)
  entry.listeners.add(listener)
  if (entry.timer === null) {
    entry.now = Date.now()
    entry.timer = window.setInterval(() => {
      entry.now = Date.now()
      entry.listeners.forEach((l) => l())
    }, periodMs)
  }
  return () => {
    entry.listeners.delete(listener)
    if (entry.listeners.size === 0 && entry.timer !== null) {
      window.clearInterval(entry.timer)
      entry.timer = null
    }
  }
}

export function useNow(periodMs = 1000): Date {
  // A stable subscribe: a new one each render would unsubscribe, stop the timer, resubscribe and
  // move the clock on every render, which loops forever when a component is the clock's only user.
  const subscribeToPeriod = useCallback(
    (listener: () => void) => subscribe(periodMs, listener),
    [periodMs],
  )
  const now = useSyncExternalStore(
    subscribeToPeriod,
    () => clock(periodMs).now,
    () => clock(periodMs).now,
  )
  return new Date(now)
}
