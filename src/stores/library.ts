// The library: summaries of every stored sheet, the search/sort/filter state and the actions on whole sheets.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Phase } from '@/domain/vocabulary'
import { normaliseForSearch } from '@/domain/summary'
import { compareTitles } from '@/presentation/format'
import { sheetsRepository, type SummaryRecord } from '@/storage'
import { useStorageStatusStore } from './storage-status'
import { useWorkshopsStore } from './workshops'
import { EXAMPLES_WORKSHOP_ID, isExample } from '@/content/examples'
import { trashCutoff } from '@/domain/trash'

export type LibrarySort = 'updated' | 'title'


export const useLibraryStore = defineStore('library', () => {
  const summaries = shallowRef<SummaryRecord[]>([])
  /** How many ratings (« avis ») each rated sheet has. */
  const ratingCounts = shallowRef<ReadonlyMap<string, number>>(new Map())
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)
  const query = ref('')
  const sort = ref<LibrarySort>('updated')
  const phase = ref<Phase | ''>('')
  const tag = ref('')
  /** A workshop's id: only its sheets are shown. */
  const workshop = ref('')
  /** Ids ticked for "Exporter la sélection". */
  const selected = ref(new Set<string>())

  const allTags = computed(() =>
    [...new Set(summaries.value.flatMap((summary) => summary.tags))].sort(compareTitles),
  )

  const hasFilters = computed(
    () => query.value.trim() !== '' || phase.value !== '' || tag.value !== '' || workshop.value !== '',
  )
  const workshopMembers = computed(() =>
    workshop.value === '' ? null : new Set(useWorkshopsStore().find(workshop.value)?.sheetIds ?? []),
  )
  const examples = computed(() => summaries.value.filter(isExample))

  const visible = computed(() => {
    const words = normaliseForSearch(query.value).split(/\s+/).filter(Boolean)
    const matching = summaries.value.filter(
      (summary) =>
        (phase.value === '' || summary.phase === phase.value) &&
        (tag.value === '' || summary.tags.includes(tag.value)) &&
        (workshopMembers.value === null || workshopMembers.value.has(summary.id)) &&
        words.every((word) => summary.searchText.includes(word)),
    )
    // Summaries come from storage newest first, so "updated" needs no sort.
    return sort.value === 'title'
      ? [...matching].sort((a, b) => compareTitles(a.title, b.title))
      : matching
  })

  let trashPurged = false

  async function load() {
    status.value = status.value === 'ready' ? 'ready' : 'loading'
    try {
      if (!trashPurged) {
        trashPurged = true
        await sheetsRepository().purgeTrash(trashCutoff(new Date()))
      }
      const [listed, counts] = await Promise.all([sheetsRepository().listSummaries(), sheetsRepository().ratingCounts()])
      summaries.value = listed
      ratingCounts.value = counts
      // A deleted sheet can't stay selected.
      const present = new Set(summaries.value.map((summary) => summary.id))
      if ([...selected.value].some((id) => !present.has(id)))
        selected.value = new Set([...selected.value].filter((id) => present.has(id)))
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

  /** « Tout sélectionner »: adds these sheets (those shown) to the selection. */
  function selectAll(ids: readonly string[]) {
    selected.value = new Set([...selected.value, ...ids])
  }

  function clearSelection() {
    selected.value = new Set()
  }

  function clearFilters() {
    query.value = ''
    phase.value = ''
    tag.value = ''
    workshop.value = ''
  }

  async function create(title: string) {
    const sheet = await sheetsRepository().create({ title })
    void useStorageStatusStore().ensurePersistence()
    await load()
    return sheet
  }

  async function duplicate(id: string, copyTitle: (title: string) => string) {
    const copy = await sheetsRepository().duplicate(id, copyTitle)
    await load()
    return copy
  }

  async function remove(id: string) {
    await sheetsRepository().remove(id)
    await load()
  }

  /** Keeps the list up to date with changes made in other tabs; returns the function that stops it. */
  function followChanges(): () => void {
    return sheetsRepository().observeLibrary(() => void load())
  }

  /** The whole sheet, for actions on one card (e.g. its radar image). */
  function getSheet(id: string) {
    return sheetsRepository().get(id)
  }

  /** Whole sheets in the order of these ids (those no longer stored are left out), for the restitution screens. */
  async function getSheets(ids: readonly string[]) {
    const byId = new Map((await sheetsRepository().getMany(ids)).map((sheet) => [sheet.id, sheet]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  /** "Annuler" after a deletion: back only if nothing took the sheet's place meanwhile (see RestoreResult). */
  async function restore(id: string) {
    const result = await sheetsRepository().restore(id)
    await load()
    return result
  }

  /** The deleted sheet beside the one that took its place, under a new id. */
  async function restoreAsCopy(id: string, copyTitle: (title: string) => string) {
    const copy = await sheetsRepository().restoreAsCopy(id, copyTitle)
    await load()
    return copy
  }

  /**
   * « Charger les exemples »: adds the example sheets not yet here (an example already here is never overwritten)
   * and gathers them all in the examples' workshop. Returns how many were added.
   */
  async function addExamples(workshopTitle: string): Promise<number> {
    const [{ default: text }, { parseExchangeFile }] = await Promise.all([
      import('@/content/example-sheets.json?raw'),
      import('@/domain/exchange'),
    ])
    const parsed = parseExchangeFile(text)
    if (!parsed.ok) throw new Error('The example sheets do not match the format')
    const present = new Set(summaries.value.map((summary) => summary.id))
    const missing = parsed.sheets.filter((sheet) => !present.has(sheet.id))
    if (missing.length > 0) await sheetsRepository().importSheets(missing)
    await useWorkshopsStore().receive(
      { id: EXAMPLES_WORKSHOP_ID, title: workshopTitle, date: null, place: '', facilitator: '' },
      parsed.sheets.map((sheet) => sheet.id),
    )
    await load()
    return missing.length
  }

  /** « Retirer les exemples »: the unedited examples go to the trash, their workshop too; returns what to undo. */
  async function removeExamples() {
    const ids = examples.value.map((summary) => summary.id)
    for (const id of ids) await sheetsRepository().remove(id)
    const workshop = await useWorkshopsStore().remove(EXAMPLES_WORKSHOP_ID)
    await load()
    return { ids, workshop }
  }

  async function restoreExamples(removed: Awaited<ReturnType<typeof removeExamples>>) {
    for (const id of removed.ids) await sheetsRepository().restore(id)
    if (removed.workshop) await useWorkshopsStore().restore(removed.workshop)
    await load()
  }

  return {
    summaries,
    ratingCounts,
    workshop,
    examples,
    addExamples,
    removeExamples,
    restoreExamples,
    status,
    loadError,
    query,
    sort,
    phase,
    tag,
    selected,
    setSelected,
    selectAll,
    clearSelection,
    allTags,
    hasFilters,
    visible,
    load,
    clearFilters,
    create,
    duplicate,
    remove,
    restore,
    restoreAsCopy,
    getSheet,
    getSheets,
    followChanges,
  }
})
