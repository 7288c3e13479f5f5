// Workshops on IndexedDB through Dexie, in Chromium: the repository's behaviours, and the upgrade that adds the
// table to a database already holding sheets.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import atelierText from '../fixtures/examples/fiches-atelier.json?raw'
import { parseExchangeFile } from '@/domain/exchange'
import type { Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository } from '@/storage/sheets-repository'
import { createWorkshopsRepository } from '@/storage/workshops-repository'

const DB_PREFIX = 'workshops-'
const opened: Dexie[] = []

function database(name = `${DB_PREFIX}${crypto.randomUUID()}`) {
  const db = new SheetDatabase(name)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const sheets = (() => {
  const parsed = parseExchangeFile(atelierText)
  if (!parsed.ok) throw new Error('example')
  return parsed.sheets
})()

const details = { title: 'Parcours data — atelier 3', date: '2026-03-02', place: 'Salle du conseil', facilitator: 'Camille' }

describe('workshops in Chromium', () => {
  it('creates, lists, changes and deletes workshops without touching sheets', async () => {
    const db = database()
    const workshops = createWorkshopsRepository(db)
    const library = createSheetsRepository(db)
    await library.importSheets(sheets)
    const ids = sheets.map((sheet) => sheet.id)

    const created = await workshops.create(details, ids.slice(0, 2))
    expect(created).toMatchObject({ ...details, sheetIds: ids.slice(0, 2) })
    await workshops.addSheets(created.id, [ids[1]!, ids[2]!])
    expect((await workshops.get(created.id))?.sheetIds).toEqual(ids.slice(0, 3))
    await workshops.removeSheets(created.id, [ids[0]!])
    expect((await workshops.get(created.id))?.sheetIds).toEqual(ids.slice(1, 3))
    const other = await workshops.create({ ...details, title: 'Commission Mobilités' }, [ids[1]!])
    // A sheet belongs to several workshops: found through the multi-entry index.
    expect((await db.workshops.where('sheetIds').equals(ids[1]!).toArray()).map((w) => w.title).sort()).toEqual([
      'Commission Mobilités',
      'Parcours data — atelier 3',
    ])
    expect((await workshops.list())[0]!.id).toBe(other.id)

    const renamed = await workshops.update(created.id, { ...details, title: 'Atelier renommé', place: '' })
    expect(renamed).toMatchObject({ title: 'Atelier renommé', place: '', sheetIds: ids.slice(1, 3) })

    const before = (await workshops.get(other.id))!
    await workshops.remove(other.id)
    expect(await workshops.get(other.id)).toBeUndefined()
    expect(await library.getMany(ids)).toHaveLength(ids.length)
    await workshops.restore(before)
    expect(await workshops.get(other.id)).toEqual(before)
  })

  it('receives a workshop from a file: created with its id, or given the file’s sheets when already here', async () => {
    const workshops = createWorkshopsRepository(database())
    const block = { id: '3d2a1f4b-8c6e-4e0a-9b7d-5a1c2e3f4d60', ...details }
    const first = await workshops.receive(block, [sheets[0]!.id])
    expect(first).toMatchObject({ ...block, sheetIds: [sheets[0]!.id] })
    await workshops.update(block.id, { ...details, title: 'Renommé ici' })
    const again = await workshops.receive(block, [sheets[0]!.id, sheets[1]!.id])
    expect(again).toMatchObject({ title: 'Renommé ici', sheetIds: [sheets[0]!.id, sheets[1]!.id] })
  })

  it('tells observers about changes made through another connection (another tab)', async () => {
    const name = `${DB_PREFIX}${crypto.randomUUID()}`
    const here = createWorkshopsRepository(database(name))
    const elsewhere = createWorkshopsRepository(database(name))
    let changes = 0
    const stop = here.observe(() => changes++)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await elsewhere.create(details)
    await expect.poll(() => changes, { timeout: 5_000 }).toBeGreaterThan(0)
    stop()
  })

  it('opens a database written by the previous version, with its sheets, and finds them all', async () => {
    const name = `${DB_PREFIX}upgrade-${crypto.randomUUID()}`
    // Database version 3 as the app declared it before workshops.
    const old = new Dexie(name)
    old.version(3).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
    })
    await old.table('sheets').bulkPut(sheets)
    await old.table('summaries').bulkPut(sheets.map((sheet: Sheet) => ({ ...summarise(sheet), revision: 4 })))
    old.close()

    const db = database(name)
    const library = createSheetsRepository(db)
    expect((await library.getAll()).map((sheet) => sheet.id).sort()).toEqual(sheets.map((sheet) => sheet.id).sort())
    expect((await library.listSummaries()).every((summary) => summary.revision === 4)).toBe(true)
    // Upgraded through every later version: workshops (4), ratings (5), votes (6), all empty; sheets completed for
    // format v3 (7); the sync's tables (8).
    expect(db.verno).toBe(8)
    expect(await createWorkshopsRepository(db).list()).toEqual([])
    expect(await library.ratingCounts()).toEqual(new Map())
    expect(await db.votes.count()).toBe(0)
  })
})
