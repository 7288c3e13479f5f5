import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { playwright } from '@vitest/browser-playwright'
import { chromiumArgs, chromiumPath } from './tests/chromium.ts'

export default defineConfig({
  plugins: [
    vue(),
    // Locale messages are compiled at build time, so the runtime ships without vue-i18n's message compiler.
    vueI18n({
      include: [fileURLToPath(new URL('./src/i18n/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }),
  ],
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
  },
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // The runtime-only build: messages are precompiled, so the message compiler (and any eval) stays out.
      { find: /^vue-i18n$/, replacement: 'vue-i18n/dist/vue-i18n.runtime.mjs' },
    ],
  },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
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
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
