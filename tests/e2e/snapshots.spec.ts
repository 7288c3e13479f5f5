// A sheet's radar over time (format v2): score, save the state, change the scores, overlay the saved state, reload
// and find both; then the offer made when the phase changes. Found by role and label, as a person finds them.
import { expect, test, type Page } from '@playwright/test'

const score = (page: Page, group: string, level: string) =>
  page.getByRole('group', { name: group }).getByLabel(level, { exact: true }).check()

const radarTable = (page: Page) => page.getByRole('table', { name: 'Notes du radar des enjeux Data' })

/** The text of the cells of a theme's row in the radar's table (its accessible version). */
async function rowOf(page: Page, theme: string): Promise<string[]> {
  const row = radarTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) })
  return row.getByRole('cell').allTextContents()
}

test('a saved state of the radar is overlaid on the current one, and both survive a reload', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await page.getByLabel('Titre du projet').fill('Cantines scolaires')
  await score(page, 'RGPD — Difficulté pour le prototype', '3 Fort')
  await score(page, 'RGPD — Frein au passage à l’échelle', '4 Critique')
  await score(page, 'Budget / achat de données — Difficulté pour le prototype', '2 Modéré')

  const states = page.getByRole('region', { name: 'États du radar' })
  await states.getByLabel('Nom de l’état (facultatif)').fill('Premier atelier')
  await states.getByRole('button', { name: 'Enregistrer l’état du radar' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'État du radar enregistré : Premier atelier' })).toBeVisible()

  // The project moves on: the risk on personal data is lowered.
  await score(page, 'RGPD — Difficulté pour le prototype', '1 Faible')
  await score(page, 'RGPD — Frein au passage à l’échelle', '2 Modéré')

  const overlay = states.getByRole('group', { name: 'Superposer au radar' })
  await overlay.getByLabel(/^Premier atelier, /).check()
  await expect(page.getByRole('img', { name: /en pointillés, état du / })).toBeVisible()
  expect(await rowOf(page, 'RGPD')).toEqual(['1 — Faible', '2 — Modéré', '3 — Fort', '4 — Critique'])

  await page.reload()
  const statesAgain = page.getByRole('region', { name: 'États du radar' })
  const overlayAgain = statesAgain.getByRole('group', { name: 'Superposer au radar' })
  await expect(overlayAgain.getByLabel(/^Premier atelier, .* Phase : Idée$/)).toBeVisible()
  // The current scores are the new ones; the saved state still holds the old ones.
  expect(await rowOf(page, 'RGPD')).toEqual(['1 — Faible', '2 — Modéré'])
  await overlayAgain.getByLabel(/^Premier atelier, /).check()
  expect(await rowOf(page, 'RGPD')).toEqual(['1 — Faible', '2 — Modéré', '3 — Fort', '4 — Critique'])
  expect(await rowOf(page, 'Budget / achat de données')).toEqual(['2 — Modéré', 'Non évalué', '2 — Modéré', 'Non évalué'])
  await page.getByRole('img', { name: /en pointillés, état du / }).screenshot({ path: 'test-results/snapshots/overlay-chart.png' })

  // Removing it is undone from the notification.
  await statesAgain.getByRole('button', { name: /^Supprimer l’état « Premier atelier, / }).click()
  await expect(overlayAgain).toHaveCount(0)
  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(overlayAgain.getByLabel(/^Premier atelier, /)).toBeVisible()
})

test('changing the phase offers to save the radar of the phase just left', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await page.getByLabel('Titre du projet').fill('Éclairage public')
  await score(page, 'Datamining — Difficulté pour le prototype', '2 Modéré')
  await page.getByLabel('Phase du projet').selectOption({ label: 'Prototype' })
  const offer = page.getByRole('status').filter({ hasText: 'La phase est passée de « Idée » à « Prototype »' })
  await expect(offer).toBeVisible()
  await offer.getByRole('button', { name: 'Enregistrer l’état du radar' }).click()
  await expect(offer).toHaveCount(0)
  const overlay = page.getByRole('region', { name: 'États du radar' }).getByRole('group', { name: 'Superposer au radar' })
  await expect(overlay.getByLabel(/^État du .* Phase : Idée$/)).toBeVisible()
})
