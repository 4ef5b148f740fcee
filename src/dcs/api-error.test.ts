import { expect, test, vi } from 'vitest'
import {
  DcsApiError,
  decodeErrorBody,
  decodeErrorResponse,
  errorKind,
  InvalidResponseError,
} from '@/dcs/api-error'
import { fixture } from '@/dcs/shared-fixtures'

test('shape A, flat: OTC v2 400 fixture', () => {
  const error = decodeErrorBody(400, fixture('otc-docs-v2-error-400.json'))
  expect(error).toBeInstanceOf(DcsApiError)
  expect(error).toBeInstanceOf(Error)
  expect(error).toMatchObject({
    name: 'DcsApiError',
    httpStatus: 400,
    code: 'DCS.4800',
    message: 'Invalid offset in the request.',
    shape: 'flat',
    kind: 'bad-request',
    requestId: null,
    retryable: false,
  })
  expect(decodeErrorBody(400, fixture('huaweicloudDocs-v2-error-400.json')).code).toBe('DCS.4800')
})

test('shape B, nested: HW docs and FlexibleEngine issue fixtures', () => {
  expect(decodeErrorBody(400, fixture('huaweicloudDocs-error-body.json'))).toMatchObject({
    code: '111400060',
    message: 'instance name exists.',
    shape: 'nested',
  })
  expect(decodeErrorBody(400, fixture('issue-flexibleengine-240-error-nested.json'))).toMatchObject(
    {
      code: '111400086',
      message: 'only master standby instance is support this action',
      shape: 'nested',
    },
  )
  const withExt = decodeErrorBody(400, fixture('issue-flexibleengine-814-error-nested-ext.json'))
  expect(withExt).toMatchObject({ code: '111400007', shape: 'nested', extMessage: null })
})

test('shape C, legacy flat', () => {
  const error = decodeErrorBody(400, {
    code: '111400086',
    message: 'only master standby instance is support this action',
    ext_message: null,
  })
  expect(error).toMatchObject({ shape: 'legacy-flat', code: '111400086', kind: 'bad-request' })
})

test('shape D, API gateway 504 with request id', () => {
  const error = decodeErrorBody(504, {
    request_id: 'c5a7a1d8e2b94c2f',
    error_code: 'APIGW.0201',
    error_msg: 'Service DCS timed out (30000 ms)',
  })
  expect(error).toMatchObject({
    shape: 'gateway',
    code: 'APIGW.0201',
    requestId: 'c5a7a1d8e2b94c2f',
    message: 'Service DCS timed out (30000 ms)',
    kind: 'upstream',
    retryable: true,
  })
})

test('a code without a message gets the message from the table', async () => {
  await expect(decodeErrorResponse(404, { error_code: 'DCS.3022' })).resolves.toMatchObject({
    message: 'This DCS instance does not exist.',
    kind: 'not-found',
  })
  expect(decodeErrorBody(400, { error: { code: '111400026', message: '' } }).message).toBe(
    'This operation is not allowed when the DCS instance is in the current state.',
  )
  expect(decodeErrorBody(400, { error_code: 'DCS.9999' }).message).toBe('Bad request (HTTP 400)')
})

test('before the API code table loads, the sync decode falls back to the status text', async () => {
  vi.resetModules()
  const fresh = await import('@/dcs/api-error')
  expect(fresh.decodeErrorBody(404, { error_code: 'DCS.3022' })).toMatchObject({
    message: 'Not found (HTTP 404)',
    code: 'DCS.3022',
    kind: 'not-found',
  })
  expect((await fresh.decodeErrorResponse(404, { error_code: 'DCS.3022' })).message).toBe(
    'This DCS instance does not exist.',
  )
})

test('text and empty bodies', () => {
  expect(decodeErrorBody(502, '<html><body><h1>502 Bad Gateway</h1></body></html>')).toMatchObject({
    shape: 'none',
    code: null,
    message: '502 Bad Gateway',
    kind: 'upstream',
  })
  expect(decodeErrorBody(503, '')).toMatchObject({
    message: 'Service unavailable (HTTP 503)',
    shape: 'none',
  })
  expect(decodeErrorBody(418, undefined).message).toBe('HTTP 418')
  expect(decodeErrorBody(500, null).kind).toBe('upstream')
  expect(decodeErrorBody(429, {}).kind).toBe('rate-limited')
})

test('a JSON body still in text form is parsed', () => {
  expect(
    decodeErrorBody(400, '{"error_code":"DCS.4800","error_msg":"Invalid offset in the request."}'),
  ).toMatchObject({ shape: 'flat', code: 'DCS.4800' })
})

test('a request id from the response header is used when the body has none', () => {
  expect(decodeErrorBody(500, { error_code: 'DCS.5000' }, 'req-1').requestId).toBe('req-1')
})

test('kind from HTTP status, refined by code', () => {
  expect(errorKind(0)).toBe('unreachable')
  expect(errorKind(401)).toBe('auth')
  expect(errorKind(403)).toBe('forbidden')
  expect(errorKind(404)).toBe('not-found')
  expect(errorKind(405)).toBe('bad-request')
  expect(errorKind(409)).toBe('conflict')
  expect(errorKind(400, 'DCS.3022')).toBe('not-found')
  expect(errorKind(400, '111401003')).toBe('auth')
  expect(errorKind(503)).toBe('upstream')
})

test('InvalidResponseError is a DcsApiError of kind invalid-response', () => {
  const error = new InvalidResponseError('Expected an object.')
  expect(error).toBeInstanceOf(DcsApiError)
  expect(error).toMatchObject({
    name: 'InvalidResponseError',
    kind: 'invalid-response',
    httpStatus: 200,
    message: 'Expected an object.',
    retryable: false,
  })
})
