import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { playwright } from '@vitest/browser-playwright'
import { chromiumArgs, chromiumPath } from './tests/chromium.ts'
import { contentSecurityPolicy } from './build/csp.ts'

// Tests and benchmarks that need a real browser run in Chromium (Debian's, or CHROMIUM_PATH).
const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
}

export default defineConfig({
  plugins: [
    vue(),
    // The strict Content-Security-Policy <meta>, in the production build only (the dev server needs inline styles).
    contentSecurityPolicy(),
    // Installable and offline after one visit: the service worker precaches the whole build.
    // 'prompt', never 'autoUpdate': a new version waits until the person chooses to reload (UpdatePrompt.vue).
    VitePWA({
      registerType: 'prompt',
      // Registered by UpdatePrompt.vue through useRegisterSW, so no script is injected into index.html.
      injectRegister: false,
      devOptions: { enabled: false },
      // The icons are already matched by globPatterns below: listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Fiche Projet Data',
        short_name: 'Fiche Data',
        description: 'Décrire un projet data de collectivité, évaluer ses enjeux sur le radar et partager la fiche.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1d4f91',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        // Opening a sheet file (.json) or a radar image (.png) with the installed app imports it (launch-queue).
        file_handlers: [{ action: '/', accept: { 'application/json': ['.json'], 'image/png': ['.png'] } }],
      },
      workbox: {
        // Everything the app needs (code, styles, icons, fonts, the JSON schema); locale messages are compiled into
        // the JS. manifest.webmanifest is added by the plugin itself. Nothing from another origin is ever cached.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,woff2,json}'],
        // The deployment's setting is read from the network at each start (services/deployment.ts): a deployer's
        // edit must not wait for a new version of the app.
        globIgnores: ['**/node_modules/**', 'deployment.json'],
        // History routes such as /fiches/<id> are answered with the app shell when offline.
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page is taken over once the worker is active, so its lazy routes load offline too.
        // Harmless with 'prompt': an update still waits for skipWaiting, which only the person's click sends.
        clientsClaim: true,
      },
    }),
  ],
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      { find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) },
    ],
  },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
  },
  test: {
    // Generous, so that a machine busy with other work (two cores, a CI neighbour) never fails a test by the clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // Pinia stores with the in-memory repository, and that repository's contract.
        extends: true,
        test: { name: 'store', include: ['tests/store/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        // The CouchDB client against a CouchDB-compatible server on loopback, started by the tests themselves.
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['tests/component/no-network.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          browser: chromiumBrowser,
        },
      },
      {
        // Figures, not checks: run by `npm run bench` only, never by `npm test` (which lists its projects).
        extends: true,
        // Pre-bundled up front: discovering them mid-run makes Vite reload the page and restart the benchmark.
        optimizeDeps: { include: ['dexie', 'pinia', 'vue', 'zod'] },
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.browser.mts'],
          testTimeout: 300_000,
          browser: chromiumBrowser,
        },
      },
    ],
  },
})
