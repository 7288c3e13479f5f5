import { afterEach, describe, expect, it } from 'vitest'
import type { Sheet } from '@/domain/sheet'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository, isSaveConflict, type SheetsRepository } from '@/storage/sheets-repository'

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

  it('never writes an invalid sheet, and keeps the last valid one', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'Valide' })
    const invalid = structuredClone(sheet)
    invalid.project.title = '   '
    const result = await repository.save(invalid)
    expect(result.ok).toBe(false)
    expect((await repository.get(sheet.id))?.project.title).toBe('Valide')
    expect((await repository.listSummaries()).map((summary) => summary.title)).toEqual(['Valide'])
  })

  it('stamps updatedAt on save and lists summaries most recent first', async () => {
    const { repository } = openRepository()
    const older = await repository.create({ title: 'Ancienne' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const newer = await repository.create({ title: 'Récente', tags: ['atelier CTD'] })
    let summaries = await repository.listSummaries()
    expect(summaries.map((summary) => summary.id)).toEqual([newer.id, older.id])
    expect(summaries[0]).toMatchObject({ title: 'Récente', tags: ['atelier CTD'], phase: 'idee' })
    expect(summaries[0]?.prototype).toHaveLength(10)

    await new Promise((resolve) => setTimeout(resolve, 5))
    const result = await repository.save(older)
    expect(result.ok && result.sheet.updatedAt > older.updatedAt).toBe(true)
    summaries = await repository.listSummaries()
    expect(summaries.map((summary) => summary.id)).toEqual([older.id, newer.id])
  })

  it('duplicates a sheet under a new id and title', async () => {
    const { repository } = openRepository()
    const source = await repository.create({ title: 'Source' })
    const copy = await repository.duplicate(source.id, (title) => `${title} (copie)`)
    expect(copy.id).not.toBe(source.id)
    expect(await repository.get(copy.id)).toMatchObject({ project: { title: 'Source (copie)' } })
    expect(await repository.listSummaries()).toHaveLength(2)
  })

  it('moves a deleted sheet to the trash and restores it unchanged', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'À supprimer' })
    await repository.remove(sheet.id)
    expect(await repository.get(sheet.id)).toBeUndefined()
    expect(await repository.listSummaries()).toEqual([])
    const restored = await repository.restore(sheet.id)
    expect(restored).toEqual(sheet)
    expect(await repository.get(sheet.id)).toEqual(sheet)
    expect(await repository.listSummaries()).toHaveLength(1)
  })

  it('keeps an invalid working copy as a draft until a valid save replaces it', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'Brouillon' })
    const working = structuredClone(sheet)
    working.project.calendar.milestones.push({ label: '', date: null })
    await repository.saveDraft(working)
    expect((await repository.getDraft(sheet.id))?.content.project.calendar.milestones).toHaveLength(1)
    working.project.calendar.milestones[0]!.label = 'Comité de pilotage'
    expect((await repository.save(working)).ok).toBe(true)
    expect(await repository.getDraft(sheet.id)).toBeUndefined()
  })

  it('purges trash entries older than a date', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'Vieille' })
    await repository.remove(sheet.id)
    expect(await repository.purgeTrash(new Date(Date.now() - 60_000))).toBe(0)
    expect(await repository.purgeTrash(new Date(Date.now() + 60_000))).toBe(1)
    expect(await repository.restore(sheet.id)).toBeUndefined()
  })

  it('refuses a save based on a version another tab has replaced, and says which version is stored', async () => {
    const { repository } = openRepository()
    const sheet = await repository.create({ title: 'Deux onglets' })
    const inFirstTab = structuredClone(sheet)
    const inSecondTab = structuredClone(sheet)
    inFirstTab.author = 'Premier onglet'
    const saved = await repository.save(inFirstTab, { expectedUpdatedAt: sheet.updatedAt })
    expect(saved.ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 5))
    inSecondTab.author = 'Second onglet'
    const refused = await repository.save(inSecondTab, { expectedUpdatedAt: sheet.updatedAt })
    expect(isSaveConflict(refused) && refused.conflict.author).toBe('Premier onglet')
    expect((await repository.get(sheet.id))?.author).toBe('Premier onglet')
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
