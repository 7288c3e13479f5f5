// Tests get every French message at once, as a screen would after its messages have loaded.
import { createAppI18n } from '@/i18n'
import sheetMessages from '@/i18n/fr-sheet.json'
import importMessages from '@/i18n/fr-import.json'

export function createTestI18n() {
  return createAppI18n([sheetMessages, importMessages])
}
