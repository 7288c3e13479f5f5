// Tests get every French message at once, as a screen would after its messages have loaded.
import { createAppI18n } from '@/i18n'
import sheetMessages from '@/i18n/fr-sheet.json'
import importMessages from '@/i18n/fr-import.json'
import privacyMessages from '@/i18n/fr-privacy.json'
import workshopMessages from '@/i18n/fr-workshop.json'
import trashMessages from '@/i18n/fr-trash.json'
import formMessages from '@/i18n/fr-form.json'
import type { HasMessage, Translate } from '@/presentation/translate'

/**
 * Every French message, and a translation of a key the locale lacks fails the test: a screen must never show a raw
 * message key to a person (the app's own translator would show the key itself).
 */
export function createTestI18n() {
  const i18n = createAppI18n([sheetMessages, importMessages, privacyMessages, workshopMessages, trashMessages, formMessages])
  const { t, te } = i18n.global
  i18n.global.t = ((key: string, ...rest: unknown[]) => {
    if (!te(key)) throw new Error(`Message key missing from the French locale: ${key}`)
    return (t as (...args: unknown[]) => string)(key, ...rest)
  }) as typeof t
  return i18n
}

/** The real French messages as the presentation layer takes them. */
export function testTranslate(): { t: Translate; te: HasMessage } {
  const { t, te } = createTestI18n().global
  return {
    t: (key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)),
    te: (key) => te(key),
  }
}
