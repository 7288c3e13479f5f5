// The storage layer as the rest of the app sees it: the repository of sheets and what the page must hear about
// the database. Nothing outside src/storage/ imports Dexie or the modules of this folder directly.
import { createSheetsRepository, type SheetsRepository } from './sheets-repository'
import { createWorkshopsRepository, type WorkshopsRepository } from './workshops-repository'
import { createVotesRepository, type VotesRepository } from './votes-repository'
import { SheetDatabase } from './db'
import type { DatabaseSecurity, ServerProblemCode } from './couch-client'

export type { SheetsRepository, SaveResult, SaveConflict, StoredSheet, RestoreResult } from './sheets-repository'
export type { WorkshopsRepository } from './workshops-repository'
export type { VotesRepository } from './votes-repository'
export type { SyncConflictRecord, ConflictChoice as SyncConflictChoice } from './workshop-sync'
export type { ServerProblemCode, DatabaseSecurity } from './couch-client'
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

/**
 * The workshop sync on the app's database, with the server at `baseUrl`. Its modules load only now: a browser whose
 * deployment names no server never fetches them.
 */
export async function workshopSync(
  baseUrl: string,
  security: (session: { name: string | null }) => DatabaseSecurity,
  voteCopyTitle: (title: string) => string,
) {
  const [{ createWorkshopSync }, { couchServer }, { createSyncState }] = await Promise.all([
    import('./workshop-sync'),
    import('./couch-client'),
    import('./sync-state'),
  ])
  const server = couchServer(baseUrl)
  const sync = createWorkshopSync({
    server,
    sheets: sheetsRepository(),
    workshops: workshopsRepository(),
    votes: votesRepository(),
    state: createSyncState(appDatabase()),
    security,
    voteCopyTitle,
  })
  return { ...sync, session: server.session, signIn: server.signIn }
}

export type WorkshopSync = Awaited<ReturnType<typeof workshopSync>>

/** The code of a server's refusal or silence (ServerProblem, told apart without loading the client). */
export function serverProblemCode(error: unknown): ServerProblemCode | undefined {
  return error instanceof Error && error.name === 'ServerProblem' && 'code' in error ? (error.code as ServerProblemCode) : undefined
}
