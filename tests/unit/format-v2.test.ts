import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile, sameSheet, serializeSheets } from '@/domain/exchange'
import { completeStoredSheet, CURRENT_FORMAT_VERSION, migrate, sheetV1ToV2 } from '@/domain/migrations'
import { createSheet, duplicateSheet, LIMITS, sheetSchema, type Sheet } from '@/domain/sheet'
import { THEME_IDS } from '@/domain/grid'

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
const now = new Date('2026-11-25T10:00:00.000Z')

function parsed(text: string) {
  const result = parseExchangeFile(text)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result
}

// Format v2 files (and v1 files, through v2) keep importing now that v3 is current: format-v3.test.ts covers v3.
describe('format v2', () => {
  it.each(['examples/fiche-sante.json', 'examples/fiches-atelier.json'])(
    'imports the v1 example %s: same data and radar, the new fields empty',
    (path) => {
      const original = JSON.parse(fixture(path)) as { version: number; sheets: Record<string, any>[] }
      expect(original.version).toBe(1)
      const { sheets } = parsed(fixture(path))
      expect(sheets).toHaveLength(original.sheets.length)
      sheets.forEach((sheet, index) => {
        const source = original.sheets[index]!
        expect(sheet.radar).toEqual(source.radar)
        expect(sheet.data).toEqual(source.data)
        expect(sheet.project.title).toBe(source.project.title)
        expect(sheet.project.problem).toBe('')
        expect(sheet.project.domain).toBe('')
        expect(sheet.origin).toBeNull()
        expect(sheet.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] })
        expect(sheet.project.shortLabel).toBe('')
        expect(sheet.snapshots).toEqual([])
      })
    },
  )

  it('re-exports v1 sheets in the current version, and they import back as the same sheets', () => {
    const { sheets } = parsed(fixture('examples/fiches-atelier.json'))
    const exported = serializeSheets(sheets, now)
    expect(JSON.parse(exported).version).toBe(CURRENT_FORMAT_VERSION)
    const again = parsed(exported).sheets
    again.forEach((sheet, index) => expect(sameSheet(sheet, sheets[index]!)).toBe(true))
  })

  it('imports a v2 file with every v2 field, its workshop included, and exports it as v3 with only the v3 fields added', () => {
    const text = fixture('v2/atelier-v2-complet.json')
    const file = parsed(text)
    expect(file.workshop).toEqual({
      id: '3d2a1f4b-8c6e-4e0a-9b7d-5a1c2e3f4d60',
      title: 'Parcours data — atelier 3',
      date: '2026-03-02',
      place: 'Salle du conseil',
      facilitator: 'Équipe Parcours data',
    })
    const [first] = file.sheets
    expect(first!.origin).toBe('collectif')
    expect(first!.project.domain).toBe('Santé')
    expect(first!.decision.status).toBe('priorise')
    expect(first!.snapshots.map((snapshot) => snapshot.phase)).toEqual(['idee', 'prototype'])
    const original = JSON.parse(text)
    const exported = JSON.parse(serializeSheets(file.sheets, new Date(original.exportedAt as string), file.workshop))
    expect(exported).toEqual({
      ...original,
      version: 3,
      sheets: original.sheets.map((sheet: any) => ({
        ...sheet,
        project: { ...sheet.project, shortLabel: '' },
        decision: { ...sheet.decision, source: null, history: [] },
      })),
    })
  })

  it('refuses a file from a newer version with the « newer version » problem', () => {
    const next = CURRENT_FORMAT_VERSION + 1
    const newer = JSON.stringify({ ...JSON.parse(fixture('v2/atelier-v2-complet.json')), version: next })
    expect(parseExchangeFile(newer)).toEqual({ ok: false, problems: [{ kind: 'newer-version', version: next }] })
  })

  it('keeps importing a v1 file whose sheets carry keys with the new names, which v1 ignored', () => {
    const v1 = JSON.parse(fixture('examples/fiche-sante.json'))
    v1.workshop = 'not a workshop'
    v1.sheets[0].decision = 'oui'
    v1.sheets[0].snapshots = 12
    v1.sheets[0].origin = 'ailleurs'
    v1.sheets[0].project.domain = 42
    const [sheet] = parsed(JSON.stringify(v1)).sheets
    expect(sheet!.decision.status).toBe('a-examiner')
    expect(sheet!.snapshots).toEqual([])
    expect(sheet!.origin).toBeNull()
    expect(sheet!.project.domain).toBe('')
    expect(parsed(JSON.stringify(v1)).workshop).toBeUndefined()
  })

  it('validates the new fields of a v2 file, naming them', () => {
    const v2 = JSON.parse(fixture('v2/atelier-v2-complet.json'))
    v2.sheets[0].decision.status = 'adopte'
    v2.sheets[0].snapshots[0].radar.rgpd.prototype = 7
    v2.sheets[1].origin = 'ia'
    const result = parseExchangeFile(JSON.stringify(v2))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((problem) => problem.kind === 'sheet' && [problem.sheetNumber, problem.issue.path, problem.issue.code])).toEqual([
      [1, 'decision.status', 'choice'],
      [1, 'snapshots.0.radar.rgpd.prototype', 'tooBig'],
      [2, 'origin', 'choice'],
    ])
  })

  it('refuses a workshop block without a title', () => {
    const v2 = JSON.parse(fixture('v2/atelier-v2-complet.json'))
    v2.workshop.title = '  '
    expect(parseExchangeFile(JSON.stringify(v2))).toEqual({ ok: false, problems: [{ kind: 'bad-workshop' }] })
  })

  it(`keeps at most ${LIMITS.snapshots} snapshots`, () => {
    const sheet = createSheet({ title: 'Historique', now })
    const radar = Object.fromEntries(THEME_IDS.map((id) => [id, { prototype: 1, scaleUp: 1 }]))
    const snapshot = () => ({ id: crypto.randomUUID(), takenAt: now.toISOString(), label: '', phase: 'idee', radar })
    const full = { ...sheet, snapshots: Array.from({ length: LIMITS.snapshots }, snapshot) }
    expect(sheetSchema.safeParse(full).success).toBe(true)
    expect(sheetSchema.safeParse({ ...full, snapshots: [...full.snapshots, snapshot()] }).success).toBe(false)
  })
})

describe('docs/exchange-format.md', () => {
  const doc = readFileSync(new URL('../../docs/exchange-format.md', import.meta.url), 'utf8')

  it('gives a minimal valid file that the app imports, in the current version', () => {
    const minimal = doc.slice(doc.indexOf('## A minimal valid file')).match(/```json\n([\s\S]*?)```/)?.[1]
    expect(JSON.parse(minimal!).version).toBe(CURRENT_FORMAT_VERSION)
    const result = parsed(minimal!)
    expect(result.sheets[0]!.radar.datamining).toEqual({ prototype: 2, scaleUp: 1, comment: 'Données de fréquentation à collecter' })
    expect(result.sheets[0]!.snapshots).toEqual([])
  })

  it('names every decision status and origin the schema allows', () => {
    const values = ['a-examiner', 'priorise', 'reserve', 'depriorise', 'reactive', 'ecarte', 'realise', 'individuel', 'collectif', 'synthese-ia', 'personne', 'vote']
    for (const value of values)
      expect(doc).toContain(`\`${value}\``)
  })
})

describe('migrations of sheets', () => {
  it('sheetV1ToV2 replaces whatever the v1 sheet held under the new names, and leaves non-objects alone', () => {
    expect(sheetV1ToV2(null)).toBeNull()
    expect(sheetV1ToV2('x')).toBe('x')
    const upgraded = sheetV1ToV2({ project: { title: 'T', problem: 3 }, decision: 'oui' }) as any
    expect(upgraded.project).toEqual({ title: 'T', problem: '', domain: '' })
    expect(upgraded.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null })
  })

  it('completeStoredSheet adds the missing fields and keeps those already there', () => {
    const stored = structuredClone(createSheet({ title: 'Stockée', now })) as Partial<Sheet> & Record<string, unknown>
    delete stored.decision
    delete stored.snapshots
    delete stored.origin
    delete (stored.project as Record<string, unknown>).problem
    const completed = completeStoredSheet(stored) as Sheet
    expect(sheetSchema.safeParse(completed).success).toBe(true)
    expect(completed.decision.status).toBe('a-examiner')
    const newer = { ...createSheet({ title: 'Déjà v2', now }), origin: 'collectif' as const }
    newer.project.problem = 'Écrite par un onglet plus récent'
    expect(completeStoredSheet(newer)).toEqual(newer)
  })

  it('migrate runs the v1 → v2 step on a whole file', () => {
    const migrated = migrate({ version: 1, exportedAt: 'x', workshop: {}, sheets: [{ project: {} }] }, undefined, 2)
    expect(migrated.version).toBe(2)
    expect('workshop' in migrated).toBe(false)
    expect((migrated.sheets as any[])[0].snapshots).toEqual([])
  })

  it('a duplicate starts undecided and without the original’s snapshots', () => {
    const v2 = parsed(fixture('v2/atelier-v2-complet.json')).sheets[0]!
    const copy = duplicateSheet(v2, 'Copie', now)
    expect(copy.decision).toEqual({ status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] })
    expect(copy.snapshots).toEqual([])
    expect(copy.project.problem).toBe(v2.project.problem)
    expect(copy.origin).toBe(v2.origin)
  })
})
