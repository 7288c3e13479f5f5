// A committee's case over months (format v3): a sheet decided « En réserve » is « Dépriorisé », then « Réactivé »;
// each earlier decision stays on the sheet with its date, reason and source, a mistaken change is undone, and the
// sheet's short name (« Téléphonie mobile ») names it in the vote's set-up, the matrix and the comparison. The whole
// history travels in the exported file and shows the same in a fresh profile.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations, importFiles } from './helpers'

const FIXTURE = 'tests/fixtures/v2/atelier-v2-complet.json'
const TITLE = 'Analyser les flux de déplacements à partir des données de téléphonie mobile'
const WORKSHOP = 'Parcours data — atelier 3'

async function expectSaved(page: Page) {
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
}

function historyLines(page: Page) {
  return page.getByRole('region', { name: 'Historique des décisions' }).getByRole('listitem')
}

test('a decision’s history and a short name, kept on the sheet, used by the vote, the matrix and the comparison, and carried by the file', async ({ page, browser }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/')
  await importFiles(page, [FIXTURE])
  await expect(page.getByRole('dialog').getByText('4 fiches ajoutées')).toBeVisible()
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

  // A short name, then the decision of the v2 file (« En réserve », no source) replaced by a person's.
  await page.getByLabel('Nom court').fill('Téléphonie mobile')
  const status = page.getByLabel('Statut de la décision')
  await expect(status).toHaveValue('reserve')
  await status.selectOption({ label: 'Dépriorisé' })
  await expect(page.getByText('La décision « En réserve » est gardée dans l’historique de la fiche.')).toBeVisible()
  await page.getByLabel('Motif').fill('Coût des données des opérateurs hors de portée cette année.')
  await expect(historyLines(page)).toHaveCount(2)
  // Réactivé: the deprioritisation, which has its reason, joins the history.
  await status.selectOption({ label: 'Réactivé' })
  await page.getByLabel('Motif').fill('Un opérateur propose ses données de mobilité à titre gracieux.')
  await expect(historyLines(page)).toHaveCount(3)
  await expect(historyLines(page).nth(0)).toContainText(/^Réactivé \(en vigueur\) — \d{1,2} \S+ \d{4} — saisie sur la fiche/)
  await expect(historyLines(page).nth(1)).toContainText('Dépriorisé')
  await expect(historyLines(page).nth(1)).toContainText('Coût des données des opérateurs hors de portée cette année.')
  await expect(historyLines(page).nth(2)).toHaveText('En réserve')

  // A mistaken change, undone with « Annuler »: the decision and its history as they were.
  await status.selectOption({ label: 'Écarté' })
  const kept = page.getByRole('status').getByText('La décision « Réactivé » est gardée dans l’historique de la fiche.')
  await expect(kept).toBeVisible()
  // The « Annuler » of that very notification (earlier ones may still be shown).
  await kept.locator('xpath=..').getByRole('button', { name: 'Annuler' }).click()
  await expect(status).toHaveValue('reactive')
  await expect(page.getByLabel('Motif')).toHaveValue('Un opérateur propose ses données de mobilité à titre gracieux.')
  await expect(historyLines(page)).toHaveCount(3)
  await expectSaved(page)
  await expectNoSeriousViolations(page, 'sheet with a decision history')
  await page.getByRole('region', { name: 'Historique des décisions' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/decision-history/sheet.png' })

  // The library card says the decision in force.
  await page.goto('/')
  await expect(page.getByRole('article').filter({ hasText: TITLE }).getByText('Réactivé')).toBeVisible()

  // The vote's set-up names the case by its short name.
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await page.getByRole('link', { name: WORKSHOP }).click()
  await page.getByRole('button', { name: 'Organiser un vote' }).click()
  const mobilites = page.getByRole('listitem').filter({ has: page.getByText('Mobilités', { exact: true }) })
  await expect(mobilites.getByRole('listitem')).toHaveText(['Téléphonie mobile'])
  await page.getByRole('button', { name: 'Annuler' }).click()

  // The comparison and the matrix too.
  await page.getByRole('link', { name: 'Comparer les radars' }).click()
  await expect(page.getByRole('table', { name: /Notes des 10 thèmes/ }).getByRole('rowheader', { name: 'Téléphonie mobile' })).toBeVisible()
  await page.getByRole('link', { name: 'Matrice du portefeuille' }).click()
  const matrix = page.getByRole('region', { name: 'Les fiches placées, en chiffres' }).getByRole('table')
  const placed = matrix.getByRole('rowheader', { name: 'Téléphonie mobile' })
  const apart = page.getByRole('region', { name: /Radars? incomplets?, non placés?/ }).getByRole('link', { name: 'Téléphonie mobile' })
  await expect(placed.or(apart)).toBeVisible()

  // The file carries the short name and the whole history.
  await page.goto('/')
  await page.getByRole('link', { name: TITLE }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter la fiche (JSON)' }).click()
  const path = (await (await download).path())!
  const exported = JSON.parse(readFileSync(path, 'utf8'))
  expect(exported.version).toBe(3)
  const [sheet] = exported.sheets
  expect(sheet.project.shortLabel).toBe('Téléphonie mobile')
  expect(sheet.decision).toMatchObject({
    status: 'reactive',
    reason: 'Un opérateur propose ses données de mobilité à titre gracieux.',
    source: 'personne',
  })
  expect(sheet.decision.history).toEqual([
    { status: 'reserve', reason: '', decidedAt: null, source: null },
    { status: 'depriorise', reason: 'Coût des données des opérateurs hors de portée cette année.', decidedAt: sheet.decision.decidedAt, source: 'personne' },
  ])

  // In a fresh profile, on a phone: the same history, readable at 360 px.
  const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })
  const phone = await fresh.newPage()
  await phone.goto('/')
  await importFiles(phone, [path])
  await expect(phone.getByRole('dialog').getByText('1 fiche ajoutée')).toBeVisible()
  await phone.getByRole('button', { name: 'Fermer' }).click()
  await phone.getByRole('link', { name: TITLE }).click()
  await expect(historyLines(phone)).toHaveCount(3)
  await expect(historyLines(phone).nth(1)).toContainText('Coût des données des opérateurs hors de portée cette année.')
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectNoSeriousViolations(phone, 'decision history at 360 px')
  await phone.getByRole('region', { name: 'Historique des décisions' }).scrollIntoViewIfNeeded()
  await phone.screenshot({ path: 'test-results/decision-history/phone.png' })
  await fresh.close()
})
