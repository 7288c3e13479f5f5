// Workshops in memory, with the behaviour of the Dexie repository (src/storage/workshops-repository.ts), for store
// and component tests. The same behaviours are checked on Dexie in tests/browser/workshops.browser.test.ts.
import { newWorkshop, withMembers, type Workshop } from '@/domain/workshop'
import type { WorkshopsRepository } from '@/storage'

export function createMemoryWorkshops(initial: Workshop[] = []) {
  const workshops = new Map(initial.map((workshop) => [workshop.id, structuredClone(workshop)]))
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((listener) => listener())
  const copy = (workshop: Workshop | undefined) => (workshop ? structuredClone(workshop) : undefined)

  function change(id: string, apply: (workshop: Workshop) => Workshop) {
    const current = workshops.get(id)
    if (!current) return Promise.resolve(undefined)
    const next = { ...apply(current), updatedAt: new Date().toISOString() }
    workshops.set(id, next)
    changed()
    return Promise.resolve(copy(next))
  }

  const repository: WorkshopsRepository = {
    list: async () => [...workshops.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((w) => copy(w)!),
    get: async (id) => copy(workshops.get(id)),
    async create(details, sheetIds = []) {
      const workshop = newWorkshop(details, sheetIds)
      workshops.set(workshop.id, workshop)
      changed()
      return copy(workshop)!
    },
    update: (id, details) => change(id, (workshop) => ({ ...workshop, ...details })),
    addSheets: (id, sheetIds) => change(id, (workshop) => ({ ...workshop, sheetIds: withMembers(workshop.sheetIds, sheetIds) })),
    removeSheets: (id, sheetIds) =>
      change(id, (workshop) => ({ ...workshop, sheetIds: workshop.sheetIds.filter((sheetId) => !sheetIds.includes(sheetId)) })),
    async remove(id) {
      workshops.delete(id)
      changed()
    },
    async restore(workshop) {
      workshops.set(workshop.id, structuredClone(workshop))
      changed()
    },
    async receive(block, sheetIds) {
      const current = workshops.get(block.id)
      const now = new Date().toISOString()
      const next: Workshop = current
        ? { ...current, sheetIds: withMembers(current.sheetIds, sheetIds), updatedAt: now }
        : { ...block, sheetIds: withMembers([], sheetIds), createdAt: now, updatedAt: now }
      workshops.set(next.id, next)
      changed()
      return copy(next)!
    },
    observe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
  return { repository, workshops }
}
