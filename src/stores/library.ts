// The library: summaries of every stored sheet, the search/sort/filter state and the actions on whole sheets.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Phase } from '@/domain/vocabulary'
import { normaliseForSearch } from '@/domain/summary'
import { compareTitles } from '@/presentation/format'
import { sheetsRepository, type LibraryEntry } from '@/storage'
import { useStorageStatusStore } from './storage-status'

export type LibrarySort = 'updated' | 'title'


/** How long deleted sheets stay in the trash, so that a mistaken deletion can still be undone. */
const TRASH_RETENTION_DAYS = 30
const DAY_MS = 86_400_000

export const useLibraryStore = defineStore('library', () => {
  const summaries = shallowRef<LibraryEntry[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const loadError = shallowRef<unknown>(null)
  const query = ref('')
  const sort = ref<LibrarySort>('updated')
  const phase = ref<Phase | ''>('')
  const tag = ref('')
  /** Ids ticked for "Exporter la sélection". */
  const selected = ref(new Set<string>())

  const allTags = computed(() =>
    [...new Set(summaries.value.flatMap((summary) => summary.tags))].sort(compareTitles),
  )

  const hasFilters = computed(() => query.value.trim() !== '' || phase.value !== '' || tag.value !== '')

  const visible = computed(() => {
    const words = normaliseForSearch(query.value).split(/\s+/).filter(Boolean)
    const matching = summaries.value.filter(
      (summary) =>
        (phase.value === '' || summary.phase === phase.value) &&
        (tag.value === '' || summary.tags.includes(tag.value)) &&
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
        await sheetsRepository().purgeTrash(new Date(Date.now() - TRASH_RETENTION_DAYS * DAY_MS))
      }
      summaries.value = await sheetsRepository().listSummaries()
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

  return {
    summaries,
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
