import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// The crash test (tests/crash, `npm run test:crash`): its own port, build folder and results, so that it never
// serves or clears the files of the end-to-end run. CRASH_REUSE_BUILD=1 serves the build already in CRASH_DIST.
const port = Number(process.env.CRASH_PORT ?? 4303)
const dist = process.env.CRASH_DIST ?? 'dist-crash'
const reuseBuild = process.env.CRASH_REUSE_BUILD === '1' && existsSync(`${dist}/index.html`)
const preview = `npx vite preview --outDir ${dist} --port ${port} --strictPort`

export default defineConfig({
  testDir: 'tests/crash',
  testMatch: 'crash.spec.ts',
  outputDir: process.env.CRASH_OUTPUT ?? 'test-results-crash',
  globalSetup: './tests/crash/global-setup.ts',
  // One Chromium at a time: the trials launch and kill their own browser, and time matters to what they measure.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  // Generous: a 2-core machine busy with other work must not fail a trial by the clock of a page load.
  expect: { timeout: 30_000 },
  use: { baseURL: `http://localhost:${port}` },
  webServer: {
    command: reuseBuild ? preview : `npx vite build --outDir ${dist} && ${preview}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
})
