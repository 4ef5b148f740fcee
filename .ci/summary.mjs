// Prints one plain line, "N passed, N failed", from the vitest and Playwright JSON reports.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)

const vitest = read('test-results/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests ?? 0
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0)
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
}
const playwright = read('test-results/playwright.json')
if (playwright?.stats) {
  passed += playwright.stats.expected ?? 0
  failed += (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0)
  skipped += playwright.stats.skipped ?? 0
  failed += playwright.errors?.length ?? 0
}
const stageFailed = process.argv[2] && process.argv[2] !== '0'
if (stageFailed && failed === 0) failed = 1 // a check before the tests (types, lint, format, build) failed
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
