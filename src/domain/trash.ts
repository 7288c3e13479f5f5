// The trash: how long a deleted sheet is kept, and what the « Corbeille » screen lists of it. One place for the
// retention, so the purge and the date the screen promises never disagree.
import type { Sheet } from './sheet'

/** How long deleted sheets stay in the trash, so that a mistaken deletion can still be undone. */
export const TRASH_RETENTION_DAYS = 30
const DAY_MS = 86_400_000

/** A deleted sheet as the trash lists it: enough to recognise it, without the whole sheet. */
export interface TrashEntry {
  id: string
  title: string
  organisation: string
  author: string
  /** When it was deleted (ISO 8601). */
  deletedAt: string
  /** The sheet's own last update, before its deletion. */
  updatedAt: string
}

export function trashEntry(sheet: Sheet, deletedAt: string): TrashEntry {
  return {
    id: sheet.id,
    title: sheet.project.title,
    organisation: sheet.organisation,
    author: sheet.author,
    deletedAt,
    updatedAt: sheet.updatedAt,
  }
}

/** When a sheet deleted at `deletedAt` leaves the trash for good. */
export function trashExpiry(deletedAt: string): Date {
  return new Date(Date.parse(deletedAt) + TRASH_RETENTION_DAYS * DAY_MS)
}

/** Sheets deleted before this moment have had their time in the trash: the purge erases them. */
export function trashCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS)
}
