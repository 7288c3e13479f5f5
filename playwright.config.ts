import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './tests/chromium.ts'

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
  webServer: [
    {
      command: `npx vite build --outDir ${dist} && npx vite preview --outDir ${dist} --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      // Always a fresh build: a server left running would test yesterday's code.
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Started once the build above is served (Playwright starts its servers in order).
      command: `node tests/e2e/serve-with-server.mjs ${dist} ${serverModePort} ${couchPort}`,
      url: `http://localhost:${serverModePort}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
