// Format v3 in real Chromium: a v3 file with a short name and a decision history goes through the dropped-file path
// and Dexie and comes back byte for byte; a database written by the app before format v3 (IndexedDB version 6,
// v2 sheets) opens at version 7 with every sheet, deleted sheet, draft and summary completed, nothing else changed.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import completeV3Text from '../fixtures/v3/atelier-v3-complet.json?raw'
import { serializeSheets } from '@/domain/exchange'
import { createSheet, type Sheet } from '@/domain/sheet'
import { summarise } from '@/domain/summary'
import { readExchangeFile } from '@/services/read-exchange-file'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository } from '@/storage/sheets-repository'

const DB_PREFIX = 'format-v3-'
const opened: Dexie[] = []

function open(name: string) {
  const db = new SheetDatabase(name)
  opened.push(db)
  return { db, repository: createSheetsRepository(db) }
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** A sheet as the app stored it before format v3: no short name, a decision without source nor history. */
function v2Sheet(title: string, decision: Record<string, unknown>): Record<string, any> {
  const sheet = structuredClone(createSheet({ title, now: new Date('2026-02-01T10:00:00.000Z') })) as Record<string, any>
  delete sheet.project.shortLabel
  sheet.decision = decision
  sheet.radar.rgpd.prototype = 3
  return sheet
}

describe('format v3 in Chromium', () => {
  it('imports a v3 file through the dropped-file path and exports it byte for byte', async () => {
    const { repository } = open(`${DB_PREFIX}${crypto.randomUUID()}`)
    const result = await readExchangeFile(new File([completeV3Text], 'atelier-v3-complet.json', { type: 'application/json' }))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(await repository.importSheets(result.sheets)).toMatchObject({ ok: true })
    const ids = result.sheets.map((sheet) => sheet.id)
    const stored = new Map((await repository.getMany(ids)).map((sheet) => [sheet.id, sheet]))
    expect(stored.get(ids[1]!)?.decision.history.map((entry) => entry.status)).toEqual(['reserve', 'depriorise'])
    const summaries = await repository.listSummaries()
    expect(summaries.find((summary) => summary.id === ids[1])?.shortLabel).toBe('Téléphonie mobile')
    const exportedAt = new Date(JSON.parse(completeV3Text).exportedAt as string)
    expect(serializeSheets(ids.map((id) => stored.get(id)!), exportedAt, result.workshop)).toBe(completeV3Text)
  })

  it('opens a database written before format v3 at version 7, every stored sheet completed', async () => {
    const name = `${DB_PREFIX}upgrade-${crypto.randomUUID()}`
    const old = new Dexie(name)
    // The stores of database version 6, as the app before format v3 declared them.
    old.version(6).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
      workshops: 'id, updatedAt, *sheetIds',
      ratings: 'id, sheetId',
      votes: 'id, workshopId, updatedAt',
    })
    const voted = { status: 'priorise', reason: 'vote du 19 février 2026 — 81 points', decidedAt: '2026-02-19' }
    const kept = v2Sheet('Téléphonie mobile', voted)
    const deleted = v2Sheet('Cantines', { status: 'a-examiner', reason: '', decidedAt: null })
    const drafted = v2Sheet('Bornes', { status: 'reserve', reason: '', decidedAt: '2026-02-19' })
    const oldSummary = (sheet: Record<string, any>, extra: Record<string, unknown>) => {
      const summary: Partial<ReturnType<typeof summarise>> = summarise({ ...sheet, project: { ...sheet.project, shortLabel: '' } } as Sheet)
      delete summary.shortLabel
      return { ...summary, ...extra }
    }
    await old.table('sheets').bulkPut([kept, drafted])
    await old.table('summaries').bulkPut([
      oldSummary(kept, { revision: 4, editedAt: '2026-03-03T10:00:00.000Z' }),
      oldSummary(drafted, { revision: 2, importedAt: '2026-03-04T10:00:00.000Z' }),
    ])
    await old.table('trash').put({ id: deleted.id, deletedAt: '2026-03-05T10:00:00.000Z', sheet: deleted, revision: 3 })
    await old.table('drafts').put({ id: drafted.id, savedAt: '2026-03-06T10:00:00.000Z', content: { ...drafted, author: 'en cours' }, baseRevision: 2 })
    const workshop = { id: crypto.randomUUID(), title: 'Comité', date: null, place: '', facilitator: '', sheetIds: [kept.id], createdAt: kept.createdAt, updatedAt: kept.updatedAt }
    await old.table('workshops').put(workshop)
    old.close()

    const { db, repository } = open(name)
    await db.open()
    // Through version 7 (format v3) to the latest, 8 (the sync's tables).
    expect(db.verno).toBe(8)
    const [first, second] = await repository.getMany([kept.id, drafted.id])
    expect(first!.project.shortLabel).toBe('')
    expect(first!.decision).toEqual({ ...voted, source: null, history: [] })
    expect(second!.decision).toEqual({ status: 'reserve', reason: '', decidedAt: '2026-02-19', source: null, history: [] })
    expect(first!.radar.rgpd.prototype).toBe(3)
    const summaries = await repository.listSummaries()
    expect(summaries.map((summary) => [summary.title, summary.shortLabel, summary.revision, summary.decision]).sort()).toEqual(
      [
        ['Téléphonie mobile', '', 4, 'priorise'],
        ['Bornes', '', 2, 'reserve'],
      ].sort(),
    )
    expect((await db.summaries.get(kept.id))?.editedAt).toBe('2026-03-03T10:00:00.000Z')
    expect((await db.summaries.get(drafted.id))?.importedAt).toBe('2026-03-04T10:00:00.000Z')
    expect((await db.trash.get(deleted.id))?.sheet.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] })
    const draft = await repository.getDraft(drafted.id)
    expect(draft?.content.author).toBe('en cours')
    expect(draft?.content.project.shortLabel).toBe('')
    expect(draft?.content.decision.history).toEqual([])
    // Other stores are left as they were.
    expect(await db.workshops.get(workshop.id)).toEqual(workshop)
  })
})
