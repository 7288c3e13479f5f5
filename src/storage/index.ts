// The storage layer as the rest of the app sees it: the repository of sheets and what the page must hear about
// the database. Nothing outside src/storage/ imports Dexie or the modules of this folder directly.
import { createSheetsRepository, type SheetsRepository } from './sheets-repository'
import { createWorkshopsRepository, type WorkshopsRepository } from './workshops-repository'
import { createVotesRepository, type VotesRepository } from './votes-repository'
import { SheetDatabase } from './db'

export type { SheetsRepository, SaveResult, SaveConflict, StoredSheet, RestoreResult } from './sheets-repository'
export type { WorkshopsRepository } from './workshops-repository'
export type { VotesRepository } from './votes-repository'
export { isSaveConflict, isSaveDeleted } from './sheets-repository'
export { databaseListeners } from './db'
/** A sheet's summary as stored: the domain's SheetSummary with its revision and local history. */
export type { SummaryRecord } from './db'

let database: SheetDatabase | undefined
let current: SheetsRepository | undefined

/** One connection to the app's database for the whole page, opened on first use. */
function appDatabase(): SheetDatabase {
  database ??= new SheetDatabase()
  return database
}

/** The repository on the app's own database, opened on first use. */
export function sheetsRepository(): SheetsRepository {
  current ??= createSheetsRepository(appDatabase())
  return current
}

let workshops: WorkshopsRepository | undefined

/** The workshops on the app's own database, opened on first use (the same database as the sheets). */
export function workshopsRepository(): WorkshopsRepository {
  workshops ??= createWorkshopsRepository(appDatabase())
  return workshops
}

let votes: VotesRepository | undefined

/** The votes on the app's own database, opened on first use. */
export function votesRepository(): VotesRepository {
  votes ??= createVotesRepository(appDatabase())
  return votes
}
