// Workshops as the screens use them, on the in-memory repositories: files imported into a workshop, a workshop
// file received, the library filtered by workshop, the examples loaded and removed in one action.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { serializeSheets } from '@/domain/exchange'
import { createSheet, type Sheet } from '@/domain/sheet'
import { isExample } from '@/content/examples'
import { useExchangeStore } from '@/stores/exchange'
import { useLibraryStore } from '@/stores/library'
import { useWorkshopsStore } from '@/stores/workshops'
import { useMemoryStorage, useMemoryWorkshops } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

const copyTitle = (title: string) => `${title} (importée)`
const details = { title: 'Séance 3', date: '2026-11-25', place: 'Salle du conseil', facilitator: 'Équipe data' }

function fileOf(sheets: Sheet[], workshop?: Parameters<typeof serializeSheets>[2]) {
  return new File([serializeSheets(sheets, new Date(), workshop)], 'fiches.json', { type: 'application/json' })
}

describe('workshops store', () => {
  let memory: ReturnType<typeof useMemoryStorage>

  beforeEach(() => {
    setActivePinia(createPinia())
    memory = useMemoryStorage([])
    useMemoryWorkshops([])
  })

  it('refuses a workshop without a name, and trims the details it keeps', async () => {
    const workshops = useWorkshopsStore()
    await expect(workshops.create({ ...details, title: '   ' })).rejects.toThrow()
    const created = await workshops.create({ ...details, place: '  Salle du conseil  ' })
    expect(created.place).toBe('Salle du conseil')
    expect(workshops.workshops.map((workshop) => workshop.title)).toEqual(['Séance 3'])
  })

  it('puts the sheets of files imported into a workshop in it, copies included', async () => {
    const workshops = useWorkshopsStore()
    const workshop = await workshops.create(details)
    const here = createSheet({ title: 'Déjà là' })
    memory = useMemoryStorage([here])
    const changed = structuredClone(here)
    changed.project.description = 'Autre version'
    const newcomer = createSheet({ title: 'Nouvelle' })
    const exchange = useExchangeStore()
    const done = exchange.importFiles([fileOf([newcomer, changed])], copyTitle, { intoWorkshop: workshop.id })
    await vi.waitFor(() => expect(exchange.stage).toBe('conflict'), { timeout: 30_000, interval: 5 })
    exchange.answer('both')
    await done
    const members = workshops.find(workshop.id)!.sheetIds
    const copy = [...memory.sheets.values()].find((sheet) => sheet.project.title === 'Déjà là (importée)')!
    expect(new Set(members)).toEqual(new Set([newcomer.id, here.id, copy.id]))
  })

  it('says that sheets already in the library joined the workshop they were imported into', async () => {
    const workshops = useWorkshopsStore()
    const workshop = await workshops.create(details)
    const stored = [createSheet({ title: 'A' }), createSheet({ title: 'B' }), createSheet({ title: 'C' })]
    memory = useMemoryStorage(stored)
    const newcomer = createSheet({ title: 'D' })
    const exchange = useExchangeStore()
    await exchange.importFiles([fileOf([...stored, newcomer])], copyTitle, { intoWorkshop: workshop.id })
    // Nothing new in the library for the three identical ones, yet all four are in the workshop, and the summary says so.
    expect(exchange.totals).toEqual({ added: 1, replaced: 0, skipped: 3, rated: 0 })
    expect(new Set(workshops.find(workshop.id)!.sheetIds)).toEqual(new Set([...stored, newcomer].map((sheet) => sheet.id)))
    expect(exchange.joinedWorkshop).toEqual({ title: 'Séance 3', joined: 4, alreadyStored: 3 })
    // The same file again: nothing joins twice.
    exchange.reset()
    await exchange.importFiles([fileOf([...stored, newcomer])], copyTitle, { intoWorkshop: workshop.id })
    expect(exchange.joinedWorkshop).toEqual({ title: 'Séance 3', joined: 0, alreadyStored: 0 })
  })

  it('creates the workshop a file describes, and completes it when the same workshop comes again', async () => {
    const [a, b] = [createSheet({ title: 'A' }), createSheet({ title: 'B' })]
    const block = { id: 'a7b0d3c2-1e4f-4a5b-8c6d-7e8f9a0b1c2d', ...details }
    const exchange = useExchangeStore()
    await exchange.importFiles([fileOf([a], block)], copyTitle)
    expect(exchange.workshopsReceived).toEqual(['Séance 3'])
    await exchange.importFiles([fileOf([b], { ...block, title: 'Autre nom' })], copyTitle)
    const workshops = useWorkshopsStore()
    expect(workshops.workshops).toHaveLength(1)
    // The details this browser has are kept; the file's sheets join.
    expect(workshops.workshops[0]!.title).toBe('Séance 3')
    expect(workshops.workshops[0]!.sheetIds).toEqual([a.id, b.id])
  })

  it('filters the library by workshop', async () => {
    const [a, b] = [createSheet({ title: 'A' }), createSheet({ title: 'B' })]
    useMemoryStorage([a, b])
    const workshops = useWorkshopsStore()
    const workshop = await workshops.create(details, [b.id])
    const library = useLibraryStore()
    await library.load()
    library.workshop = workshop.id
    expect(library.visible.map((summary) => summary.id)).toEqual([b.id])
    expect(library.hasFilters).toBe(true)
    library.clearFilters()
    expect(library.visible).toHaveLength(2)
  })

  it('loads the examples once in their workshop, never overwrites an edited one, and removes them with undo', async () => {
    const library = useLibraryStore()
    await library.load()
    const added = await library.addExamples('Exemples')
    expect(added).toBeGreaterThanOrEqual(12)
    expect(library.examples).toHaveLength(added)
    expect(await library.addExamples('Exemples')).toBe(0)
    const workshops = useWorkshopsStore()
    expect(workshops.workshops).toHaveLength(1)
    expect(workshops.workshops[0]!.sheetIds).toHaveLength(added)

    // An example someone made their own (another organisation) stays when the examples go.
    const adopted = [...memory.sheets.values()].find(isExample)!
    memory.sheets.set(adopted.id, { ...adopted, organisation: 'Commune de Test' })
    await library.load()
    const removed = await library.removeExamples()
    expect(removed.ids).toHaveLength(added - 1)
    expect(library.summaries.map((summary) => summary.id)).toEqual([adopted.id])
    expect(workshops.workshops).toHaveLength(0)

    await library.restoreExamples(removed)
    expect(library.summaries).toHaveLength(added)
    expect(workshops.workshops).toHaveLength(1)
  })
})
