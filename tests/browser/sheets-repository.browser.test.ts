import { afterEach, describe, expect, it, vi } from 'vitest'
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
    const seen: (string | number | undefined)[][] = []
    const stop = repository.observeSheet(sheet.id, (stored) => seen.push([stored?.sheet.author, stored?.revision]))
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    await repository.save({ ...sheet, author: 'Autre onglet' })
    await vi.waitFor(() => expect(seen).toHaveLength(2))
    await repository.remove(sheet.id)
    await vi.waitFor(() => expect(seen).toHaveLength(3))
    stop()
    expect(seen).toEqual([
      ['', 1],
      ['Autre onglet', 2],
      [undefined, undefined],
    ])
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

describe('a database written by the previous version (schema 1)', () => {
  it('opens in version 2 with every sheet, each at revision 1', async () => {
    const { default: Dexie } = await import('dexie')
    const { createSheet } = await import('@/domain/sheet')
    const { summarise } = await import('@/domain/summary')
    const name = `test-${crypto.randomUUID()}`
    // The schema of version 1, as the app shipped it before revisions.
    const old = new Dexie(name)
    old.version(1).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
    })
    const sheets = ['Mobilité', 'Santé', 'Éducation'].map((title) => createSheet({ title }))
    await old.table('sheets').bulkPut(sheets)
    await old.table('summaries').bulkPut(sheets.map(summarise))
    await old.table('drafts').put({ id: sheets[0]!.id, savedAt: new Date().toISOString(), content: sheets[0], baseUpdatedAt: sheets[0]!.updatedAt })
    old.close()

    const { repository } = openRepository(name)
    expect((await repository.listSummaries()).map((summary) => [summary.title, summary.revision]).sort()).toEqual([
      ['Mobilité', 1],
      ['Santé', 1],
      ['Éducation', 1],
    ])
    for (const sheet of sheets) expect(await repository.getStored(sheet.id)).toEqual({ sheet, revision: 1 })
    expect((await repository.getDraft(sheets[0]!.id))?.baseUpdatedAt).toBe(sheets[0]!.updatedAt)
  })
})
