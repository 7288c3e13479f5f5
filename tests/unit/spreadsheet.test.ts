import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExchangeFile } from '@/domain/exchange'
import { computeIndicators, THEME_IDS } from '@/domain/grid'
import { createSheet, type Sheet } from '@/domain/sheet'
import {
  BYTE_ORDER_MARK,
  neutraliseFormula,
  sheetsToSpreadsheet,
  spreadsheetHeader,
} from '@/presentation/spreadsheet'
import { testTranslate } from '../i18n'

const { t } = testTranslate()

/** Reads CSV as a spreadsheet does: « ; » between cells, CRLF between rows, quoted cells with doubled quotes. */
function readAsSpreadsheet(text: string): string[][] {
  expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true)
  const body = text.slice(1)
  const rows: string[][] = []
  let row: string[] = []
  let value = ''
  let quoted = false
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        value += '"'
        index++
      } else if (char === '"') quoted = false
      else value += char
    } else if (char === '"') quoted = true
    else if (char === ';') {
      row.push(value)
      value = ''
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(value)
      rows.push(row)
      row = []
      value = ''
      index++
    } else value += char
  }
  expect(value).toBe('')
  return rows
}

const atelier = (() => {
  const parsed = parseExchangeFile(readFileSync(new URL('../fixtures/examples/fiches-atelier.json', import.meta.url), 'utf8'))
  if (!parsed.ok) throw new Error('example')
  return parsed.sheets
})()

describe('the spreadsheet export', () => {
  it('has a header of 9 identity cells, the 20 scores and the indicators', () => {
    const header = spreadsheetHeader(t)
    expect(header).toHaveLength(9 + 20 + 4)
    expect(header.slice(0, 3)).toEqual(['Titre', 'Collectivité', 'Auteur'])
    expect(header[9]).toBe('Datamining — Difficulté pour le prototype')
    expect(header[28]).toBe('Environnement — Frein au passage à l’échelle')
    expect(header.slice(-4)).toEqual([
      'Difficultés à surmonter',
      'Indice de difficulté (%)',
      'Probabilité de passage à l’échelle (%)',
      'Niveau de probabilité',
    ])
  })

  it('writes UTF-8 with a BOM, « ; », CRLF, one row per sheet with its own figures', () => {
    const text = sheetsToSpreadsheet(atelier, t)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/)
    const rows = readAsSpreadsheet(text)
    expect(rows).toHaveLength(1 + atelier.length)
    rows.slice(1).forEach((row, index) => {
      const sheet = atelier[index]!
      const indicators = computeIndicators(sheet.radar)
      expect(row).toHaveLength(33)
      expect(row[0]).toBe(sheet.project.title)
      expect(row[1]).toBe(sheet.organisation)
      const scores = THEME_IDS.flatMap((id) => [sheet.radar[id].prototype, sheet.radar[id].scaleUp])
      expect(row.slice(9, 29)).toEqual(scores.map((score) => (score === null ? '' : String(score))))
      expect(row[29]).toBe(String(indicators.difficulties))
      expect(row[30]).toBe(indicators.difficultyIndex === null ? '' : String(indicators.difficultyIndex))
      expect(row[31]).toBe(indicators.scaleUpProbability === null ? '' : String(indicators.scaleUpProbability))
    })
    // Accented titles intact.
    expect(rows[1]![0]).toContain('é')
  })

  it('writes decimal commas, dates as jj/mm/aaaa, words for phase, decision and band, empty cells when not assessed', () => {
    const sheet: Sheet = createSheet({ title: 'Budget décimal', now: new Date('2026-03-02T10:00:00.000Z') })
    sheet.project.budget.total = 1234.5
    sheet.decision = { status: 'priorise', reason: '', decidedAt: '2026-02-19', source: 'personne', history: [] }
    sheet.radar.rgpd.prototype = 3
    sheet.radar.rgpd.scaleUp = 1
    const [, row] = readAsSpreadsheet(sheetsToSpreadsheet([sheet], t))
    expect(row!.slice(4, 9)).toEqual(['Idée', 'Priorisé', '19/02/2026', '02/03/2026', '1234,5'])
    expect(row![9]).toBe('')
    expect(row![9 + 2 * 7]).toBe('3')
    expect(row!.slice(-4)).toEqual(['1', '75', '75', 'élevée'])
  })

  it('neutralises every cell a spreadsheet would run as a formula, and quotes separators and line breaks', () => {
    const sheet = createSheet({ title: '=HYPERLINK("http://exemple.invalid";"clic")' })
    sheet.organisation = '+33 1 23'
    sheet.author = '-2+3'
    sheet.project.domain = '@SOMME(A1:A2)'
    // A valid sheet's texts are trimmed, so a leading tab is gone and the « = » behind it is what is caught.
    const tabbed = createSheet({ title: '\t=1+1' })
    tabbed.organisation = '\r=1+1'
    tabbed.author = 'Ligne 1\nLigne 2; suite'
    const rows = readAsSpreadsheet(sheetsToSpreadsheet([sheet, tabbed], t))
    expect(rows[1]!.slice(0, 4)).toEqual(['\'=HYPERLINK("http://exemple.invalid";"clic")', "'+33 1 23", "'-2+3", "'@SOMME(A1:A2)"])
    expect(rows[2]!.slice(0, 3)).toEqual(["'=1+1", "'\r=1+1", 'Ligne 1\nLigne 2; suite'])
    expect(neutraliseFormula('\t=1+1')).toBe("'\t=1+1")
    // No cell of any row starts with a formula character.
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/)
    expect(neutraliseFormula('Mobilité')).toBe('Mobilité')
    expect(neutraliseFormula('')).toBe('')
  })
})
