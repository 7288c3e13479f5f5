// vue-i18n set up for French. Messages are compiled at build time by the Vite plugin and split by screen:
// fr.json (the frame and the library), fr-sheet.json (the editor, radar and print), fr-import.json (import
// problems) and fr-privacy.json (the privacy page), so the home page carries only the words it shows. The others
// are merged when their screen loads.
import { createI18n } from 'vue-i18n'
import fr from './fr.json'

type Messages = Record<string, unknown>

export function createAppI18n(extra: readonly Messages[] = []) {
  const i18n = createI18n({
    legacy: false,
    locale: 'fr',
    fallbackLocale: 'fr',
    messages: { fr },
  })
  for (const messages of extra) i18n.global.mergeLocaleMessage('fr', messages)
  return i18n
}

type AppI18n = ReturnType<typeof createAppI18n>

let appI18n: AppI18n | undefined
const loaded = new Map<string, Promise<void>>()

/** The instance the app runs with, so that screens loaded later can add their messages to it. */
export function useAppI18n(i18n: AppI18n): AppI18n {
  appI18n = i18n
  return i18n
}

function loadOnce(name: string, load: () => Promise<{ default: Messages }>): Promise<void> {
  if (!loaded.has(name))
    loaded.set(
      name,
      load().then((module) => appI18n?.global.mergeLocaleMessage('fr', module.default)),
    )
  return loaded.get(name)!
}

export const loadSheetMessages = () => loadOnce('sheet', () => import('./fr-sheet.json'))
export const loadImportMessages = () => loadOnce('import', () => import('./fr-import.json'))
export const loadPrivacyMessages = () => loadOnce('privacy', () => import('./fr-privacy.json'))
