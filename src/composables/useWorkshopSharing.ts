// The workshops shared on the deployment's server, started with the page's words: any page where sheets change (a
// sheet, a workshop) or where the server is spoken of (Confidentialité) starts it; without a server it stays idle.
import { useWorkshopSharingStore } from '@/stores/workshop-sharing'
import { useTranslate } from './useTranslate'

export function useWorkshopSharing() {
  const { t } = useTranslate()
  const sharing = useWorkshopSharingStore()
  void sharing.start((title) => t('sharing.otherVersion', { title }))
  return sharing
}
