import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { describeProject, EmulatorDataError, loadEmulatorDataFile } from './emulator-data.ts'

const dir = mkdtempSync(join(tmpdir(), 'dcs-emulator-data-'))

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

test('a valid data file loads with key order and odd values intact', () => {
  const path = file(
    'ok.json',
    '{"projects": {"p1": [{"zz": 1, "instance_id": "i-1", "available_zones": "az", "aa": null}]}}',
  )
  const data = loadEmulatorDataFile(path)
  expect(Object.keys(data.projects.p1![0]!)).toEqual(['zz', 'instance_id', 'available_zones', 'aa'])
})

test('SDK-normalised records are addressed by "id" when "instance_id" is missing', () => {
  const path = file('sdk.json', '{"projects": {"p": [{"id": "i-9", "name": "sdk"}]}}')
  expect(loadEmulatorDataFile(path).projects.p![0]).toEqual({ id: 'i-9', name: 'sdk' })
})

test.each([
  ['missing.json', null, /cannot read .*missing\.json \(ENOENT\)/],
  ['broken.json', '{"projects": ', /is not valid JSON/],
  ['no-projects.json', '{"instances": []}', /expected \{"projects"/],
  ['not-array.json', '{"projects": {"p": {}}}', /projects\["p"\] must be an array/],
  [
    'no-id.json',
    '{"projects": {"p": [{"name": "x"}]}}',
    /projects\["p"\]\[0\] has no string "instance_id" \(or "id"\)/,
  ],
  [
    'dup.json',
    '{"projects": {"p": [{"instance_id": "a"}, {"instance_id": "a"}]}}',
    /repeats instance_id "a"/,
  ],
  ['bad-project.json', '{"projects": {"a/b": []}}', /not URL-safe/],
])('%s gives a one-line EmulatorDataError', (name, content, message) => {
  const path = content === null ? join(dir, name) : file(name, content)
  let thrown: unknown
  try {
    loadEmulatorDataFile(path)
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(EmulatorDataError)
  const text = (thrown as Error).message
  expect(text).toMatch(message)
  expect(text).toMatch(/^DCS_EMULATOR_DATA: /)
  expect(text).not.toContain('\n')
})

test('a data-file project takes its region from the first AZ code', () => {
  expect(describeProject('abcdef0123', [{ instance_id: 'x', az_codes: ['eu-nl-02'] }])).toEqual({
    id: 'abcdef0123',
    name: 'eu-nl abcdef01',
    region: 'eu-nl',
  })
  expect(describeProject('p', [{ instance_id: 'x' }]).region).toBe('unknown')
})
