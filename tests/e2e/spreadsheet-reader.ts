// Reads a CSV file as a French spreadsheet opens it. With LibreOffice installed (`soffice`, or SOFFICE_PATH), the
// file is converted headless with the import settings a double-click in a French LibreOffice proposes (« ; »,
// UTF-8, French locale) and the cells come back with the type Calc gave them; without it, the text is split as
// RFC 4180 says and every cell is text.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export interface SpreadsheetCell {
  /** As Calc typed it: a number, a date, text, or empty. */
  type: 'float' | 'date' | 'string' | 'empty' | 'text-only'
  text: string
  /** The number a float cell holds, or the ISO day of a date cell. */
  value?: string
  /** True when Calc reads the cell as a formula. */
  formula: boolean
}

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice'
export const hasLibreOffice = existsSync(SOFFICE)

function decodeXml(text: string): string {
  return text
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, count: string | undefined) => ' '.repeat(Number(count ?? 1)))
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
}

function readWithLibreOffice(path: string): SpreadsheetCell[][] {
  const outDir = mkdtempSync(join(tmpdir(), 'calc-'))
  // 59 = « ; », 34 = « " », 76 = UTF-8, line 1, standard cell format, language 1036 = French (France).
  execFileSync(SOFFICE, ['--headless', '--infilter=CSV:59,34,76,1,,1036', '--convert-to', 'fods', '--outdir', outDir, path], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  const xml = readFileSync(join(outDir, basename(path).replace(/\.csv$/, '.fods')), 'utf8')
  const rows: SpreadsheetCell[][] = []
  for (const [, rowXml] of xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: SpreadsheetCell[] = []
    for (const [, attributes, , content] of rowXml!.matchAll(/<table:table-cell([^>]*?)(\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes!)?.[1] ?? 1)
      const type = (/office:value-type="(\w+)"/.exec(attributes!)?.[1] ?? 'empty') as SpreadsheetCell['type']
      const value = /office:(?:date-)?value="([^"]*)"/.exec(attributes!)?.[1]
      const text = [...(content ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map(([, p]) => decodeXml(p!)).join('\n')
      const cell: SpreadsheetCell = { type, text, value, formula: /table:formula=/.test(attributes!) }
      // Calc writes the empty cells that close a row as one repeated cell; the file's last column is what counts.
      for (let index = 0; index < Math.min(repeat, 64); index++) cells.push(cell)
    }
    rows.push(cells)
  }
  return rows
}

function readAsText(path: string): SpreadsheetCell[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n$/, '')
  return text.split('\r\n').map((line) =>
    [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map(([, raw]) => {
      const value = raw!.replace(/^"|"$/g, '').replaceAll('""', '"')
      return { type: value === '' ? 'empty' : 'text-only', text: value, formula: false }
    }),
  )
}

/** The file's rows and cells, as LibreOffice Calc reads them when it is installed. */
export function openSpreadsheet(path: string): SpreadsheetCell[][] {
  return hasLibreOffice ? readWithLibreOffice(path) : readAsText(path)
}
