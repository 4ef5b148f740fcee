import '@testing-library/jest-dom/vitest'
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest'

// A console.error during a test is a bug (a React warning, an unhandled state): fail on it.
let errorSpy: MockInstance<typeof console.error>
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error')
})
afterEach(() => {
  const calls = errorSpy.mock.calls
  errorSpy.mockRestore()
  if (calls.length > 0) {
    throw new Error(
      `console.error was called: ${calls.map((c) => c.map(String).join(' ')).join('\n')}`,
    )
  }
})
