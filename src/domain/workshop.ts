// A workshop (« Atelier »): a named group of sheets — the room's sheets of one Parcours data session, or one
// commission's use cases. A sheet can belong to several workshops; a workshop only lists sheet ids, so deleting a
// sheet never touches a workshop, and restoring it brings it back in.
import type { WorkshopBlock, WorkshopDetails } from './workshop-schema'

export type { WorkshopBlock, WorkshopDetails } from './workshop-schema'

/** A workshop as this browser stores it: the block a file carries, with its members and dates. */
export interface Workshop extends WorkshopBlock {
  /** Member sheets, in the order they joined. */
  sheetIds: string[]
  createdAt: string
  updatedAt: string
}

/** Member ids with these added at the end, each once. */
export function withMembers(sheetIds: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...sheetIds, ...added])]
}

/** The block a workshop file carries. */
export function workshopBlock(workshop: Workshop): WorkshopBlock {
  const { id, title, date, place, facilitator } = workshop
  return { id, title, date, place, facilitator }
}

/** A new workshop, with its own id. */
export function newWorkshop(details: WorkshopDetails, sheetIds: readonly string[] = [], now = new Date()): Workshop {
  const timestamp = now.toISOString()
  return { id: crypto.randomUUID(), ...details, sheetIds: withMembers([], sheetIds), createdAt: timestamp, updatedAt: timestamp }
}
