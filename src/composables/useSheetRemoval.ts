// Deleting a sheet from a list, with « Annuler ». The sheet goes to the Corbeille; « Annuler » brings it back only
// if nothing took its place since (an edit in another tab, an import): otherwise the current version is kept and
// the deleted one can be added beside it (« Garder les deux »). `focus` moves the keyboard to a card afterwards.
import type { SheetSummary } from '@/domain/summary'
import { useLibraryStore } from '@/stores/library'
import { useAction } from './useAction'
import { useTranslate } from './useTranslate'

export function useSheetRemoval(focus: (id: string | undefined) => Promise<void>) {
  const { t } = useTranslate()
  const { run, tell } = useAction()
  const library = useLibraryStore()

  function remove(summary: SheetSummary) {
    const position = library.visible.findIndex((candidate) => candidate.id === summary.id)
    return run(
      async () => {
        await library.remove(summary.id)
        // The keyboard goes on to the card that took its place (or the one before the last), not to the page's body.
        await focus((library.visible[position] ?? library.visible[position - 1])?.id)
      },
      { done: () => ({ message: t('library.deleted', { title: summary.title }), undo: () => undoRemove(summary) }) },
    )
  }

  async function undoRemove(summary: SheetSummary) {
    const result = await run(() => library.restore(summary.id))
    if (result?.status === 'restored') {
      tell(t('library.restored', { title: result.sheet.project.title }))
      await focus(result.sheet.id)
    } else if (result?.status === 'missing') tell({ message: t('library.restoreGone', { title: summary.title }), tone: 'error' })
    else if (result)
      tell({
        message: t('library.restoreChanged', { title: summary.title }),
        tone: 'error',
        action: { label: t('common.keepBoth'), run: () => keepBoth(summary) },
      })
  }

  async function keepBoth(summary: SheetSummary) {
    const copy = await library.restoreAsCopy(summary.id, (title) => t('library.restoredCopyTitle', { title }))
    if (!copy) return
    tell(t('library.restored', { title: copy.project.title }))
    await focus(copy.id)
  }

  return { remove }
}
