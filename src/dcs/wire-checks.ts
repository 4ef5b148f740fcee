/**
 * Small checks for values read off the wire. Each takes an unknown value and returns it typed
 * (and sometimes converted, as named), or undefined when the value is not of that kind. None of
 * them returns undefined for an accepted value, so undefined always means "rejected".
 *
 * They replace zod/mini in the browser bundle (about 7 KB gzip on every route) with the same
 * semantics for the few shapes the DCS wire needs.
 */

/** A plain object: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A number that is not NaN or ±Infinity. */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

const NUMERIC_TEXT = /^-?(\d+\.?\d*|\.\d+)$/

/**
 * A finite number, or a string of a plain decimal ("6379", " 12 ", ".125", "-1"; not "1e3" or "")
 * converted with Number. A decimal too long for a double converts to Infinity, as Number does.
 */
export function numberOrNumericText(value: unknown): number | undefined {
  if (typeof value !== 'string') return finiteNumber(value)
  const text = value.trim()
  return NUMERIC_TEXT.test(text) ? Number(text) : undefined
}

/** A string as sent, or a finite number as its String ("5"). */
export function textOrNumber(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  const number = finiteNumber(value)
  return number === undefined ? undefined : String(number)
}

/** A boolean, or the string "true" or "false" in any case, spaces around allowed. */
export function booleanOrText(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  return text === 'true' ? true : text === 'false' ? false : undefined
}

/** A string that, trimmed, matches `pattern`; the trimmed string. */
export function trimmedMatch(value: unknown, pattern: RegExp): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  return pattern.test(text) ? text : undefined
}

/** A list whose every item passes `item`, converted; undefined if it is not a list or one fails. */
export function listOf<T>(
  value: unknown,
  item: (value: unknown) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) return undefined
  const items: T[] = []
  for (const each of value as unknown[]) {
    const checked = item(each)
    if (checked === undefined) return undefined
    items.push(checked)
  }
  return items
}
