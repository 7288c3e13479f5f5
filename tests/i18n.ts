// Tests get every French message at once, as a screen would after its messages have loaded.
import { createAppI18n } from '@/i18n'
import sheetMessages from '@/i18n/fr-sheet.json'
import importMessages from '@/i18n/fr-import.json'
import privacyMessages from '@/i18n/fr-privacy.json'
import workshopMessages from '@/i18n/fr-workshop.json'
import type { HasMessage, Translate } from '@/presentation/translate'

export function createTestI18n() {
  return createAppI18n([sheetMessages, importMessages, privacyMessages, workshopMessages])
}

/** The real French messages as the presentation layer takes them. */
export function testTranslate(): { t: Translate; te: HasMessage } {
  const { t, te } = createTestI18n().global
  return {
    t: (key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)),
    te: (key) => te(key),
  }
}
