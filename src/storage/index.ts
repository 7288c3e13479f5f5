// The repository the app uses; tests can swap it for one on a throw-away database.
import { createSheetsRepository, type SheetsRepository } from './sheets-repository'

export type { SheetsRepository, SaveResult, SaveConflict } from './sheets-repository'
export { isSaveConflict } from './sheets-repository'

let current: SheetsRepository | undefined

export function sheetsRepository(): SheetsRepository {
  current ??= createSheetsRepository()
  return current
}

export function useRepositoryForTests(repository: SheetsRepository): void {
  current = repository
}

/** Dexie wraps QuotaExceededError in an AbortError on some paths; look at both (field-notes.md). */
export function isQuotaError(error: unknown): boolean {
  const candidate = error as { name?: string; inner?: { name?: string } } | null
  return candidate?.name === 'QuotaExceededError' || candidate?.inner?.name === 'QuotaExceededError'
}

export { databaseListeners } from './db'
