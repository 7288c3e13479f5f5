// A workshop (« Atelier »): a named group of sheets — the room's sheets of one Parcours data session, or one
// commission's use cases. A sheet can belong to several workshops; a workshop only lists sheet ids, so deleting a
// sheet never touches a workshop, and restoring it brings it back in.
import { hasVisibleText, LIMITS } from './vocabulary'

export interface WorkshopDetails {
  title: string
  /** Calendar date of the session, or null. */
  date: string | null
  place: string
  facilitator: string
}

/** As the exchange format carries it (the envelope's `workshop` block). */
export interface WorkshopBlock extends WorkshopDetails {
  id: string
}

export interface Workshop extends WorkshopBlock {
  /** Member sheets, in the order they joined. */
  sheetIds: string[]
  createdAt: string
  updatedAt: string
}

export type WorkshopDetailsProblem = { field: keyof WorkshopDetails; code: 'required' | 'tooLong' | 'date' }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Trimmed details, and what is wrong with them (the same rules as the file format's block). */
export function checkWorkshopDetails(details: WorkshopDetails): {
  details: WorkshopDetails
  problems: WorkshopDetailsProblem[]
} {
  const clean: WorkshopDetails = {
    title: details.title.trim(),
    date: details.date && details.date.trim() !== '' ? details.date.trim() : null,
    place: details.place.trim(),
    facilitator: details.facilitator.trim(),
  }
  const problems: WorkshopDetailsProblem[] = []
  if (!hasVisibleText(clean.title)) problems.push({ field: 'title', code: 'required' })
  for (const field of ['title', 'place', 'facilitator'] as const)
    if (clean[field].length > LIMITS.shortText) problems.push({ field, code: 'tooLong' })
  if (clean.date !== null && (!ISO_DATE.test(clean.date) || Number.isNaN(Date.parse(clean.date))))
    problems.push({ field: 'date', code: 'date' })
  return { details: clean, problems }
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
