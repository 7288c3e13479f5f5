import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

// ── The layers of src/ (README, "How the code is laid out"), enforced on static and dynamic imports alike. ──
// Each rule is [regex of forbidden import sources, why]. Imports across folders go through the @/ alias, so the
// regexes see every one of them.
const rule = (regex, message) => ({ regex, message })
const DEXIE = rule('^dexie($|/)', 'Only src/storage/ talks to Dexie: go through the repository in @/storage.')
// Two doors: @/storage (the repositories) and @/storage/sheet-saver (the editor's saver, kept out of the index so that
// pages reaching the repositories don't load the sheet's validation with it).
const STORAGE_INSIDE = rule('^(@|\\.)/storage/(?!sheet-saver$)', 'Use the storage layer through @/storage (or @/storage/sheet-saver), not its inner modules.')
const STORAGE = rule('^(@|\\.)/storage($|/)', 'Components, views and composables reach storage through a store.')
const UP = rule('^\\.\\./', 'Import another folder through @/… so that the layer rules can see the import.')
const VUE = rule('^(vue|vue-router|pinia|vue-chartjs)$|^@vue/', 'This layer is plain TypeScript: no Vue.')
const UI = rule('^@/(components|views)/|\\.vue$', 'Components and views sit on top: nothing below imports them.')
const STORES = rule('^@/stores/', 'Stores sit above this layer: it must not import them.')
const COMPOSABLES = rule('^@/composables/', 'Composables belong to the Vue side: this layer must not import them.')

const layers = [
  {
    files: ['src/domain/**'],
    forbidden: [
      rule('^@/(?!domain/)', 'The domain imports nothing of the app: it must work in a worker, a CLI or a test alone.'),
      VUE,
      DEXIE,
      rule('^chart\\.js', 'The domain draws nothing.'),
      UP,
    ],
  },
  {
    files: ['src/content/**'],
    forbidden: [rule('^@/(?!domain/)', 'Content is words for the domain’s ids: it reads the domain only.'), VUE, DEXIE, UP],
  },
  {
    files: ['src/presentation/**'],
    forbidden: [
      rule('^@/(storage|stores|services|composables|components|views|i18n)($|/)', 'Presentation turns domain values into words: it reads the domain only.'),
      VUE,
      DEXIE,
      UI,
      UP,
    ],
  },
  { files: ['src/services/**', 'src/workers/**'], forbidden: [UI, STORES, COMPOSABLES, VUE, DEXIE, STORAGE, UP] },
  {
    files: ['src/storage/**'],
    forbidden: [rule('^@/(stores|services|composables|components|views|presentation|i18n)($|/)', 'Storage sits on the domain only.'), VUE, UP],
  },
  { files: ['src/stores/**'], forbidden: [UI, COMPOSABLES, DEXIE, STORAGE_INSIDE, UP] },
  { files: ['src/composables/**'], forbidden: [UI, DEXIE, STORAGE, UP] },
  { files: ['src/components/**'], forbidden: [rule('^@/views/', 'Views compose components, not the other way round.'), DEXIE, STORAGE, UP] },
  { files: ['src/views/**'], forbidden: [DEXIE, STORAGE, UP] },
  { files: ['src/i18n/**'], forbidden: [rule('^@/(?!i18n/)', 'i18n/ holds the locale files and their set-up only.'), DEXIE, UP] },
  { files: ['src/*.ts', 'src/*.vue'], forbidden: [DEXIE, STORAGE_INSIDE] },
]

// esquery's regex literals cannot hold a slash, even escaped: write it as \x2F for the dynamic-import selector.
const selectorRegex = (regex) => regex.replaceAll('/', '\\x2F')

const layerConfigs = layers.map(({ files, forbidden }) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden }],
    'no-restricted-syntax': [
      'error',
      ...forbidden.map(({ regex, message }) => ({
        selector: `ImportExpression[source.value=/${selectorRegex(regex)}/]`,
        message,
      })),
    ],
  },
}))

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', 'public/**', '*.tmp.mjs'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      // User text is untrusted (imported sheets): it is only ever rendered as text.
      'vue/no-v-html': 'error',
      // Every French word comes from the locale file; only symbols may stand alone in templates.
      'vue/no-bare-strings-in-template': [
        'error',
        {
          allowlist: [
            '(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>',
            '\u00b7', '\u2022', '\u2010', '\u2013', '\u2014', '\u2212', '|', '✕', '↑', '↓', '←', '✓',
          ],
        },
      ],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...layerConfigs,
)
