// « Copier un lien de partage », wherever sheets are: prepares the link (and the file behind it) and opens its
// dialog. The share code and the dialog's words load with the first use.
import { shallowRef } from 'vue'
import type { Sheet } from '@/domain/sheet'
import type { Workshop } from '@/domain/workshop'
import { loadImportMessages } from '@/i18n'
import type { SharePackage } from '@/stores/exchange'

export function useShareLink() {
  /** The dialog's content while it is open. */
  const shared = shallowRef<{ share: SharePackage; title: string } | null>(null)

  /** `title` names what is shared in the dialog: the sheet's title, or the workshop's. */
  async function openShare(sheets: readonly Sheet[], title: string, workshop?: Workshop) {
    if (sheets.length === 0) return
    const [{ useExchangeStore }] = await Promise.all([import('@/stores/exchange'), loadImportMessages()])
    shared.value = { share: await useExchangeStore().prepareShare(sheets, workshop), title }
  }

  return { shared, openShare, closeShare: () => (shared.value = null) }
}
