// The saver keeps its contract on the in-memory repository the store and component tests use.
import { createMemoryRepository } from '../support/memory-repository'
import { describeSheetSaverContract } from '../contract/sheet-saver.contract'

describeSheetSaverContract('in memory', () => createMemoryRepository().repository)
