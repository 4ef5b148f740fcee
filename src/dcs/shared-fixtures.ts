/**
 * Test-only access to the real DCS samples in the shared reference folder, which sits beside the
 * repo as `../shared` (locally and in CI). Vite's glob reads them at test time, so no Node types
 * leak into the browser program. Never import this from app code.
 */
const files = import.meta.glob<unknown>('../../../shared/dcs/fixtures/*.json', {
  eager: true,
  import: 'default',
})

const byName = new Map(
  Object.entries(files).map(([path, body]) => [path.slice(path.lastIndexOf('/') + 1), body]),
)

export function fixtureNames(): string[] {
  return [...byName.keys()].sort()
}

/** The parsed JSON of one fixture file; throws when it is missing. */
export function fixture(name: string): unknown {
  if (!byName.has(name)) throw new Error(`No shared fixture named ${name}`)
  // Structured clone: a test that mutates a fixture must not change it for the next one.
  return structuredClone(byName.get(name))
}
