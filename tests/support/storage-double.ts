// Stands in for '@/storage' in tests, with a repository the test chooses:
//   vi.mock('@/storage', () => import('../support/storage-double'))
// then useMemoryStorage([...sheets]) (or useRepository(...) for one on a throw-away IndexedDB database).
import type { Sheet } from '@/domain/sheet'
import type { SheetsRepository, VotesRepository, WorkshopsRepository } from '@/storage'
import type { Vote } from '@/domain/vote'
import type { Workshop } from '@/domain/workshop'
import { createMemoryRepository } from './memory-repository'
import { createMemoryVotes } from './memory-votes'
import { createMemoryWorkshops } from './memory-workshops'

export { isSaveConflict, isSaveDeleted } from '@/storage/sheets-repository'
export { databaseListeners } from '@/storage/db'
export type {
  SaveConflict,
  SaveResult,
  SheetsRepository,
  StoredSheet,
  RestoreResult,
  VotesRepository,
  WorkshopsRepository,
} from '@/storage'

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

let currentWorkshops: WorkshopsRepository = createMemoryWorkshops().repository

export function workshopsRepository(): WorkshopsRepository {
  return currentWorkshops
}

export function useMemoryWorkshops(initial: Workshop[] = []) {
  const memory = createMemoryWorkshops(initial)
  currentWorkshops = memory.repository
  return memory
}

let currentVotes: VotesRepository = createMemoryVotes().repository

export function votesRepository(): VotesRepository {
  return currentVotes
}

export function useMemoryVotes(initial: Vote[] = []) {
  const memory = createMemoryVotes(initial)
  currentVotes = memory.repository
  return memory
}
