// The storage layer as the rest of the app sees it: the repository of sheets and what the page must hear about
// the database. Nothing outside src/storage/ imports Dexie or the modules of this folder directly.
import { createSheetsRepository, type SheetsRepository } from './sheets-repository'

export type { SheetsRepository, SaveResult, SaveConflict, StoredSheet, RestoreResult } from './sheets-repository'
export { isSaveConflict, isSaveDeleted } from './sheets-repository'
export { databaseListeners } from './db'
/** A sheet as the library lists it: its summary, revision and local history. */
export type { SummaryRecord as LibraryEntry } from './db'

let current: SheetsRepository | undefined

/** The repository on the app's own database, opened on first use. */
export function sheetsRepository(): SheetsRepository {
  current ??= createSheetsRepository()
  return current
}
