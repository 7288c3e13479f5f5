// Format v3: a sheet's short name, and a decision with its source and its history. v1 and v2 files still import
// (migrated step by step); a v3 file with every new field comes back byte for byte; stored sheets are completed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile, serializeSheets } from '@/domain/exchange'
import { completeStoredSheet, CURRENT_FORMAT_VERSION, migrate, sheetV2ToV3 } from '@/domain/migrations'
import { createSheet, LIMITS, sheetSchema, type Sheet } from '@/domain/sheet'

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
const now = new Date('2027-03-15T09:00:00.000Z')

function parsed(text: string) {
  const result = parseExchangeFile(text)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result
}

describe('format v3', () => {
  it('is the current version', () => {
    expect(CURRENT_FORMAT_VERSION).toBe(3)
  })

  it('round-trips a v3 file with a short name and a decision history, byte for byte', () => {
    const text = fixture('v3/atelier-v3-complet.json')
    const file = parsed(text)
    const mobile = file.sheets[1]!
    expect(mobile.project.shortLabel).toBe('Téléphonie mobile')
    expect(mobile.decision.status).toBe('reactive')
    expect(mobile.decision.source).toBe('personne')
    expect(mobile.decision.history.map((entry) => [entry.status, entry.source, entry.decidedAt])).toEqual([
      ['reserve', 'vote', '2026-02-19'],
      ['depriorise', 'personne', '2026-06-12'],
    ])
    expect(serializeSheets(file.sheets, new Date(JSON.parse(text).exportedAt as string), file.workshop)).toBe(text)
  })

  it('imports v1 and v2 files with the v3 fields empty', () => {
    for (const path of ['examples/fiche-sante.json', 'v2/atelier-v2-complet.json']) {
      for (const sheet of parsed(fixture(path)).sheets) {
        expect(sheet.project.shortLabel).toBe('')
        expect(sheet.decision.source).toBeNull()
        expect(sheet.decision.history).toEqual([])
      }
    }
    const v2 = JSON.parse(fixture('v2/atelier-v2-complet.json'))
    expect(parsed(fixture('v2/atelier-v2-complet.json')).sheets[0]!.decision).toEqual({ ...v2.sheets[0].decision, source: null, history: [] })
  })

  it('ignores what a v2 file held under the v3 names, as a v2 reader did', () => {
    const v2 = JSON.parse(fixture('v2/atelier-v2-complet.json'))
    v2.sheets[0].project.shortLabel = 42
    v2.sheets[0].decision.source = 'martiens'
    v2.sheets[0].decision.history = 'beaucoup'
    const [sheet] = parsed(JSON.stringify(v2)).sheets
    expect(sheet!.project.shortLabel).toBe('')
    expect(sheet!.decision.source).toBeNull()
    expect(sheet!.decision.history).toEqual([])
  })

  it('validates the v3 fields of a v3 file, naming them', () => {
    const v3 = JSON.parse(fixture('v3/atelier-v3-complet.json'))
    v3.sheets[0].project.shortLabel = 'x'.repeat(LIMITS.shortLabel + 1)
    v3.sheets[1].decision.history[1].status = 'oublie'
    v3.sheets[1].decision.source = 'comite'
    const result = parseExchangeFile(JSON.stringify(v3))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((problem) => problem.kind === 'sheet' && [problem.sheetNumber, problem.issue.path, problem.issue.code])).toEqual([
      [1, 'project.shortLabel', 'tooLong'],
      [2, 'decision.source', 'choice'],
      [2, 'decision.history.1.status', 'choice'],
    ])
  })

  it(`keeps at most ${LIMITS.decisionHistory} earlier decisions`, () => {
    const sheet = createSheet({ title: 'Longue histoire', now })
    const entry = { status: 'reserve', reason: '', decidedAt: '2026-02-19', source: 'vote' }
    const full = { ...sheet, decision: { ...sheet.decision, history: Array.from({ length: LIMITS.decisionHistory }, () => entry) } }
    expect(sheetSchema.safeParse(full).success).toBe(true)
    full.decision.history.push(entry)
    expect(sheetSchema.safeParse(full).success).toBe(false)
  })
})

describe('migrations to v3', () => {
  it('migrate runs v1 → v2 → v3 on a whole file', () => {
    const migrated = migrate({ version: 1, exportedAt: 'x', sheets: [{ project: { title: 'T' } }] })
    expect(migrated.version).toBe(3)
    const [sheet] = migrated.sheets as Record<string, any>[]
    expect(sheet!.project).toEqual({ title: 'T', problem: '', domain: '', shortLabel: '' })
    expect(sheet!.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] })
  })

  it('sheetV2ToV3 leaves non-objects and a decision that is not an object for validation to report', () => {
    expect(sheetV2ToV3(null)).toBeNull()
    expect(sheetV2ToV3(7)).toBe(7)
    expect((sheetV2ToV3({ project: 'p', decision: 'oui' }) as any)).toEqual({ project: 'p', decision: 'oui' })
  })

  it('completeStoredSheet gives a v2 sheet the v3 fields and keeps what a newer tab wrote', () => {
    const v2 = structuredClone(createSheet({ title: 'Stockée en v2', now })) as Sheet & Record<string, any>
    delete (v2.project as Record<string, unknown>).shortLabel
    delete (v2.decision as Record<string, unknown>).source
    delete (v2.decision as Record<string, unknown>).history
    v2.decision.status = 'priorise'
    const completed = completeStoredSheet(v2)
    expect(sheetSchema.safeParse(completed).success).toBe(true)
    expect(completed.project.shortLabel).toBe('')
    expect(completed.decision).toEqual({ status: 'priorise', reason: '', decidedAt: null, source: null, history: [] })
    const v3 = createSheet({ title: 'Déjà v3', now })
    v3.project.shortLabel = 'Court'
    v3.decision = { status: 'reactive', reason: 'r', decidedAt: '2027-01-02', source: 'personne', history: [{ status: 'reserve', reason: '', decidedAt: null, source: 'vote' }] }
    expect(completeStoredSheet(v3)).toEqual(v3)
  })
})
