import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { faviconWithCount, wallTitle } from './favicon'

/**
 * Care for a screen nobody touches: keep it awake, move it a little against burn-in, say the
 * number of failures in the tab, and pick up a new deployment by itself.
 */

/** Screen Wake Lock where the browser has it; taken again when the tab becomes visible. */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return
    let sentinel: WakeLockSentinel | null = null
    let cancelled = false
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return
      try {
        const next = await navigator.wakeLock.request('screen')
        if (cancelled) void next.release()
        else sentinel = next
      } catch {
        // Refused (battery saver, no user activation in some browsers): the screen may sleep.
      }
    }
    void acquire()
    document.addEventListener('visibilitychange', acquire)
    return () => {
      cancelled = true
      document.removeEventListener('visibilitychange', acquire)
      void sentinel?.release()
    }
  }, [])
}

const SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [2, 1],
  [3, -1],
  [1, -3],
  [-2, -2],
  [-3, 1],
  [-1, 3],
  [1, 2],
]

/** A slow walk of a few pixels, one step a minute, so static text does not burn into the panel. */
export function useBurnInShift(periodMs = 60_000): { x: number; y: number } {
  const [step, setStep] = useState(0)
  useEffect(() => {
    const timer = window.setInterval(() => setStep((s) => (s + 1) % SHIFTS.length), periodMs)
    return () => window.clearInterval(timer)
  }, [periodMs])
  const [x, y] = SHIFTS[step] ?? [0, 0]
  return { x, y }
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)'

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const media = window.matchMedia(reducedMotionQuery)
      media.addEventListener('change', listener)
      return () => media.removeEventListener('change', listener)
    },
    () => window.matchMedia(reducedMotionQuery).matches,
    () => false,
  )
}

/** Forces the colour theme on <html> while the wall is shown; restores the page's own after. */
export function useHtmlTheme(theme: 'dark' | 'light'): void {
  useEffect(() => {
    const root = document.documentElement
    const previous = root.getAttribute('data-theme')
    root.setAttribute('data-theme', theme)
    return () => {
      if (previous === null) root.removeAttribute('data-theme')
      else root.setAttribute('data-theme', previous)
    }
  }, [theme])
}

/** Title and favicon say how many instances failed; both are restored when the wall closes. */
export function useFailedCountInTab(failed: number | null): void {
  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')
    const original = {
      title: document.title,
      href: link?.getAttribute('href') ?? null,
      type: link?.type ?? '',
    }
    return () => {
      document.title = original.title
      if (link && original.href !== null) {
        link.href = original.href
        link.type = original.type
      }
    }
  }, [])
  useEffect(() => {
    document.title = wallTitle(failed)
    if (failed === null) return
    const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')
    if (!link) return
    link.type = 'image/svg+xml'
    link.href = faviconWithCount(failed)
  }, [failed])
}

/** The first version seen is the running one; any other version means a redeploy: reload. */
export function useReloadOnNewVersion(version: string | undefined): void {
  const first = useRef<string | null>(null)
  useEffect(() => {
    if (!version) return
    if (first.current === null) first.current = version
    else if (first.current !== version) window.location.reload()
  }, [version])
}

/** The size of an element, kept current by a ResizeObserver. */
export function useElementSize<T extends HTMLElement>(): [
  (node: T | null) => (() => void) | undefined,
  { width: number; height: number },
] {
  const [size, setSize] = useState({ width: 0, height: 0 })
  const ref = useCallback((node: T | null) => {
    if (!node) return
    const measure = () => {
      const { width, height } = node.getBoundingClientRect()
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return [ref, size]
}

/** The viewport size, for the type scale. */
export function useViewportSize(): { width: number; height: number } {
  const width = useSyncExternalStore(
    subscribeResize,
    () => window.innerWidth,
    () => 1920,
  )
  const height = useSyncExternalStore(
    subscribeResize,
    () => window.innerHeight,
    () => 1080,
  )
  return { width, height }
}

function subscribeResize(listener: () => void) {
  window.addEventListener('resize', listener)
  return () => window.removeEventListener('resize', listener)
}
