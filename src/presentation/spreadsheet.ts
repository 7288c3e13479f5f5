// Sheets as a spreadsheet (CSV) that opens by double-click in French Excel and LibreOffice: UTF-8 with a byte-order
// mark (without it Excel reads Windows-1252 and breaks the accents), « ; » between cells (« , » is the decimal
// separator in French), CRLF line ends, decimal commas and dates as jj/mm/aaaa. One row per sheet, in the order
// given. It replaces the workshop's « DEMO EXCEL ».
import { computeIndicators, SCORE_AXES, THEME_IDS } from '@/domain/grid'
import type { Sheet } from '@/domain/sheet'
import { formatNumericDate, formatPlainNumber } from './format'
import { axisName } from './scores'
import { bandName } from './indicators'
import type { Translate } from './translate'
import { THEME_LABELS } from '@/content/theme-labels'

export const SEPARATOR = ';'
export const LINE_END = '\r\n'
export const BYTE_ORDER_MARK = '\uFEFF'

/**
 * A cell a spreadsheet would run as a formula (« =HYPERLINK(…) », « +1 », « -2 », « @SUM », or one starting with a
 * tab or carriage return, which some programs skip before reading « = ») is prefixed with an apostrophe, so it
 * shows as the text it is. Imported titles are untrusted: a sheet from elsewhere must not run anything here.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * A text cell, neutralised; quoted when it holds the separator, a quote or a line break, quotes doubled, as RFC 4180
 * says.
 */
export function cell(value: string): string {
  const safe = neutraliseFormula(value)
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A number cell: not neutralised (a figure the app computed, never text from a file). */
export function numberCell(value: number | null): string {
  return value === null ? '' : formatPlainNumber(value)
}

export function spreadsheetHeader(t: Translate): string[] {
  return [
    t('spreadsheet.title'),
    t('spreadsheet.organisation'),
    t('spreadsheet.author'),
    t('spreadsheet.domain'),
    t('spreadsheet.phase'),
    t('spreadsheet.decision'),
    t('spreadsheet.decidedAt'),
    t('spreadsheet.updatedAt'),
    t('spreadsheet.budget'),
    ...THEME_IDS.flatMap((id) => SCORE_AXES.map((axis) => `${THEME_LABELS[id]} — ${axisName(axis, t)}`)),
    t('spreadsheet.difficulties'),
    t('spreadsheet.difficultyIndex'),
    t('spreadsheet.scaleUpProbability'),
    t('spreadsheet.band'),
  ]
}

/** The cells of one sheet's row, before quoting: texts as typed, numbers in French, empty when not assessed. */
function spreadsheetRow(sheet: Sheet, t: Translate): { text: string[]; numbers: (number | null)[]; tail: string[] } {
  const indicators = computeIndicators(sheet.radar)
  return {
    text: [
      sheet.project.title,
      sheet.organisation,
      sheet.author,
      sheet.project.domain,
      t(`phases.${sheet.phase}`),
      t(`decisions.${sheet.decision.status}`),
      sheet.decision.decidedAt ? formatNumericDate(sheet.decision.decidedAt) : '',
      formatNumericDate(sheet.updatedAt),
    ],
    numbers: [
      sheet.project.budget.total,
      ...THEME_IDS.flatMap((id) => SCORE_AXES.map((axis) => sheet.radar[id][axis])),
      indicators.difficulties,
      indicators.difficultyIndex,
      indicators.scaleUpProbability,
    ],
    tail: [indicators.scaleUpBand ? bandName(indicators.scaleUpBand, t) : ''],
  }
}

/** The whole file's text, byte-order mark included. */
export function sheetsToSpreadsheet(sheets: readonly Sheet[], t: Translate): string {
  const lines = [spreadsheetHeader(t).map(cell).join(SEPARATOR)]
  for (const sheet of sheets) {
    const { text, numbers, tail } = spreadsheetRow(sheet, t)
    lines.push([...text.map(cell), ...numbers.map(numberCell), ...tail.map(cell)].join(SEPARATOR))
  }
  return `${BYTE_ORDER_MARK}${lines.join(LINE_END)}${LINE_END}`
}

