// The document title names the page first (RGAA 8.6), e.g. "Mobilité rurale — Fiche Projet Data".
import { watchEffect, type MaybeRefOrGetter, toValue } from 'vue'
import { useI18n } from '@/i18n'
import { displayText } from '@/presentation/display-text'

export function usePageTitle(page: MaybeRefOrGetter<string>): void {
  const { t } = useI18n()
  watchEffect(() => {
    const name = toValue(page)
    document.title = name ? t('app.pageTitle', { page: displayText(name) }) : t('app.name')
  })
}
