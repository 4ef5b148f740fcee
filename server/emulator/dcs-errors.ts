/**
 * DCS error answers the emulator gives, with codes from dcs/error-codes.tsv (shape A of
 * REFERENCE §8: `{"error_code", "error_msg"}`) and the API gateway's 504 (shape D).
 */

export interface DcsError {
  status: number
  body: Record<string, string>
}

function dcs(status: number, code: string, message: string): DcsError {
  return { status, body: { error_code: code, error_msg: message } }
}

export const dcsErrors = {
  invalidToken: dcs(401, 'DCS.1001', 'Invalid token.'),
  noToken: dcs(401, 'DCS.1003', 'No token in the request.'),
  projectMismatch: dcs(401, 'DCS.1004', 'Project ID does not match the token.'),
  instanceNotFound: dcs(404, 'DCS.3022', 'This DCS instance does not exist.'),
  urlNotFound: dcs(404, 'DCS.4001', 'The requested URL does not exist.'),
  methodNotAllowed: dcs(405, 'DCS.5001', 'This request method is not allowed.'),
  internal: dcs(500, 'DCS.5000', 'Internal service error.'),
  unavailable: dcs(503, 'DCS.5000', 'Internal service error.'),
  /** `DCS.4800 Invalid {0} in the request.` with the template filled in. */
  invalidParameter: (name: string) => dcs(400, 'DCS.4800', `Invalid ${name} in the request.`),
}

let gatewayRequestCounter = 0

/** What the API gateway answers when DCS does not respond within its 30 s (TPOTC issue #2108). */
export function gatewayTimeout(): DcsError {
  gatewayRequestCounter += 1
  const requestId = `5e1c0d2b9a7f4e3c8b6a${String(gatewayRequestCounter).padStart(12, '0')}`
  return {
    status: 504,
    body: {
      request_id: requestId,
      error_code: 'APIGW.0201',
      error_msg: 'Service DCS timed out (30000 ms)',
    },
  }
}
