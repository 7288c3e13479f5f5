// The saver keeps its contract on the Dexie repository in Chromium's IndexedDB, where other tabs are also heard
// through the live query.
import { afterEach } from 'vitest'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository } from '@/storage/sheets-repository'
import { describeSheetSaverContract } from '../contract/sheet-saver.contract'

const opened: SheetDatabase[] = []

afterEach(async () => {
  for (const db of opened.splice(0)) db.close()
  for (const { name } of await indexedDB.databases()) {
    if (name?.startsWith('saver-test-')) indexedDB.deleteDatabase(name)
  }
})

describeSheetSaverContract('Dexie, Chromium IndexedDB', () => {
  const db = new SheetDatabase(`saver-test-${crypto.randomUUID()}`)
  opened.push(db)
  return createSheetsRepository(db)
})
