// The restitution, as a facilitator runs it on the production build: a new workshop, six participants' sheets
// imported straight into it, the radars compared, the portfolio matrix, the presentation with its timer, and the
// spreadsheet — each figure checked against the sheets' own indicators (computed by the domain, as a second copy
// of the app in another collectivity would).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { computeIndicators } from '../../src/domain/grid'
import { quadrantOf } from '../../src/domain/portfolio'
import { openSpreadsheet } from './spreadsheet-reader'
import { examples, participants, type BundleSheet } from './participants'

const bundle = { ...examples, sheets: participants }
const complete = participants.filter((sheet) => Object.values(sheet.radar).every((theme) => theme.prototype !== null && theme.scaleUp !== null))
const incomplete = participants.filter((sheet) => !complete.includes(sheet))
const figures = (sheet: BundleSheet) => computeIndicators(sheet.radar)

const QUADRANT_NAMES = {
  'easy-likely': 'Facile à prototyper, généralisation probable',
  'hard-likely': 'Difficile à prototyper, généralisation probable',
  'easy-unlikely': 'Facile à prototyper, généralisation peu probable',
  'hard-unlikely': 'Difficile à prototyper, généralisation peu probable',
} as const

async function expectNoSeriousViolation(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(serious.map((violation) => `${where}: ${violation.id} — ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([])
}

test.use({ viewport: { width: 1280, height: 720 } })

test('a facilitator imports six sheets into a workshop, compares them, places them, presents them and exports them', async ({ page }) => {
  test.setTimeout(120_000)
  const shots = 'test-results/restitution'

  // A new workshop.
  await page.goto('/')
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await page.getByRole('button', { name: 'Nouvel atelier' }).click()
  await page.getByLabel('Nom de l’atelier').fill('Parcours data — séance 3')
  await page.getByLabel('Date de l’atelier').fill('2026-11-25')
  await page.getByLabel('Lieu').fill('Salle du conseil')
  await page.getByRole('button', { name: 'Créer l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours data — séance 3' })).toBeVisible()

  // The participants' file, imported straight into it.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' }).click()
  await (await chooser).setFiles({ name: 'participants.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) })
  await expect(page.getByRole('dialog').getByText('6 fiches ajoutées')).toBeVisible()
  await page.getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByText('6 fiches', { exact: true })).toBeVisible()
  for (const sheet of participants) await expect(page.getByRole('link', { name: sheet.project.title, exact: true })).toBeVisible()
  await expectNoSeriousViolation(page, 'workshop')
  await page.screenshot({ path: `${shots}/workshop.png`, fullPage: true })

  // Radars side by side.
  await page.getByRole('link', { name: 'Comparer les radars' }).click()
  await expect(page.getByRole('img', { name: 'Radar superposé de 6 fiches, Difficulté pour le prototype' })).toBeVisible()
  await page.getByRole('radio', { name: 'Frein au passage à l’échelle' }).check()
  await expect(page.getByRole('img', { name: 'Radar superposé de 6 fiches, Frein au passage à l’échelle' })).toBeVisible()
  const multiples = page.getByRole('region', { name: 'Un radar par fiche' })
  await expect(multiples.getByRole('heading', { level: 3 })).toHaveCount(6)
  const table = page.getByRole('table', { name: /Notes des 10 thèmes/ })
  // Sorted by keyboard: the header's button, then Enter.
  await table.getByRole('button', { name: 'Probabilité de passage à l’échelle' }).focus()
  await page.keyboard.press('Enter')
  await expect(table.getByRole('columnheader', { name: 'Probabilité de passage à l’échelle' })).toHaveAttribute('aria-sort', 'descending')
  const byProbability = [...complete].sort((a, b) => figures(b).scaleUpProbability! - figures(a).scaleUpProbability! || a.project.title.localeCompare(b.project.title, 'fr'))
  const rowTitles = await table.locator('tbody th').allInnerTexts()
  // Complete sheets by decreasing probability (ties by title), the unassessed ones last.
  expect(rowTitles.slice(0, complete.length).map((title) => figures(participants.find((sheet) => sheet.project.title === title)!).scaleUpProbability)).toEqual(
    byProbability.map((sheet) => figures(sheet).scaleUpProbability),
  )
  await expectNoSeriousViolation(page, 'comparison')
  // On A4 paper: no tools, and the table fits the page's width.
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Exporter l’image (PNG)' })).toBeHidden()
  await expect(page.getByRole('img', { name: /Radar superposé de 6 fiches/ })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794)
  await page.screenshot({ path: `${shots}/compare-print.png`, fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: `${shots}/compare.png`, fullPage: true })
  const image = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter l’image (PNG)' }).click()
  const png = readFileSync((await (await image).path())!)
  expect(png.readUInt32BE(16)).toBe(1600)
  expect(png.readUInt32BE(20)).toBe(1000)

  // The portfolio matrix: each complete sheet in the quadrant its indicators say, the incomplete one apart.
  await page.getByRole('link', { name: 'Matrice du portefeuille' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${complete.length} fiches placées sur la matrice.` })).toBeVisible()
  const matrixTable = page.getByRole('region', { name: 'Les fiches placées, en chiffres' }).getByRole('table')
  for (const sheet of complete) {
    const { difficultyIndex, scaleUpProbability } = figures(sheet)
    const row = matrixTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sheet.project.title }) })
    // Who wrote it, then its figures and its quadrant.
    await expect(row.getByRole('cell').nth(0)).toHaveText(sheet.author)
    await expect(row.getByRole('cell').nth(1)).toHaveText(`${difficultyIndex} %`)
    await expect(row.getByRole('cell').nth(2)).toHaveText(`${scaleUpProbability} %`)
    await expect(row.getByRole('cell').nth(3)).toHaveText(QUADRANT_NAMES[quadrantOf(difficultyIndex!, scaleUpProbability!)])
    // And the point itself sits in that part of the drawing.
    const svg = await page.getByRole('group', { name: /Matrice du portefeuille/ }).boundingBox()
    const point = await page.getByRole('link', { name: new RegExp(`^${sheet.project.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} : indice`) }).locator('path').boundingBox()
    const x = ((point!.x + point!.width / 2 - svg!.x) / svg!.width) * 1600
    const y = ((point!.y + point!.height / 2 - svg!.y) / svg!.height) * 1000
    expect(x > 120 + 720).toBe(difficultyIndex! >= 50)
    expect(y < 30 + 425).toBe(scaleUpProbability! >= 50)
  }
  // Filtered by decision: only the prioritised sheets stay on the matrix.
  const prioritised = complete.filter((sheet) => (sheet as unknown as { decision: { status: string } }).decision.status === 'priorise')
  // The filters fold away under the drawing's status line until opened.
  await page.getByText('Filtres', { exact: true }).click()
  await page.getByLabel('Décision', { exact: true }).selectOption({ label: 'Priorisé' })
  await expect(page.getByRole('status').filter({ hasText: `${prioritised.length} fiches placées sur la matrice.` })).toBeVisible()
  await expect(matrixTable.getByRole('rowheader')).toHaveCount(prioritised.length)
  await page.getByRole('button', { name: 'Effacer les filtres' }).click()
  await expect(matrixTable.getByRole('rowheader')).toHaveCount(complete.length)
  const apart = page.getByRole('region', { name: /Radars? incomplets?, non placés?/ })
  for (const sheet of incomplete) await expect(apart.getByRole('link', { name: sheet.project.title })).toBeVisible()
  await expectNoSeriousViolation(page, 'matrix')
  await page.screenshot({ path: `${shots}/matrix.png`, fullPage: true })

  // By keyboard, a point opens its sheet.
  const first = complete[0]!
  await page.getByRole('link', { name: new RegExp(`^${first.project.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} : indice`) }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/fiches/${first.id}$`))
  await page.goBack()

  // The presentation: arrows move, the timer counts down and pauses, Esc leaves.
  await page.getByRole('link', { name: 'Présenter' }).click()
  await expect(page.getByText('Fiche 1 sur 6')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: participants[0]!.project.title })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Fiche 2 sur 6')).toBeVisible()
  await page.keyboard.press('PageDown')
  await expect(page.getByText('Fiche 3 sur 6')).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByText('Fiche 2 sur 6')).toBeVisible()
  await page.keyboard.press('End')
  await expect(page.getByText('Fiche 6 sur 6')).toBeVisible()
  await page.keyboard.press('Home')
  await expect(page.getByText('Fiche 1 sur 6')).toBeVisible()
  const timer = page.getByRole('region', { name: 'Restitution' })
  await expect(timer.getByText('3:00')).toBeVisible()
  await page.keyboard.press('t')
  await expect(timer.getByText('En cours')).toBeVisible()
  await expect(timer.getByText('2:58')).toBeVisible({ timeout: 5_000 })
  await timer.getByRole('button', { name: 'Pause — Restitution' }).click()
  await expect(timer.getByText('À l’arrêt')).toBeVisible()
  const digits = timer.locator('p').nth(1)
  const paused = await digits.innerText()
  await page.waitForTimeout(1_500)
  await expect(digits).toHaveText(paused)
  await timer.getByRole('button', { name: 'Réinitialiser — Restitution' }).click()
  await expect(timer.getByText('3:00')).toBeVisible()
  await expectNoSeriousViolation(page, 'presentation')
  await page.screenshot({ path: `${shots}/presentation-1280x720.png` })
  // Full screen on request (a click is the gesture browsers want); Esc, which the browser takes to leave full
  // screen, also ends the presentation.
  const fullScreenButton = page.getByRole('button', { name: 'Plein écran' })
  // The click that opened the presentation may already have been enough for the browser.
  if (await fullScreenButton.isVisible()) await fullScreenButton.click()
  await expect(fullScreenButton).toBeHidden()
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label'))).toBe('Présenter')
  // Esc goes back where the presentation was opened from: the matrix.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { level: 1, name: 'Matrice du portefeuille — Parcours data — séance 3' })).toBeVisible()
  await page.getByRole('link', { name: '← Retour à l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours data — séance 3' })).toBeVisible()

  // The spreadsheet: one row per sheet with its own figures.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Tableur (CSV)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('atelier-parcours-data-seance-3.csv')
  const path = join(mkdtempSync(join(tmpdir(), 'csv-')), file.suggestedFilename())
  await file.saveAs(path)
  const rows = openSpreadsheet(path)
  expect(rows).toHaveLength(7)
  expect(rows.slice(1).map((row) => row[0]!.text)).toEqual(participants.map((sheet) => sheet.project.title))
  for (const [index, sheet] of participants.entries()) {
    const row = rows[index + 1]!
    const { difficulties, difficultyIndex, scaleUpProbability } = figures(sheet)
    expect(row[29]!.text).toBe(String(difficulties))
    expect(row[30]!.text).toBe(difficultyIndex === null ? '' : String(difficultyIndex))
    expect(row[31]!.text).toBe(scaleUpProbability === null ? '' : String(scaleUpProbability))
  }
})

test('sheets ticked in the library join a new workshop, which travels as one file and comes back as a workshop', async ({ page }) => {
  await page.goto('/')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
  await (await chooser).setFiles({ name: 'participants.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) })
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  for (const sheet of participants.slice(0, 2)) await page.getByRole('checkbox', { name: new RegExp(sheet.project.title.slice(0, 30)) }).check()
  await page.getByRole('button', { name: 'Ajouter à un atelier…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Ajouter les 2 fiches sélectionnées à un atelier' })
  await dialog.getByRole('button', { name: 'Ajouter' }).click()
  await expect(dialog.getByText('Donnez un nom au nouvel atelier.')).toBeVisible()
  await dialog.getByLabel('Nom du nouvel atelier').fill('Commission éducation')
  await dialog.getByRole('button', { name: 'Ajouter' }).click()
  await expect(page.getByText('2 fiches ajoutées à l’atelier « Commission éducation ».')).toBeVisible()

  // The library filtered by that workshop.
  await page.getByLabel('Atelier').selectOption({ label: 'Commission éducation' })
  await expect(page.getByRole('article')).toHaveCount(2)

  // Exported as one file with its workshop, deleted, imported back: the workshop returns with its two sheets.
  await page.getByRole('button', { name: 'Ouvrir l’atelier' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter l’atelier (JSON)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('atelier-commission-education.json')
  const text = readFileSync((await file.path())!, 'utf8')
  const exported = JSON.parse(text)
  expect(exported.workshop.title).toBe('Commission éducation')
  // In the library's order, as they were ticked there.
  expect(exported.sheets.map((sheet: BundleSheet) => sheet.id).sort()).toEqual(participants.slice(0, 2).map((sheet) => sheet.id).sort())
  await page.getByRole('button', { name: 'Supprimer l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ateliers' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Commission éducation' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Mes fiches' }).click()
  const again = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
  await (await again).setFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByRole('dialog').getByText('Les fiches de l’atelier « Commission éducation » sont dans vos ateliers.')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await page.getByRole('link', { name: 'Commission éducation' }).click()
  await expect(page.getByText('2 fiches', { exact: true })).toBeVisible()
  await expectNoSeriousViolation(page, 'workshop received')
})

test('when the browser refuses full screen, the presentation covers the window and says how to get full screen', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'))
  })
  await page.goto('/')
  await page.getByRole('button', { name: 'Charger les exemples' }).click()
  await page.getByRole('checkbox', { name: /Cartographier l’offre de santé/ }).check()
  await page.getByRole('button', { name: 'Présenter la fiche sélectionnée' }).click()
  await expect(page.getByText('Plein écran refusé : cliquez « Plein écran » ou appuyez sur F11.')).toBeVisible()
  const stage = await page.getByRole('region', { name: 'Présenter' }).boundingBox()
  expect(stage).toEqual({ x: 0, y: 0, width: 1280, height: 720 })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes fiches' })).toBeVisible()
})

test('a workshop of more than 8 sheets compares the 8 the facilitator ticks', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Charger les exemples' }).click()
  await expect(page.getByText(/17 fiches d’exemple ajoutées/)).toBeVisible()
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await page.getByRole('link', { name: 'Atelier des exemples' }).click()
  await page.getByRole('link', { name: 'Comparer les radars' }).click()
  const choice = page.getByRole('group', { name: 'Fiches à comparer (8 au plus)' })
  await expect(choice.getByText('8 fiches cochées sur 8 possibles.')).toBeVisible()
  await expect(choice.getByRole('checkbox', { checked: true })).toHaveCount(8)
  await expect(choice.getByRole('checkbox', { disabled: true })).toHaveCount(9)
  await expect(page.getByRole('img', { name: 'Radar superposé de 8 fiches, Difficulté pour le prototype' })).toBeVisible()
  await choice.getByRole('checkbox', { checked: true }).first().uncheck()
  await expect(choice.getByText('7 fiches cochées sur 8 possibles.')).toBeVisible()
  await expect(page.getByRole('img', { name: 'Radar superposé de 7 fiches, Difficulté pour le prototype' })).toBeVisible()
  await expect(choice.getByRole('checkbox', { disabled: true })).toHaveCount(0)
  await expectNoSeriousViolation(page, 'comparison with a choice of sheets')

  // « Retirer les exemples » takes them all away in one action, and « Annuler » brings them back.
  await page.getByRole('link', { name: 'Mes fiches' }).click()
  await page.getByRole('button', { name: 'Retirer les exemples (17)' }).click()
  await expect(page.getByText('17 fiches d’exemple retirées.')).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(0)
  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(page.getByRole('article')).toHaveCount(17)
})
