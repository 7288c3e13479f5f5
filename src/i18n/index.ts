// French messages for the app, split by screen: fr.json (the frame and the library), fr-sheet.json (the editor,
// radar and print), fr-import.json (import problems), fr-privacy.json (the privacy page), fr-workshop.json
// (workshops, restitution, spreadsheet export), fr-trash.json (the trash page) and fr-form.json (the text fields'
// length counter), so the home page carries only the words it shows. A screen, dialog or
// export that says the others imports their module (sheet-messages.ts…): the words arrive with the code that shows
// them, and every text on screen follows (the messages are reactive).
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

/** Every message module loaded so far, for an instance created after them (tests). */
const added: Messages[] = []

const I18N_KEY: InjectionKey<AppI18n['global']> = Symbol('i18n')

export function createAppI18n(extra: readonly Messages[] = []): AppI18n {
  const translator = createTranslator(fr as Messages)
  for (const messages of [...added, ...extra]) translator.add(messages)
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

/** The instance the app runs with, so that screens loaded later can add their messages to it. */
export function useAppI18n(i18n: AppI18n): AppI18n {
  appI18n = i18n
  return i18n
}

/** Adds a screen's messages: called once, by its module (sheet-messages.ts…) as it is first imported. */
export function addMessages(messages: Messages): void {
  added.push(messages)
  appI18n?.global.mergeLocaleMessage('fr', messages)
}
