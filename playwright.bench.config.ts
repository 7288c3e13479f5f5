import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './tests/chromium.ts'
import { appServers } from './tests/app-servers.ts'

// Benchmarks that need Playwright rather than Vitest's browser mode (`npm run bench`, after the Vitest ones): a
// browser launched with its own flags, such as a fake camera. They print figures and assert none. Their own port,
// build folder and results, so that they never serve or clear the end-to-end run's files.
const port = Number(process.env.BENCH_PORT ?? 4307)
const dist = process.env.BENCH_DIST ?? 'dist-bench'
export const benchServerModePort = port + 1
export const benchCouchPort = port + 2

export default defineConfig({
  testDir: 'bench',
  testMatch: '**/*.bench.pw.ts',
  outputDir: process.env.BENCH_OUTPUT ?? 'test-results-bench',
  // One browser at a time: a second one would eat the CPU the measured one decodes with.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 600_000,
  expect: { timeout: 120_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--lang=fr-FR'] },
  },
  webServer: appServers({ dist, port, serverModePort: benchServerModePort, couchPort: benchCouchPort, buildTimeout: 180_000 }),
})
