// The app's `t` in the plain shape the presentation layer takes (src/presentation/translate.ts).
import { useI18n } from '@/i18n'
import type { HasMessage, Translate } from '@/presentation/translate'

export function useTranslate(): { t: Translate; te: HasMessage } {
  const { t, te } = useI18n()
  return { t: (key, named, plural) => t(key, named, plural), te: (key) => te(key) }
}
