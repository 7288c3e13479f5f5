// Workshops in IndexedDB. A workshop lists sheet ids only: sheets are never written here, and a sheet deleted from
// the library simply stops being shown in its workshops (and shows again if restored).
import { observeChanges } from './live-changes'
import { newWorkshop, withMembers, type Workshop, type WorkshopBlock, type WorkshopDetails } from '@/domain/workshop'
import { SheetDatabase } from './db'

export interface WorkshopsRepository {
  /** Every workshop, the most recently changed first. */
  list(): Promise<Workshop[]>
  get(id: string): Promise<Workshop | undefined>
  create(details: WorkshopDetails, sheetIds?: readonly string[]): Promise<Workshop>
  update(id: string, details: WorkshopDetails): Promise<Workshop | undefined>
  /** Adds sheets at the end (each once). */
  addSheets(id: string, sheetIds: readonly string[]): Promise<Workshop | undefined>
  removeSheets(id: string, sheetIds: readonly string[]): Promise<Workshop | undefined>
  /** Deletes the workshop, never its sheets. */
  remove(id: string): Promise<void>
  /** Puts a workshop back as it was (« Annuler »). */
  restore(workshop: Workshop): Promise<void>
  /**
   * A workshop read from a file: created with the file's id and details, or, when this browser has it already,
   * given the file's sheets (its own details and members are kept).
   */
  receive(block: WorkshopBlock, sheetIds: readonly string[]): Promise<Workshop>
  /** Calls back whenever workshops change (in this tab or another). */
  observe(onChange: () => void): () => void
}

export function createWorkshopsRepository(db = new SheetDatabase()): WorkshopsRepository {
  /** Changes one workshop inside a transaction, stamping updatedAt. */
  function change(id: string, apply: (workshop: Workshop) => Workshop): Promise<Workshop | undefined> {
    return db.transaction('rw', db.workshops, async () => {
      const current = await db.workshops.get(id)
      if (!current) return undefined
      const next = { ...apply(current), updatedAt: new Date().toISOString() }
      await db.workshops.put(next)
      return next
    })
  }

  return {
    list: () => db.workshops.orderBy('updatedAt').reverse().toArray(),
    get: (id) => db.workshops.get(id),

    async create(details, sheetIds = []) {
      const workshop = newWorkshop(details, sheetIds)
      await db.workshops.add(workshop)
      return workshop
    },

    update: (id, details) => change(id, (workshop) => ({ ...workshop, ...details })),
    addSheets: (id, sheetIds) => change(id, (workshop) => ({ ...workshop, sheetIds: withMembers(workshop.sheetIds, sheetIds) })),
    removeSheets: (id, sheetIds) => {
      const leaving = new Set(sheetIds)
      return change(id, (workshop) => ({ ...workshop, sheetIds: workshop.sheetIds.filter((sheetId) => !leaving.has(sheetId)) }))
    },

    async remove(id) {
      await db.workshops.delete(id)
    },

    async restore(workshop) {
      await db.workshops.put(workshop)
    },

    receive(block, sheetIds) {
      return db.transaction('rw', db.workshops, async () => {
        const current = await db.workshops.get(block.id)
        const now = new Date().toISOString()
        const next: Workshop = current
          ? { ...current, sheetIds: withMembers(current.sheetIds, sheetIds), updatedAt: now }
          : { ...block, sheetIds: withMembers([], sheetIds), createdAt: now, updatedAt: now }
        await db.workshops.put(next)
        return next
      })
    },

    observe(onChange) {
      return observeChanges(() => db.workshops.toArray(), () => onChange())
    },
  }
}
