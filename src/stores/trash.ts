// « Corbeille »: the deleted sheets still kept, their selection, and bringing them back or erasing them for good.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Sheet } from '@/domain/sheet'
import { trashCutoff, type TrashEntry } from '@/domain/trash'
import { sheetsRepository } from '@/storage'

/** What a restore did, sheet by sheet. */
export interface TrashRestoreOutcome {
  restored: Sheet[]
  /** A sheet with the same id is in the library again: nothing was overwritten, the deleted one stays here. */
  conflicts: TrashEntry[]
  /** No longer in the trash (restored or erased from another tab). */
  missing: TrashEntry[]
}

export const useTrashStore = defineStore('trash', () => {
  const entries = shallowRef<TrashEntry[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)
  /** Ids ticked for « Restaurer la sélection ». */
  const selected = ref(new Set<string>())
  /** Ids whose restore was refused because their sheet is back in the library: the screen offers « Garder les deux ». */
  const conflicts = ref(new Set<string>())

  async function load() {
    status.value = status.value === 'ready' ? 'ready' : 'loading'
    try {
      // Never list a sheet past the date the screen says it is erased.
      await sheetsRepository().purgeTrash(trashCutoff(new Date()))
      entries.value = await sheetsRepository().listTrash()
      const present = new Set(entries.value.map((entry) => entry.id))
      const keep = (ids: Set<string>) => new Set([...ids].filter((id) => present.has(id)))
      selected.value = keep(selected.value)
      conflicts.value = keep(conflicts.value)
      status.value = 'ready'
    } catch (error) {
      loadError.value = error
      status.value = 'error'
    }
  }

  function setSelected(id: string, isSelected: boolean) {
    const next = new Set(selected.value)
    if (isSelected) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  function selectAll() {
    selected.value = new Set(entries.value.map((entry) => entry.id))
  }

  function clearSelection() {
    selected.value = new Set()
  }

  /** Brings these sheets back by the rules of « Annuler »: a sheet back in the library is never overwritten. */
  async function restore(ids: readonly string[]): Promise<TrashRestoreOutcome> {
    const byId = new Map(entries.value.map((entry) => [entry.id, entry]))
    const results = await sheetsRepository().restoreMany(ids)
    const outcome: TrashRestoreOutcome = { restored: [], conflicts: [], missing: [] }
    const refused = new Set(conflicts.value)
    for (const [id, result] of results) {
      const entry = byId.get(id)
      if (result.status === 'restored') outcome.restored.push(result.sheet)
      else if (result.status === 'exists') {
        refused.add(id)
        if (entry) outcome.conflicts.push(entry)
      } else if (entry) outcome.missing.push(entry)
    }
    conflicts.value = refused
    await load()
    return outcome
  }

  /** « Garder les deux »: the deleted sheet comes back beside the one that took its place, under a new id. */
  async function restoreAsCopy(id: string, copyTitle: (title: string) => string) {
    const copy = await sheetsRepository().restoreAsCopy(id, copyTitle)
    await load()
    return copy
  }

  /** « Vider la corbeille »: erases the sheets listed (those the confirmation counted), none deleted since. */
  async function empty(): Promise<number> {
    const erased = await sheetsRepository().eraseFromTrash(entries.value.map((entry) => entry.id))
    await load()
    return erased
  }

  return {
    entries,
    status,
    loadError,
    selected,
    conflicts,
    load,
    setSelected,
    selectAll,
    clearSelection,
    restore,
    restoreAsCopy,
    empty,
  }
})
