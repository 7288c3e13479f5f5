// The sheets a restitution screen shows: a workshop's (?atelier=<id>) or the library's selection (?fiches=a,b,c),
// read whole from storage, in the workshop's or the selection's order, and kept up to date with other tabs.
import { computed, onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import { useRoute, type RouteLocationRaw } from 'vue-router'
import type { Sheet } from '@/domain/sheet'
import { useLibraryStore } from '@/stores/library'
import { useWorkshopsStore } from '@/stores/workshops'
import { displayText } from '@/presentation/display-text'

export function useRestitutionGroup() {
  const route = useRoute()
  const library = useLibraryStore()
  const workshops = useWorkshopsStore()
  const sheets = shallowRef<Sheet[]>([])
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const loadError = shallowRef<unknown>(null)

  const workshopId = computed(() => (typeof route.query.atelier === 'string' ? route.query.atelier : ''))
  const workshop = computed(() => (workshopId.value ? workshops.find(workshopId.value) : undefined))
  const ids = computed<string[]>(() => {
    if (workshopId.value) return workshop.value?.sheetIds ?? []
    const listed = typeof route.query.fiches === 'string' ? route.query.fiches : ''
    return [...new Set(listed.split(',').filter(Boolean))]
  })
  /** The query that names this group, for links between the restitution screens. */
  const query = computed(() => {
    const named: Record<string, string> = {}
    if (workshopId.value) named.atelier = workshopId.value
    else named.fiches = ids.value.join(',')
    return named
  })
  const groupName = computed(() => (workshop.value ? displayText(workshop.value.title) : ''))
  const back = computed<RouteLocationRaw>(() =>
    workshopId.value ? { name: 'workshop', params: { id: workshopId.value } } : { name: 'library' },
  )

  async function load() {
    try {
      if (workshopId.value) await workshops.load()
      sheets.value = await library.getSheets(ids.value)
      status.value = 'ready'
    } catch (error) {
      loadError.value = error
      status.value = 'error'
    }
  }

  let stops: (() => void)[] = []
  onMounted(() => {
    void load()
    stops = [library.followChanges(), workshops.followChanges()]
  })
  onBeforeUnmount(() => stops.forEach((stop) => stop()))
  // Another tab edited a sheet or the workshop: show what is stored now.
  watch([() => library.summaries, () => workshop.value?.sheetIds], () => void load())

  return { sheets, status, loadError, workshop, query, groupName, back }
}
