// The selection as a spreadsheet, as a facilitator downloads it: the file a French Excel or LibreOffice opens by
// double-click, with the sheets' own figures. Where LibreOffice is installed the file is opened by Calc itself.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { importFiles } from './helpers'
import { hasLibreOffice, openSpreadsheet } from './spreadsheet-reader'

const example = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname

/** The workshop's file with one more sheet whose title and organisation a spreadsheet would run as formulas. */
function bundleWithHostileSheet(): Buffer {
  const bundle = JSON.parse(readFileSync(example('fiches-atelier.json'), 'utf8'))
  const hostile = structuredClone(bundle.sheets[0])
  hostile.id = '0b7f0a4e-2c1d-4e3f-9a8b-7c6d5e4f3a2b'
  hostile.project.title = '=HYPERLINK("http://exemple.invalid";"Cliquez ici")'
  hostile.organisation = '+33 1 23 45 67 89'
  bundle.sheets.push(hostile)
  return Buffer.from(JSON.stringify(bundle))
}

test('the selected sheets download as a CSV that French spreadsheets open, with each sheet’s figures', async ({ page }) => {
  test.info().annotations.push({ type: 'reader', description: hasLibreOffice ? 'LibreOffice Calc' : 'RFC 4180 text' })
  await page.goto('/')
  await importFiles(page, [{ name: 'atelier.json', mimeType: 'application/json', buffer: bundleWithHostileSheet() }])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('button', { name: /^Tout sélectionner/ }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter les 5 fiches sélectionnées en tableur (CSV)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^fiches-\d{4}-\d{2}-\d{2}\.csv$/)
  // The notice names the file (it goes after 10 s, and opening the file with LibreOffice can take longer).
  await expect(page.getByRole('status').filter({ hasText: /\.csv/ })).toBeVisible()
  const path = join(mkdtempSync(join(tmpdir(), 'csv-')), file.suggestedFilename())
  await file.saveAs(path)
  expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

  const rows = openSpreadsheet(path)
  expect(rows).toHaveLength(6)
  const header = rows[0]!.map((cell) => cell.text)
  expect(header.slice(0, 6)).toEqual(['Titre', 'Collectivité', 'Auteur', 'Domaine', 'Phase', 'Décision (statut)'])
  expect(header[9]).toBe('Datamining — Difficulté pour le prototype')
  expect(header[31]).toBe('Probabilité de passage à l’échelle (%)')

  // Accented titles intact; each row's figures are those its library card shows.
  const titles = rows.slice(1).map((row) => row[0]!.text)
  expect(titles).toContain('Cartographier l’offre de santé et projeter les besoins territoriaux')
  expect(titles).toContain('Optimiser l’usage des bâtiments scolaires')
  for (const row of rows.slice(1)) {
    const title = row[0]!.text.replace(/^'/, '')
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })
    const probability = row[31]!.text
    await expect(card.first()).toContainText(probability === '' ? 'Passage à l’échelle : non évalué' : `Passage à l’échelle : ${probability} %`)
    if (hasLibreOffice && probability !== '') expect(row[31]!.type).toBe('float')
    // Scores are numbers (0 to 4) or empty, never text.
    for (const score of row.slice(9, 29)) expect(hasLibreOffice ? ['float', 'empty'] : ['text-only', 'empty']).toContain(score.type)
  }

  // The hostile cells read as the text they are, never as formulas.
  const hostile = rows.find((row) => row[0]!.text.includes('HYPERLINK'))!
  expect(hostile[0]!.text).toBe('\'=HYPERLINK("http://exemple.invalid";"Cliquez ici")')
  expect(hostile[1]!.text).toBe("'+33 1 23 45 67 89")
  expect(hostile.some((cell) => cell.formula)).toBe(false)
  if (hasLibreOffice) expect(hostile[0]!.type).toBe('string')
})
