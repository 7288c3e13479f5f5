// « Copier un lien de partage », wherever sheets are: prepares the link (and the file behind it) and opens its
// dialog. The share code and the dialog's words load with the first use.
import { shallowRef, watch } from 'vue'
import type { Sheet } from '@/domain/sheet'
import type { Workshop } from '@/domain/workshop'
import type { SharePackage } from '@/stores/exchange'
import { useWithoutNames } from './useWithoutNames'

export function useShareLink() {
  /** The dialog's content while it is open. */
  const shared = shallowRef<{ share: SharePackage; title: string } | null>(null)
  const { withoutNames, namesForExport } = useWithoutNames()
  let source: { sheets: readonly Sheet[]; title: string; workshop?: Workshop } | undefined

  /** `title` names what is shared in the dialog: the sheet's title, or the workshop's. */
  async function openShare(sheets: readonly Sheet[], title: string, workshop?: Workshop) {
    if (sheets.length === 0) return
    source = { sheets, title, workshop }
    const [{ useExchangeStore }] = await Promise.all([import('@/stores/exchange'), import('@/i18n/import-messages')])
    const share = await useExchangeStore().prepareShare(sheets, workshop, namesForExport())
    if (source?.sheets === sheets) shared.value = { share, title }
  }

  // « Sans les noms des personnes » ticked or unticked in the dialog: the link and the codes change with it.
  watch(withoutNames, () => {
    if (shared.value && source) void openShare(source.sheets, source.title, source.workshop)
  })

  function closeShare() {
    shared.value = null
    source = undefined
  }

  return { shared, openShare, closeShare }
}
