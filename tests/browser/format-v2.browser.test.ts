// Format v2 in real Chromium, through the same path as a dropped file (readExchangeFile, then Dexie): v1 files keep
// importing and leave in the current version (v3) with the same radar and data; a v2 file with every v2 field comes
// back whole, with only the v3 fields added;
// a file from a newer version is refused with the French message; a database written before v2 opens with every
// sheet, deleted sheet and draft completed.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import atelierText from '../fixtures/examples/fiches-atelier.json?raw'
import santeText from '../fixtures/examples/fiche-sante.json?raw'
import completeV2Text from '../fixtures/v2/atelier-v2-complet.json?raw'
import { serializeSheets } from '@/domain/exchange'
import { planImport } from '@/domain/import-plan'
import type { Sheet } from '@/domain/sheet'
import { completeStoredSheet } from '@/domain/migrations'
import { summarise } from '@/domain/summary'
import { describeImportProblem } from '@/presentation/import-problem'
import { readExchangeFile } from '@/services/read-exchange-file'
import { SheetDatabase } from '@/storage/db'
import { createSheetsRepository, type SheetsRepository } from '@/storage/sheets-repository'
import { testTranslate } from '../i18n'

const { t, te } = testTranslate()
const DB_PREFIX = 'format-v2-'
const opened: Dexie[] = []

function freshRepository(name = `${DB_PREFIX}${crypto.randomUUID()}`): { db: SheetDatabase; repository: SheetsRepository } {
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

const file = (text: string, name: string) => new File([text], name, { type: 'application/json' })

async function importText(text: string, name: string, repository: SheetsRepository) {
  const result = await readExchangeFile(file(text, name))
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`)
  expect(await repository.importSheets(result.sheets)).toMatchObject({ ok: true })
  return result
}

async function exportedText(repository: SheetsRepository, ids: readonly string[], exportedAt: Date, workshop?: Parameters<typeof serializeSheets>[2]) {
  const stored = await repository.getMany(ids)
  const byId = new Map(stored.map((sheet) => [sheet.id, sheet]))
  return serializeSheets(ids.map((id) => byId.get(id)!), exportedAt, workshop)
}

describe('format v2 in Chromium', () => {
  it.each([
    ['fiche-sante.json', santeText],
    ['fiches-atelier.json', atelierText],
  ])('imports the v1 example %s, exports it in the current version with the same radar and data, and re-imports it without a conflict', async (name, text) => {
    const original = JSON.parse(text) as { version: number; sheets: { id: string; radar: unknown; data: unknown }[] }
    const { repository } = freshRepository()
    await importText(text, name, repository)

    const ids = original.sheets.map((sheet) => sheet.id)
    const exported = await exportedText(repository, ids, new Date('2026-11-25T10:00:00.000Z'))
    const envelope = JSON.parse(exported) as { version: number; sheets: Sheet[] }
    expect(original.version).toBe(1)
    expect(envelope.version).toBe(3)
    envelope.sheets.forEach((sheet, index) => {
      expect(sheet.radar).toEqual(original.sheets[index]!.radar)
      expect(sheet.data).toEqual(original.sheets[index]!.data)
      expect(sheet.decision.status).toBe('a-examiner')
      expect(sheet.snapshots).toEqual([])
    })

    // Back into the same library: every sheet is recognised as the one already there.
    const again = await readExchangeFile(file(exported, 'export-v2.json'))
    if (!again.ok) throw new Error('the v2 export should import')
    const local = new Map((await repository.getMany(ids)).map((sheet) => [sheet.id, sheet]))
    const plan = planImport(again.sheets, local)
    expect(plan.conflicts).toEqual([])
    expect(plan.fresh).toEqual([])
    expect(plan.identical).toHaveLength(ids.length)
  })

  it('keeps every field of a v2 file, workshop included, and exports it with only the v3 fields added', async () => {
    const { repository } = freshRepository()
    const imported = await importText(completeV2Text, 'atelier-v2-complet.json', repository)
    const envelope = JSON.parse(completeV2Text) as { exportedAt: string; sheets: Sheet[] }
    const ids = envelope.sheets.map((sheet) => sheet.id)
    const stored = await repository.getMany(ids)
    expect(stored.find((sheet) => sheet.snapshots.length > 0)?.snapshots).toHaveLength(2)
    const text = await exportedText(repository, ids, new Date(envelope.exportedAt), imported.workshop)
    const original = JSON.parse(completeV2Text)
    expect(JSON.parse(text)).toEqual({
      ...original,
      version: 3,
      sheets: original.sheets.map((sheet: Record<string, any>) => ({
        ...sheet,
        project: { ...sheet.project, shortLabel: '' },
        decision: { ...sheet.decision, source: null, history: [] },
      })),
    })
  })

  it('refuses a file from a newer version, in French, and writes nothing', async () => {
    const { repository } = freshRepository()
    const newer = JSON.stringify({ ...JSON.parse(completeV2Text), version: 4 })
    const result = await readExchangeFile(file(newer, 'futur.json'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((problem) => describeImportProblem(problem, t, te))).toEqual([
      'ce fichier a été créé par une version plus récente de l’application (format 4). Mettez l’application à jour pour l’ouvrir.',
    ])
    expect(await repository.listSummaries()).toEqual([])
  })

  it('opens a database written before format v2 with every sheet, deleted sheet and draft completed', async () => {
    const name = `${DB_PREFIX}upgrade-${crypto.randomUUID()}`
    // The schema of database version 2, as the app before format v2 declared it, holding v1 sheets.
    const old = new Dexie(name)
    old.version(2).stores({
      sheets: 'id',
      summaries: 'id, updatedAt, title, organisation, phase, *tags',
      drafts: 'id',
      trash: 'id, deletedAt',
    })
    const v1Sheets = (JSON.parse(atelierText) as { sheets: Record<string, any>[] }).sheets
    const [kept, deleted, drafted] = v1Sheets
    // Summaries as version 2 wrote them: no domain, no decision.
    const oldSummary = (sheet: Record<string, any>, extra: Record<string, unknown>) => {
      const summary: Partial<ReturnType<typeof summarise>> = summarise(completeStoredSheet(sheet) as Sheet)
      delete summary.domain
      delete summary.decision
      delete summary.shortLabel
      return { ...summary, ...extra }
    }
    await old.table('sheets').bulkPut([kept, drafted])
    await old.table('summaries').bulkPut([
      oldSummary(kept!, { revision: 7, editedAt: '2026-03-03T10:00:00.000Z' }),
      oldSummary(drafted!, { revision: 2, importedAt: '2026-03-04T10:00:00.000Z' }),
    ])
    await old.table('trash').put({ id: deleted!.id, deletedAt: '2026-03-05T10:00:00.000Z', sheet: deleted, revision: 3 })
    await old.table('drafts').put({ id: drafted!.id, savedAt: '2026-03-06T10:00:00.000Z', content: { ...drafted, author: 'en cours' }, baseRevision: 2 })
    old.close()

    const { db, repository } = freshRepository(name)
    const [first, second] = await repository.getMany([kept!.id, drafted!.id])
    for (const sheet of [first!, second!]) {
      expect(sheet.project.problem).toBe('')
      expect(sheet.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] })
      expect(sheet.snapshots).toEqual([])
      expect(sheet.origin).toBeNull()
    }
    expect(first!.radar).toEqual(kept!.radar)
    const summaries = await repository.listSummaries()
    expect(summaries.map((summary) => [summary.id, summary.revision, summary.decision, summary.domain]).sort()).toEqual(
      [
        [kept!.id, 7, 'a-examiner', ''],
        [drafted!.id, 2, 'a-examiner', ''],
      ].sort(),
    )
    expect((await db.summaries.get(kept!.id))?.editedAt).toBe('2026-03-03T10:00:00.000Z')
    expect((await db.summaries.get(drafted!.id))?.importedAt).toBe('2026-03-04T10:00:00.000Z')
    expect((await db.trash.get(deleted!.id))?.sheet.decision.status).toBe('a-examiner')
    const draft = await repository.getDraft(drafted!.id)
    expect(draft?.content.author).toBe('en cours')
    expect(draft?.content.snapshots).toEqual([])
  })
})
