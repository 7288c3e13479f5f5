// French messages for the app, split by screen: fr.json (the frame and the library), fr-sheet.json (the editor,
// radar and print), fr-import.json (import problems), fr-privacy.json (the privacy page) and fr-workshop.json
// (workshops, restitution, spreadsheet export), so the home page carries only the words it shows. The others are
// added when their screen loads, and every text on screen follows (the messages are reactive).
import { inject, shallowRef, type App, type InjectionKey } from 'vue'
import fr from './fr.json'
import { createTranslator, type Messages, type Named } from './translator'

export interface AppI18n {
  global: {
    t(key: string, named?: Named | number, plural?: number): string
    te(key: string): boolean
    mergeLocaleMessage(locale: 'fr', messages: Messages): void
  }
  install(app: App): void
}

const I18N_KEY: InjectionKey<AppI18n['global']> = Symbol('i18n')

export function createAppI18n(extra: readonly Messages[] = []): AppI18n {
  const translator = createTranslator(fr as Messages)
  for (const messages of extra) translator.add(messages)
  // Read by every translation, raised by every addition: screens re-render when their messages arrive.
  const version = shallowRef(0)
  const global: AppI18n['global'] = {
    t(key, named, plural) {
      void version.value
      return translator.t(key, named, plural)
    },
    te(key) {
      void version.value
      return translator.te(key)
    },
    mergeLocaleMessage(_locale, messages) {
      translator.add(messages)
      version.value++
    },
  }
  return { global, install: (app) => void app.provide(I18N_KEY, global) }
}

/** The app's `t` and `te`, in a component or composable. */
export function useI18n(): Pick<AppI18n['global'], 't' | 'te'> {
  const global = inject(I18N_KEY)
  if (!global) throw new Error('useI18n() needs the i18n plugin (createAppI18n) installed on the app')
  return { t: global.t, te: global.te }
}

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
export const loadWorkshopMessages = () => loadOnce('workshop', () => import('./fr-workshop.json'))
