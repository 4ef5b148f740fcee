// Makes sure a Chromium for the end-to-end tests exists. Playwright's own browser download is not
// used: Debian's chromium package is. As root on Debian it installs it; otherwise it says how.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    `Chromium is missing at ${path}. Install it with: sudo apt-get install -y chromium fonts-noto-color-emoji` +
      ` (or set CHROMIUM_PATH to a Chromium binary).`,
  )
  process.exit(1)
}
console.log('Installing Chromium from Debian packages (apt-get install chromium)…')
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
run(['update', '-qq'])
run(['install', '-y', '-qq', 'chromium', 'fonts-noto-color-emoji'])
