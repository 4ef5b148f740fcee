import { beforeAll, expect, test, vi } from 'vitest'
import { API_ERROR_CODES } from '@/dcs/api-error-code-table'
import { INSTANCE_ERROR_CODES } from '@/dcs/error-code-table'
import { apiErrorCodesLoaded, describeErrorCode, loadApiErrorCodes } from '@/dcs/error-codes'

beforeAll(() => loadApiErrorCodes())

test('before the API table loads: instance codes known, API codes reported unknown', async () => {
  vi.resetModules()
  const fresh = await import('@/dcs/error-codes')
  expect(fresh.apiErrorCodesLoaded()).toBe(false)
  expect(fresh.describeErrorCode('dcs.02.0005')).toMatchObject({
    known: true,
    message: 'Subnet status abnormal.',
  })
  expect(fresh.describeErrorCode('DCS.3022')).toMatchObject({
    code: 'DCS.3022',
    known: false,
    family: 'api',
    message: null,
  })
  const load = fresh.loadApiErrorCodes()
  expect(fresh.loadApiErrorCodes()).toBe(load)
  await load
  expect(fresh.apiErrorCodesLoaded()).toBe(true)
  expect(fresh.describeErrorCode('DCS.3022')).toMatchObject({ known: true, httpStatus: 404 })
})

test('the generated table holds all of Table 3 and all 287 API codes', () => {
  expect(INSTANCE_ERROR_CODES.map(([code]) => code)).toEqual([
    'dcs.01.0001',
    'dcs.01.0002',
    'dcs.01.0003',
    'dcs.02.0001',
    'dcs.02.0002',
    'dcs.02.0003',
    'dcs.02.0004',
    'dcs.02.0005',
    'dcs.03.0001',
    'dcs.03.0002',
    'dcs.03.0003',
    'dcs.03.0004',
    'dcs.03.0005',
    'dcs.03.0007',
    'dcs.03.0008',
    'dcs.03.0009',
    'dcs.04.0002',
    'dcs.04.0003',
    'dcs.04.0004',
  ])
  expect(API_ERROR_CODES).toHaveLength(287)
  expect(apiErrorCodesLoaded()).toBe(true)
  const byStatus = new Map<number, number>()
  for (const [, status] of API_ERROR_CODES) byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
  expect(Object.fromEntries(byStatus)).toEqual({
    400: 201,
    401: 8,
    403: 6,
    404: 7,
    405: 2,
    500: 63,
  })
})

test('instance error code with its family advice', () => {
  expect(describeErrorCode('dcs.02.0005')).toEqual({
    code: 'dcs.02.0005',
    known: true,
    family: 'instance',
    message: 'Subnet status abnormal.',
    httpStatus: null,
    advice:
      'Creating the network resources failed: check that the VPC, subnet and security group exist and that their quotas and free subnet addresses are not exhausted.',
  })
  expect(describeErrorCode('DCS.04.0004').message).toBe(
    'Both cache nodes are in the master state. A network connection error may occur between the master and standby nodes.',
  )
  expect(describeErrorCode('dcs.03.0001').advice).toMatch(/^The servers \(ECS\)/)
  expect(describeErrorCode('dcs.01.0003').advice).toMatch(/contact support/)
})

test('an undocumented code of a known instance family keeps the family advice', () => {
  const info = describeErrorCode('dcs.03.0006')
  expect(info).toMatchObject({
    code: 'dcs.03.0006',
    known: false,
    family: 'instance',
    message: null,
  })
  expect(info.advice).toMatch(/ECS/)
})

test('API codes of both families with HTTP status', () => {
  expect(describeErrorCode('DCS.3022')).toEqual({
    code: 'DCS.3022',
    known: true,
    family: 'api',
    message: 'This DCS instance does not exist.',
    httpStatus: 404,
    advice: 'The instance or the API path does not exist (any more).',
  })
  expect(describeErrorCode('111404022')).toMatchObject({ httpStatus: 404, known: true })
  expect(describeErrorCode('111401002').httpStatus).toBe(401)
})

test('the table quirks: "DCS. 5094", 111400069 under 500, templated messages', () => {
  expect(describeErrorCode('DCS. 5094')).toMatchObject({
    code: 'DCS.5094',
    known: true,
    message: 'Master standby swap failed.',
    httpStatus: 500,
  })
  expect(describeErrorCode('dcs.5094').known).toBe(true)
  expect(describeErrorCode('111400069').httpStatus).toBe(500)
  expect(describeErrorCode('DCS.4800').message).toBe('Invalid {0} in the request.')
})

test('busy codes advise to retry later, in both families', () => {
  const busy =
    'The instance is busy with another operation; retry when that operation has finished.'
  expect(describeErrorCode('DCS.4026').advice).toBe(busy)
  expect(describeErrorCode('111400026').advice).toBe(busy)
  expect(describeErrorCode('DCS.4800').advice).toBe(
    'The request was rejected as invalid; retrying it unchanged will not help.',
  )
})

test('unknown codes are kept raw', () => {
  expect(describeErrorCode(' APIGW.0201 ')).toEqual({
    code: 'APIGW.0201',
    known: false,
    family: 'api',
    message: null,
    httpStatus: null,
    advice: null,
  })
})
