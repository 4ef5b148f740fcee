/** Memory gauge math: used_memory / max_memory in MB (dcs/REFERENCE.md §9.3). */

export type MemoryLevel = 'ok' | 'warning' | 'critical' | 'unknown'

/** Percentages from which a gauge turns warning / critical. */
export interface MemoryThresholds {
  warning: number
  critical: number
}

export const DEFAULT_MEMORY_THRESHOLDS: MemoryThresholds = { warning: 75, critical: 90 }

export interface MemoryUsage {
  /** Not clamped: 120 means the instance reports more used than its maximum. */
  percent: number | null
  level: MemoryLevel
  /** used > max; the gauge should say so rather than draw 100 %. */
  over: boolean
}

const UNKNOWN: MemoryUsage = { percent: null, level: 'unknown', over: false }

/** A CREATING instance reports max 0 and used 0–2; that is "unknown", not 0 % or infinity. */
export function memoryUsage(
  usedMb: number | null,
  maxMb: number | null,
  thresholds: MemoryThresholds = DEFAULT_MEMORY_THRESHOLDS,
): MemoryUsage {
  if (usedMb === null || maxMb === null) return UNKNOWN
  if (!Number.isFinite(usedMb) || !Number.isFinite(maxMb) || maxMb <= 0 || usedMb < 0) {
    return UNKNOWN
  }
  const percent = (usedMb / maxMb) * 100
  const level =
    percent >= thresholds.critical ? 'critical' : percent >= thresholds.warning ? 'warning' : 'ok'
  return { percent, level, over: usedMb > maxMb }
}

/** One decimal: 56 of 460 MB → "12.2 %". Null → "–". */
export function formatPercent(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '–'
  return `${percent.toFixed(1)} %`
}

/** 460 → "460 MB", 1536 → "1.5 GB", 65536 → "64 GB"; GB with at most one decimal. */
export function formatMegabytes(mb: number | null): string {
  if (mb === null || !Number.isFinite(mb)) return '–'
  if (Math.abs(mb) < 1024) return `${trimDecimal(mb)} MB`
  return `${trimDecimal(mb / 1024)} GB`
}

/** Nominal capacity: 0.125 → "128 MB", 2 → "2 GB". */
export function capacityLabel(capacityGb: number | null): string {
  if (capacityGb === null) return '–'
  return formatMegabytes(capacityGb * 1024)
}

function trimDecimal(value: number): string {
  return String(Math.round(value * 10) / 10)
}
