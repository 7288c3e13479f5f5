// The in-memory repository of the component and store tests keeps the same contract as the Dexie one.
import { createMemoryRepository } from '../support/memory-repository'
import { describeSheetsRepositoryContract } from '../contract/sheets-repository.contract'

describeSheetsRepositoryContract('in memory', () => createMemoryRepository().repository)
