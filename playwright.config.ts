import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './tests/chromium.ts'
import { appServers } from './tests/app-servers.ts'

// E2E_PORT, E2E_DIST and E2E_OUTPUT let two runs on one machine (two developers, two checkouts' helpers) use
// different ports, build folders and result folders, so neither serves nor clears the other's files.
const port = Number(process.env.E2E_PORT ?? 4174)
const dist = process.env.E2E_DIST ?? 'dist'
// The same build served as a deployment with a CouchDB server (deployment.json, /couchdb/ proxied to the server the
// sync journeys start themselves on couchPort).
export const serverModePort = port + 1
export const couchPort = port + 2

// End-to-end journeys run against the production build, served by `vite preview`.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--lang=fr-FR'] },
  },
  webServer: appServers({ dist, port, serverModePort, couchPort, buildTimeout: 120_000 }),
})
