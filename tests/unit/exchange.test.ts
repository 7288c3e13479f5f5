import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  exceedsDepth,
  parseExchangeFile,
  sameSheet,
  serializeSheets,
  type ImportProblem,
} from '@/domain/exchange'
import { slugify } from '@/domain/titles'
import { migrate, type MigrationRegistry } from '@/domain/migrations'
import { createSheet } from '@/domain/sheet'

const example = (name: string) => readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')
const now = new Date('2026-11-25T10:00:00.000Z')

function envelope(sheets: unknown[], changes: Record<string, unknown> = {}) {
  return JSON.stringify({ format: 'fiche-projet-data', version: 1, exportedAt: now.toISOString(), sheets, ...changes })
}

function problemsOf(text: string): ImportProblem[] {
  const result = parseExchangeFile(text)
  return result.ok ? [] : result.problems
}

describe('parseExchangeFile', () => {
  it('reads the public examples', () => {
    const one = parseExchangeFile(example('fiche-sante.json'))
    expect(one.ok && one.sheets.map((sheet) => sheet.organisation)).toEqual(['Département exemple'])
    const many = parseExchangeFile(example('fiches-atelier.json'))
    expect(many.ok && many.sheets).toHaveLength(4)
  })

  it.each([
    ['an empty file', '', 'empty'],
    ['blanks only', '  \n', 'empty'],
    ['text that is not JSON', 'Bonjour,\nvoici ma fiche', 'not-json'],
    ['a JSON array', '[]', 'not-our-format'],
    ['another format', envelope([], { format: 'pia' }), 'not-our-format'],
    ['a version that is not an integer', envelope([], { version: '1' }), 'bad-version'],
    ['no sheets', envelope([]), 'no-sheets'],
  ])('refuses %s', (_, text, kind) => {
    expect(problemsOf(text)).toEqual([expect.objectContaining({ kind })])
  })

  it('refuses a file from a newer version of the app, saying which version', () => {
    expect(problemsOf(envelope([createSheet({ title: 'X' })], { version: 4 }))).toEqual([
      { kind: 'newer-version', version: 4 },
    ])
  })

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(problemsOf(deep)).toEqual([{ kind: 'too-deep' }])
    expect(exceedsDepth({ a: { b: { c: 1 } } }, 3)).toBe(false)
    expect(exceedsDepth({ a: { b: { c: {} } } }, 3)).toBe(true)
  })

  it('names the sheet, by number and title, and the field of each problem', () => {
    const good = createSheet({ title: 'Bonne fiche' })
    const bad: any = structuredClone(createSheet({ title: 'Mobilité rurale' }))
    bad.radar.cybersecurite.prototype = 5
    bad.project.calendar = { start: '2026-06-01', end: '2026-05-01', milestones: [] }
    expect(problemsOf(envelope([good, createSheet({ title: 'Autre' }), bad]))).toEqual([
      { kind: 'sheet', sheetNumber: 3, sheetTitle: 'Mobilité rurale', issue: { path: 'project.calendar.end', code: 'endBeforeStart' } },
      { kind: 'sheet', sheetNumber: 3, sheetTitle: 'Mobilité rurale', issue: { path: 'radar.cybersecurite.prototype', code: 'score' } },
    ])
  })

  it('refuses a blank title and a missing theme', () => {
    const sheet: any = structuredClone(createSheet({ title: 'X' }))
    sheet.project.title = '  '
    delete sheet.radar.rgpd
    expect(problemsOf(envelope([sheet])).map((problem) => (problem.kind === 'sheet' ? problem.issue : problem))).toEqual([
      { path: 'project.title', code: 'required' },
      { path: 'radar.rgpd', code: 'missing' },
    ])
  })

  it('refuses two sheets with the same id in one file', () => {
    const sheet = createSheet({ title: 'X' })
    expect(problemsOf(envelope([sheet, sheet]))).toEqual([
      expect.objectContaining({ sheetNumber: 2, issue: { path: 'id', code: 'duplicateId' } }),
    ])
  })

  it('drops __proto__ and constructor keys without polluting objects', () => {
    const text = envelope([createSheet({ title: 'X' })]).replace(
      '"project":{',
      '"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"project":{"__proto__":{"polluted":1},',
    )
    const result = parseExchangeFile(text)
    expect(result.ok).toBe(true)
    const sheet = result.ok ? (result.sheets[0] as unknown as Record<string, unknown>) : {}
    expect(Object.keys(sheet)).not.toContain('__proto__')
    expect(Object.keys(sheet)).not.toContain('constructor')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(sheet)).toBe(Object.prototype)
  })
})

describe('serializeSheets', () => {
  it('writes the current (v3) envelope, pretty-printed, identical for the same sheets', () => {
    const sheet = createSheet({ title: 'Mobilité', now })
    const text = serializeSheets([sheet], now)
    expect(text).toBe(serializeSheets([structuredClone(sheet)], now))
    expect(text.startsWith('{\n  "format": "fiche-projet-data",\n  "version": 3,\n  "exportedAt": "2026-11-25T10:00:00.000Z"')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('puts keys in the schema order whatever order the sheet had', () => {
    const sheet = createSheet({ title: 'Ordre', now })
    const shuffled = Object.fromEntries(Object.entries(sheet).reverse()) as typeof sheet
    expect(serializeSheets([shuffled], now)).toBe(serializeSheets([sheet], now))
  })

  it('round-trips the public examples byte for byte after a first export', () => {
    const parsed = parseExchangeFile(example('fiches-atelier.json'))
    if (!parsed.ok) throw new Error('example should parse')
    const exported = serializeSheets(parsed.sheets, now)
    const again = parseExchangeFile(exported)
    expect(again.ok && serializeSheets(again.sheets, now)).toBe(exported)
  })
})

describe('file names and identity', () => {
  it('names files as the format says', () => {
    expect(slugify('   ')).toBe('sans-titre')
  })

  it('tells identical sheets from different ones', () => {
    const sheet = createSheet({ title: 'X' })
    const changed = structuredClone(sheet)
    changed.radar.rgpd.comment = 'à revoir'
    expect(sameSheet(sheet, structuredClone(sheet))).toBe(true)
    expect(sameSheet(sheet, changed)).toBe(false)
  })
})

describe('migrate', () => {
  it('leaves a current file as it is', () => {
    const file = { version: 3, sheets: [] }
    expect(migrate(file)).toBe(file)
  })

  it('applies the steps one version at a time up to the target', () => {
    const registry: MigrationRegistry = {
      1: (file) => ({ ...file, version: 2, steps: ['1→2'] }),
      2: (file) => ({ ...file, version: 3, steps: [...(file.steps as string[]), '2→3'] }),
    }
    expect(migrate({ version: 1 }, registry, 3)).toEqual({ version: 3, steps: ['1→2', '2→3'] })
    expect(migrate({ version: 2, steps: [] }, registry, 3)).toEqual({ version: 3, steps: ['2→3'] })
  })

  it('fails loudly when a step is missing, since that is a bug in the app', () => {
    expect(() => migrate({ version: 1 }, {}, 2)).toThrow('No migration from format version 1')
  })
})

describe('slugify', () => {
  it('cuts long titles between words', () => {
    expect(slugify('Cartographier l’offre de santé et projeter les besoins territoriaux')).toBe(
      'cartographier-l-offre-de-sante-et-projeter-les-besoins',
    )
    expect(slugify('x'.repeat(80))).toHaveLength(60)
  })
})

describe('splitForExport', () => {
  it('keeps a library in one file while it fits, and splits it into files that each import back', async () => {
    const { splitForExport, serializeSheets, MAX_FILE_BYTES } = await import('@/domain/exchange')
    const { createSheet } = await import('@/domain/sheet')
    const sheets = Array.from({ length: 7 }, (_, index) => createSheet({ title: `Fiche ${index}` }))
    expect(splitForExport(sheets)).toEqual([sheets])
    const bySheets = splitForExport(sheets, { maxSheets: 3 })
    expect(bySheets.map((part) => part.length)).toEqual([3, 3, 1])
    expect(bySheets.flat()).toEqual(sheets)
    // By size: the estimate of a sheet's bytes in the file is what serializing really gives.
    const oneFile = serializeSheets(sheets.slice(0, 2), new Date('2026-11-25T10:00:00Z'))
    const byBytes = splitForExport(sheets, { maxBytes: new TextEncoder().encode(oneFile).length })
    expect(byBytes.every((part) => part.length <= 2)).toBe(true)
    expect(byBytes.flat()).toEqual(sheets)
    expect(MAX_FILE_BYTES).toBeGreaterThan(45 * 1024 * 1024)
  })
})
