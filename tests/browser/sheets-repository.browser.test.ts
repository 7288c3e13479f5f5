import { afterEach, describe, expect, it } from 'vitest'
import type { Sheet } from '@/domain/sheet'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository, type SheetsRepository } from '@/storage/sheets-repository'
import { describeSheetsRepositoryContract } from '../contract/sheets-repository.contract'

const opened: SheetDatabase[] = []

function openRepository(name = `test-${crypto.randomUUID()}`): { name: string; repository: SheetsRepository } {
  const db = new SheetDatabase(name)
  opened.push(db)
  return { name, repository: createSheetsRepository(db) }
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
  }
  for (const { name } of await indexedDB.databases()) {
    if (name?.startsWith('test-')) indexedDB.deleteDatabase(name)
  }
})

describeSheetsRepositoryContract('Dexie, Chromium IndexedDB', () => openRepository().repository)

describe('sheets repository in Chromium IndexedDB', () => {
  it('keeps a saved sheet across a new connection to the database', async () => {
    const { name, repository } = openRepository()
    const sheet = await repository.create({ title: 'Éclairage public intelligent', organisation: 'Commune de Cozzano' })
    const edited: Sheet = structuredClone(sheet)
    edited.radar.cybersecurite.prototype = 3
    edited.project.objectives = ['Réduire la consommation de 30 %']
    expect((await repository.save(edited)).ok).toBe(true)
    repository.close()

    const reopened = openRepository(name).repository
    const stored = await reopened.get(sheet.id)
    expect(stored?.project.title).toBe('Éclairage public intelligent')
    expect(stored?.radar.cybersecurite.prototype).toBe(3)
    expect(stored?.project.objectives).toEqual(['Réduire la consommation de 30 %'])
    expect(indexedDB.databases).toBeTypeOf('function')
    expect((await indexedDB.databases()).some((db) => db.name === name)).toBe(true)
  })

  it('tells an observer about changes to a sheet', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'Observée' })
    const seen: (string | undefined)[] = []
    const stop = repository.observeSheet(sheet.id, (stored) => seen.push(stored?.author))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await repository.save({ ...sheet, author: 'Autre onglet' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    stop()
    expect(seen).toEqual(['', 'Autre onglet'])
  })
})

describe('a newer app version opening the database', () => {
  it('tells this tab, and lets the newer version open', async () => {
    const { databaseListeners } = await import('@/storage/db')
    const { name, repository } = openRepository()
    await repository.create({ title: 'Avant mise à jour' })
    let told = false
    databaseListeners.versionChange = () => (told = true)
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1000)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    newer.close()
    databaseListeners.versionChange = undefined
    expect(told).toBe(true)
  })
})
