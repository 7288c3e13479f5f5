// The layer rules of eslint.config.js catch an import that points the wrong way, static or dynamic, in every zone.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message)
}

const violations: [zone: string, file: string, code: string][] = [
  ['domain → a store', 'src/domain/probe.ts', "import { useLibraryStore } from '@/stores/library'\nexport const x = useLibraryStore"],
  ['domain → Vue', 'src/domain/probe.ts', "import { ref } from 'vue'\nexport const x = ref"],
  ['domain → Dexie', 'src/domain/probe.ts', "import Dexie from 'dexie'\nexport const x = Dexie"],
  ['domain → presentation', 'src/domain/probe.ts', "import { formatPercent } from '@/presentation/format'\nexport const x = formatPercent"],
  ['domain → up a folder', 'src/domain/probe.ts', "import { x as y } from '../stores/library'\nexport const x = y"],
  ['domain → a store, dynamically', 'src/domain/probe.ts', "export const load = () => import('@/stores/library')"],
  ['domain → content (words live outside the domain)', 'src/domain/probe.ts', "import { THEME_LABELS } from '@/content/theme-labels'\nexport const x = THEME_LABELS"],
  ['content → a store', 'src/content/probe.ts', "import { useLibraryStore } from '@/stores/library'\nexport const x = useLibraryStore"],
  ['content → Vue', 'src/content/probe.ts', "import { ref } from 'vue'\nexport const x = ref"],
  ['presentation → a component', 'src/presentation/probe.ts', "import Card from '@/components/library/SheetCard.vue'\nexport const x = Card"],
  ['presentation → a store', 'src/presentation/probe.ts', "import { useLibraryStore } from '@/stores/library'\nexport const x = useLibraryStore"],
  ['presentation → Vue', 'src/presentation/probe.ts', "import { computed } from 'vue'\nexport const x = computed"],
  ['presentation → storage', 'src/presentation/probe.ts', "import { sheetsRepository } from '@/storage'\nexport const x = sheetsRepository"],
  ['services → a view', 'src/services/probe.ts', "import View from '@/views/SheetView.vue'\nexport const x = View"],
  ['services → a store, dynamically', 'src/services/probe.ts', "export const load = () => import('@/stores/exchange')"],
  ['a store → Dexie', 'src/stores/probe.ts', "import { liveQuery } from 'dexie'\nexport const x = liveQuery"],
  ['a store → inside storage', 'src/stores/probe.ts', "import { SheetDatabase } from '@/storage/db'\nexport const x = SheetDatabase"],
  ['a store → a component', 'src/stores/probe.ts', "import Card from '@/components/library/SheetCard.vue'\nexport const x = Card"],
  ['a component → storage', 'src/components/library/probe.ts', "import { sheetsRepository } from '@/storage'\nexport const x = sheetsRepository"],
  ['a view → Dexie', 'src/views/probe.ts', "import Dexie from 'dexie'\nexport const x = Dexie"],
  ['storage → a store', 'src/storage/probe.ts', "import { useLibraryStore } from '@/stores/library'\nexport const x = useLibraryStore"],
  ['i18n → presentation', 'src/i18n/probe.ts', "import { formatPercent } from '@/presentation/format'\nexport const x = formatPercent"],
  ['main → inside storage', 'src/probe.ts', "import { databaseListeners } from './storage/db'\nexport const x = databaseListeners"],
]

const allowed: [what: string, file: string, code: string][] = [
  ['domain → domain', 'src/domain/probe.ts', "import { THEME_IDS } from './grid'\nexport const x = THEME_IDS"],
  ['presentation → domain and Chart.js types', 'src/presentation/probe.ts', "import { THEME_IDS } from '@/domain/grid'\nimport type { ChartData } from 'chart.js'\nexport type X = ChartData\nexport const x = THEME_IDS"],
  ['content → domain', 'src/content/probe.ts', "import type { ThemeId } from '@/domain/grid'\nexport type X = ThemeId"],
  ['presentation → content', 'src/presentation/probe.ts', "import { THEME_LABELS } from '@/content/theme-labels'\nexport const x = THEME_LABELS"],
  ['storage → Dexie', 'src/storage/probe.ts', "import Dexie from 'dexie'\nexport const x = Dexie"],
  ['a store → storage', 'src/stores/probe.ts', "import { sheetsRepository } from '@/storage'\nexport const x = sheetsRepository"],
  ['a store → the sheet saver (storage’s second door)', 'src/stores/probe.ts', "import { SheetSaver } from '@/storage/sheet-saver'\nexport const x = SheetSaver"],
  ['a store → a service, dynamically', 'src/stores/probe.ts', "export const load = () => import('@/services/download')"],
]

describe('layer rules', () => {
  it.each(violations)('refuses %s', async (_zone, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([])
  })

  it.each(allowed)('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })
})
