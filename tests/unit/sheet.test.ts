import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toFieldIssues } from '@/domain/field-issues'
import { THEME_IDS } from '@/domain/grid'
import { createSheet, duplicateSheet, LEGAL_TOPICS, validateSheet, type Sheet } from '@/domain/sheet'

const now = new Date('2026-11-25T10:00:00.000Z')

function sheetWith(change: (sheet: Record<string, any>) => void): unknown {
  const sheet = structuredClone(createSheet({ title: 'Mobilité rurale', now })) as Record<string, any>
  change(sheet)
  return sheet
}

function issuePaths(candidate: unknown): string[] {
  const result = validateSheet(candidate)
  return result.ok ? [] : result.issues.map((issue) => issue.path.join('.'))
}

describe('createSheet', () => {
  it('makes a valid sheet with only the title set and every score unassessed', () => {
    const sheet = createSheet({ title: 'Mobilité rurale', organisation: 'Département du Gers', now })
    expect(validateSheet(sheet).ok).toBe(true)
    expect(sheet.project.title).toBe('Mobilité rurale')
    expect(sheet.organisation).toBe('Département du Gers')
    expect(sheet.phase).toBe('idee')
    expect(sheet.createdAt).toBe('2026-11-25T10:00:00.000Z')
    expect(sheet.updatedAt).toBe(sheet.createdAt)
    expect(Object.keys(sheet.radar)).toEqual([...THEME_IDS])
    for (const id of THEME_IDS) expect(sheet.radar[id]).toEqual({ prototype: null, scaleUp: null, comment: '' })
    expect(Object.keys(sheet.data.legal)).toEqual([...LEGAL_TOPICS])
    expect(sheet.data.legal.rgpd).toEqual({ status: 'non-evalue', notes: '' })
    expect(sheet.project.calendar).toEqual({ start: null, end: null, milestones: [] })
    expect(sheet.project.budget).toEqual({ total: null, lines: [], funding: '' })
  })

  it('gives each new sheet its own UUID', () => {
    const first = createSheet({ title: 'A' })
    const second = createSheet({ title: 'B' })
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(first.id).not.toBe(second.id)
  })
})

describe('sheetSchema', () => {
  it('accepts the public examples', () => {
    for (const file of ['fiche-sante.json', 'fiches-atelier.json']) {
      const envelope = JSON.parse(readFileSync(new URL(`../fixtures/examples/${file}`, import.meta.url), 'utf8'))
      for (const sheet of envelope.sheets) expect(validateSheet(sheet)).toMatchObject({ ok: true })
    }
  })

  it('fills the defaults of a minimal sheet: id, timestamps, title and radar', () => {
    const minimal = {
      id: '4b1c3fed-cad0-4f1c-a636-9ca601125e22',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      project: { title: 'Minimal' },
      radar: Object.fromEntries(THEME_IDS.map((id) => [id, { prototype: null, scaleUp: null, comment: '' }])),
    }
    const result = validateSheet(minimal)
    expect(result.ok).toBe(true)
    const sheet = (result as { sheet: Sheet }).sheet
    expect(sheet.tags).toEqual([])
    expect(sheet.data.datasets).toEqual([])
    expect(sheet.data.legal.hebergement.status).toBe('non-evalue')
    expect(sheet.project.impact).toEqual({ indicators: [], notes: '' })
  })

  it('requires a title that is not blank', () => {
    expect(issuePaths(sheetWith((s) => (s.project.title = '   ')))).toEqual(['project.title'])
    expect(issuePaths(sheetWith((s) => delete s.project.title))).toEqual(['project.title'])
  })

  it('treats a title of invisible characters as blank, and reports it as required', () => {
    for (const invisible of ['\u200B\u200B', '\u3164', '\u2800', '\u202E\u200D']) {
      const result = validateSheet(sheetWith((s) => (s.project.title = invisible)))
      expect(result.ok).toBe(false)
      if (!result.ok) expect(toFieldIssues(result.issues)).toEqual([{ path: 'project.title', code: 'required' }])
    }
    // A stakeholder's name, an objective: every required text follows the same rule.
    expect(issuePaths(sheetWith((s) => s.project.objectives.push('\u200B')))).toEqual(['project.objectives.0'])
  })

  it('trims strings', () => {
    const result = validateSheet(sheetWith((s) => (s.project.title = '  Éclairage intelligent  ')))
    expect(result.ok && result.sheet.project.title).toBe('Éclairage intelligent')
  })

  it('enforces the length limits of the format', () => {
    expect(issuePaths(sheetWith((s) => (s.project.title = 'x'.repeat(201))))).toEqual(['project.title'])
    expect(issuePaths(sheetWith((s) => (s.project.title = 'x'.repeat(200))))).toEqual([])
    expect(issuePaths(sheetWith((s) => (s.organisation = 'x'.repeat(201))))).toEqual(['organisation'])
    expect(issuePaths(sheetWith((s) => (s.project.description = 'x'.repeat(20_001))))).toEqual(['project.description'])
    expect(issuePaths(sheetWith((s) => (s.tags = Array.from({ length: 21 }, (_, i) => `t${i}`))))).toEqual(['tags'])
    expect(issuePaths(sheetWith((s) => (s.tags = ['x'.repeat(51)])))).toEqual(['tags.0'])
    expect(issuePaths(sheetWith((s) => (s.radar.rgpd.comment = 'x'.repeat(2001))))).toEqual(['radar.rgpd.comment'])
  })

  it('refuses scores outside 0–4 and non-integers, and accepts null as unassessed', () => {
    expect(issuePaths(sheetWith((s) => (s.radar.cybersecurite.prototype = 5)))).toEqual(['radar.cybersecurite.prototype'])
    expect(issuePaths(sheetWith((s) => (s.radar.cybersecurite.scaleUp = -1)))).toEqual(['radar.cybersecurite.scaleUp'])
    expect(issuePaths(sheetWith((s) => (s.radar.cybersecurite.scaleUp = 2.5)))).toEqual(['radar.cybersecurite.scaleUp'])
    expect(issuePaths(sheetWith((s) => (s.radar.cybersecurite.scaleUp = null)))).toEqual([])
  })

  it('requires every theme of the grid in the radar', () => {
    expect(issuePaths(sheetWith((s) => delete s.radar.environnement))).toEqual(['radar.environnement'])
  })

  it('refuses values outside the enums', () => {
    expect(issuePaths(sheetWith((s) => (s.phase = 'termine')))).toEqual(['phase'])
    expect(
      issuePaths(sheetWith((s) => (s.data.legal.rgpd.status = 'ok'))),
    ).toEqual(['data.legal.rgpd.status'])
    expect(
      issuePaths(
        sheetWith((s) =>
          s.data.datasets.push({ name: 'Capteurs', access: 'gratuit', personal: 'non' }),
        ),
      ),
    ).toEqual(['data.datasets.0.access'])
    expect(
      issuePaths(
        sheetWith((s) => s.project.stakeholders.push({ name: 'ARS', role: 'chef', internal: false })),
      ),
    ).toEqual(['project.stakeholders.0.role'])
  })

  it('checks dates and datetimes', () => {
    expect(issuePaths(sheetWith((s) => (s.project.calendar.start = '2026-13-01')))).toEqual(['project.calendar.start'])
    expect(issuePaths(sheetWith((s) => (s.project.calendar.start = '01/04/2026')))).toEqual(['project.calendar.start'])
    expect(issuePaths(sheetWith((s) => (s.createdAt = '2026-11-25')))).toContain('createdAt')
  })

  it('refuses a calendar that ends before it starts', () => {
    const ends = sheetWith((s) => Object.assign(s.project.calendar, { start: '2026-06-01', end: '2026-05-31' }))
    expect(issuePaths(ends)).toEqual(['project.calendar.end'])
    const sameDay = sheetWith((s) => Object.assign(s.project.calendar, { start: '2026-06-01', end: '2026-06-01' }))
    expect(issuePaths(sameDay)).toEqual([])
  })

  it('refuses an update time before the creation time', () => {
    expect(issuePaths(sheetWith((s) => (s.updatedAt = '2026-11-24T10:00:00.000Z')))).toEqual(['updatedAt'])
  })

  it('refuses amounts that are not finite, negative (even -0) or absurd, and says which', () => {
    const codeFor = (total: number) => {
      const result = validateSheet(sheetWith((s) => (s.project.budget.total = total)))
      return result.ok ? 'ok' : toFieldIssues(result.issues).map((issue) => issue.code)
    }
    expect(codeFor(Infinity)).toEqual(['number'])
    expect(codeFor(Number.NaN)).toEqual(['number'])
    expect(codeFor(-0)).toEqual(['negative'])
    expect(codeFor(-5)).toEqual(['negative'])
    expect(codeFor(1e13)).toEqual(['tooBig'])
    expect(codeFor(1e12)).toBe('ok')
    expect(codeFor(12.5)).toBe('ok')
  })

  it('refuses negative amounts and requires a label on budget lines', () => {
    expect(issuePaths(sheetWith((s) => (s.project.budget.total = -1)))).toEqual(['project.budget.total'])
    expect(issuePaths(sheetWith((s) => s.project.budget.lines.push({ label: '', amount: 10 })))).toEqual([
      'project.budget.lines.0.label',
    ])
  })

  it('drops unknown keys, including __proto__', () => {
    const candidate = JSON.parse(
      JSON.stringify(createSheet({ title: 'X', now })).replace('{', '{"__proto__":{"polluted":true},"extra":1,'),
    )
    const result = validateSheet(candidate)
    expect(result.ok).toBe(true)
    const sheet = (result as { sheet: Sheet }).sheet as unknown as Record<string, unknown>
    expect(sheet.extra).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(sheet)).toBe(Object.prototype)
  })
})

describe('duplicateSheet', () => {
  it('copies the content under a new id, title and timestamps', () => {
    const source = structuredClone(createSheet({ title: 'Source', now }))
    source.radar.rgpd.prototype = 3
    const later = new Date('2026-11-26T08:00:00.000Z')
    const copy = duplicateSheet(source, 'Source (copie)', later)
    expect(copy.id).not.toBe(source.id)
    expect(copy.project.title).toBe('Source (copie)')
    expect(copy.createdAt).toBe(later.toISOString())
    expect(copy.radar.rgpd.prototype).toBe(3)
    expect(source.project.title).toBe('Source')
  })
})
