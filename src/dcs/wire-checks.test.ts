import { expect, test } from 'vitest'
import {
  booleanOrText,
  finiteNumber,
  isRecord,
  listOf,
  numberOrNumericText,
  textOrNumber,
  trimmedMatch,
} from '@/dcs/wire-checks'

test('finiteNumber rejects NaN, ±Infinity and numeric strings', () => {
  expect(finiteNumber(6379)).toBe(6379)
  expect(finiteNumber(-0.5)).toBe(-0.5)
  for (const bad of [NaN, Infinity, -Infinity, '5', null, undefined, true]) {
    expect(finiteNumber(bad)).toBeUndefined()
  }
})

test('numberOrNumericText takes plain decimals, trimmed, and nothing else', () => {
  expect(numberOrNumericText('6379')).toBe(6379)
  expect(numberOrNumericText(' 12 ')).toBe(12)
  expect(numberOrNumericText('.125')).toBe(0.125)
  expect(numberOrNumericText('-1')).toBe(-1)
  expect(numberOrNumericText('5.')).toBe(5)
  expect(numberOrNumericText('9'.repeat(400))).toBe(Infinity)
  for (const bad of ['1e3', '', ' ', 'abc', '+1', '0x10', '1,5', NaN, Infinity, true, null, []]) {
    expect(numberOrNumericText(bad)).toBeUndefined()
  }
})

test('textOrNumber keeps strings as sent and turns finite numbers into text', () => {
  expect(textOrNumber(' a ')).toBe(' a ')
  expect(textOrNumber('')).toBe('')
  expect(textOrNumber(5)).toBe('5')
  for (const bad of [NaN, Infinity, true, null, undefined, {}, []]) {
    expect(textOrNumber(bad)).toBeUndefined()
  }
})

test('booleanOrText takes booleans and "true"/"false" in any case, trimmed', () => {
  expect(booleanOrText(true)).toBe(true)
  expect(booleanOrText(false)).toBe(false)
  expect(booleanOrText('TRUE')).toBe(true)
  expect(booleanOrText(' false ')).toBe(false)
  for (const bad of ['yes', '1', '', 1, 0, null, undefined]) {
    expect(booleanOrText(bad)).toBeUndefined()
  }
})

test('trimmedMatch returns the trimmed string when it matches', () => {
  expect(trimmedMatch(' 07:05 ', /^\d\d:\d\d$/)).toBe('07:05')
  expect(trimmedMatch('7:5', /^\d\d:\d\d$/)).toBeUndefined()
  expect(trimmedMatch(705, /^\d+$/)).toBeUndefined()
})

test('listOf checks every item and fails the whole list on one bad item', () => {
  expect(listOf([1, '2', ' 3 '], numberOrNumericText)).toEqual([1, 2, 3])
  expect(listOf([], numberOrNumericText)).toEqual([])
  expect(listOf([1, 'x'], numberOrNumericText)).toBeUndefined()
  expect(listOf('1', numberOrNumericText)).toBeUndefined()
  expect(listOf({ 0: 1, length: 1 }, numberOrNumericText)).toBeUndefined()
})

test('isRecord is a plain object: not null, not a list', () => {
  expect(isRecord({})).toBe(true)
  expect(isRecord([])).toBe(false)
  expect(isRecord(null)).toBe(false)
  expect(isRecord('x')).toBe(false)
})
