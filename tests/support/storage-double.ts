// Stands in for '@/storage' in tests, with a repository the test chooses:
//   vi.mock('@/storage', () => import('../support/storage-double'))
// then useMemoryStorage([...sheets]) (or useRepository(...) for one on a throw-away IndexedDB database).
import type { Sheet } from '@/domain/sheet'
import type { SheetsRepository } from '@/storage'
import { createMemoryRepository } from './memory-repository'

export { isSaveConflict, isSaveDeleted } from '@/storage/sheets-repository'
export { databaseListeners } from '@/storage/db'
export type { SaveConflict, SaveResult, SheetsRepository, StoredSheet, RestoreResult } from '@/storage'

let current: SheetsRepository = createMemoryRepository().repository

export function sheetsRepository(): SheetsRepository {
  return current
}

export function useRepository(repository: SheetsRepository): void {
  current = repository
}

export function useMemoryStorage(initial: Sheet[] = []) {
  const memory = createMemoryRepository(initial)
  current = memory.repository
  return memory
}
