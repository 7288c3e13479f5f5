// Workshops (« Ateliers »): named groups of sheets for a restitution. The list is small and read on the home page
// (the library filters by workshop); everything a workshop shows loads with its own screens.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Workshop, WorkshopBlock, WorkshopDetails } from '@/domain/workshop'
import { compareTitles } from '@/presentation/format'
import { workshopsRepository } from '@/storage'

export const useWorkshopsStore = defineStore('workshops', () => {
  const workshops = shallowRef<Workshop[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)

  /** By title, for menus. */
  const byTitle = computed(() => [...workshops.value].sort((a, b) => compareTitles(a.title, b.title)))

  function find(id: string): Workshop | undefined {
    return workshops.value.find((workshop) => workshop.id === id)
  }

  async function load() {
    if (status.value !== 'ready') status.value = 'loading'
    try {
      workshops.value = await workshopsRepository().list()
      status.value = 'ready'
    } catch (error) {
      loadError.value = error
      status.value = 'error'
    }
  }

  /** Reloads after each change, so every screen shows what is stored. */
  async function reloadAfter<T>(change: Promise<T>): Promise<T> {
    const result = await change
    await load()
    return result
  }

  /**
   * The details trimmed; the forms never send invalid ones, so invalid ones are a programming error. The rules load
   * with Zod on the first change, not with the library page.
   */
  async function valid(details: WorkshopDetails): Promise<WorkshopDetails> {
    const { checkWorkshopDetails } = await import('@/domain/workshop-schema')
    const { details: clean, problems } = checkWorkshopDetails(details)
    if (problems.length > 0) throw new Error(`Invalid workshop details: ${problems.map((p) => p.field).join(', ')}`)
    return clean
  }

  /** Creates a workshop from valid details (see checkWorkshopDetails), with these sheets in it. */
  async function create(details: WorkshopDetails, sheetIds: readonly string[] = []) {
    return reloadAfter(workshopsRepository().create(await valid(details), sheetIds))
  }

  async function update(id: string, details: WorkshopDetails) {
    return reloadAfter(workshopsRepository().update(id, await valid(details)))
  }

  function addSheets(id: string, sheetIds: readonly string[]) {
    return reloadAfter(workshopsRepository().addSheets(id, sheetIds))
  }

  function removeSheets(id: string, sheetIds: readonly string[]) {
    return reloadAfter(workshopsRepository().removeSheets(id, sheetIds))
  }

  /** Deletes the workshop (never its sheets) and returns it, for « Annuler ». */
  async function remove(id: string): Promise<Workshop | undefined> {
    const removed = find(id) ?? (await workshopsRepository().get(id))
    await reloadAfter(workshopsRepository().remove(id))
    return removed
  }

  function restore(workshop: Workshop) {
    return reloadAfter(workshopsRepository().restore(workshop))
  }

  /** A workshop read from a file, with the sheets the file brought. */
  function receive(block: WorkshopBlock, sheetIds: readonly string[]) {
    return reloadAfter(workshopsRepository().receive(block, sheetIds))
  }

  /** Keeps the list up to date with other tabs; returns the function that stops it. */
  function followChanges(): () => void {
    return workshopsRepository().observe(() => void load())
  }

  return {
    workshops,
    byTitle,
    status,
    loadError,
    find,
    load,
    create,
    update,
    addSheets,
    removeSheets,
    remove,
    restore,
    receive,
    followChanges,
  }
})
