// Import and export for a page that lists sheets (the library, a workshop). Their code and words load with their
// first use, so the page opens without them; each outcome is said in French (useAction).
import { shallowRef } from 'vue'
import type { Workshop } from '@/domain/workshop'
import type { NeutralNames } from '@/domain/anonymise'
import type { useExchangeStore } from '@/stores/exchange'
import { useAction } from './useAction'
import { useTranslate } from './useTranslate'

type ExchangeStore = ReturnType<typeof useExchangeStore>

export function useExchange(options: { intoWorkshop?: () => string | undefined } = {}) {
  const { t } = useTranslate()
  const { run } = useAction()
  /** The import store once loaded: the page shows its questions and refusals (ImportDialog) from then on. */
  const exchange = shallowRef<ExchangeStore | null>(null)

  async function exchangeStore(): Promise<ExchangeStore> {
    exchange.value ??= (await import('@/stores/exchange')).useExchangeStore()
    return exchange.value
  }

  const copyTitle = (title: string) => t('exchange.importedCopyTitle', { title })

  /** Imports files, into the page's workshop if it has one; the store asks its questions through the dialog. */
  function importFiles(files: File[]): void {
    void exchangeStore().then((store) => store.importFiles(files, copyTitle, { intoWorkshop: options.intoWorkshop?.() }))
  }

  /** A share link opened here: previewed, then imported with the person's consent (the same checks as a file). */
  function importSharedPayload(payload: Parameters<ExchangeStore['importSharedPayload']>[0]): void {
    void Promise.all([exchangeStore(), import('@/i18n/import-messages')]).then(([store]) =>
      store.importSharedPayload(payload, t('exchange.sharedLink'), copyTitle),
    )
  }

  function exported(files: readonly string[]): string | undefined {
    if (files.length === 0) return undefined
    if (files.length === 1) return t('exchange.exported', { file: files[0] })
    return t('exchange.exportedParts', { n: files.length, first: files[0], last: files.at(-1) })
  }

  /** Sheets as JSON files (one, or the parts of a large backup). */
  function exportSheets(ids: string[] | 'all', names?: NeutralNames) {
    return run(async () => (await exchangeStore()).exportSheets(ids, names), { done: exported })
  }

  /** A workshop and its sheets as one file. */
  function exportWorkshop(workshop: Workshop, names?: NeutralNames) {
    return run(async () => [await (await exchangeStore()).exportWorkshop(workshop, names)], { done: exported })
  }

  /** Sheets as a spreadsheet (CSV for French Excel and LibreOffice), in the order given. */
  function exportSpreadsheet(ids: readonly string[], workshop?: Workshop, names?: NeutralNames) {
    return run(
      async () => {
        const [store, { sheetsToSpreadsheet }, { downloadText }] = await Promise.all([
          exchangeStore(),
          import('@/presentation/spreadsheet'),
          import('@/services/download'),
          // The columns' names (axes, levels, bands) are the editor's and the restitution's words: in a page that
          // has opened neither, they must arrive before `t` writes them, or the headers would be message keys.
          import('@/i18n/sheet-messages'),
          import('@/i18n/workshop-messages'),
        ])
        const table = await store.spreadsheetOf(ids, workshop, names)
        if (!table) return []
        downloadText(table.fileName, sheetsToSpreadsheet(table.sheets, t), 'text/csv')
        return [table.fileName]
      },
      { done: exported },
    )
  }

  return { exchange, exchangeStore, importFiles, importSharedPayload, exportSheets, exportWorkshop, exportSpreadsheet }
}
