// vue-i18n set up for French; the messages are compiled at build time by the Vite plugin.
import { createI18n } from 'vue-i18n'
import fr from './fr.json'

export type MessageSchema = typeof fr

export function createAppI18n() {
  return createI18n<[MessageSchema], 'fr', false>({
    legacy: false,
    locale: 'fr',
    fallbackLocale: 'fr',
    messages: { fr },
  })
}
