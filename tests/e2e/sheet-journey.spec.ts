import { expect, test, type Page } from '@playwright/test'

async function waitUntilSaved(page: Page) {
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
}

test('a workshop participant creates, fills, scores, reloads, duplicates and deletes a sheet', async ({ page }) => {
  // A long journey: on a busy two-core machine its first run took the whole default minute (a limit, not a check).
  test.setTimeout(180_000)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()

  // The new sheet opens with its title selected, ready to be typed over.
  const title = page.getByLabel('Titre du projet')
  await expect(title).toBeFocused()
  await page.keyboard.type('Transport à la demande en zone rurale')
  await page.getByLabel('Collectivité porteuse').fill('Communauté de communes du Val')
  await page.getByLabel('Phase du projet').selectOption({ label: 'Prototype' })
  await page.getByLabel('Nouvelle étiquette').fill('atelier CTD 2026')
  await page.keyboard.press('Enter')
  await page.getByLabel('Description').fill('Mutualiser les données de réservation pour ajuster les circuits.')

  await page.getByRole('button', { name: 'Ajouter un objectif' }).click()
  await expect(page.getByRole('textbox', { name: 'Objectif 1', exact: true })).toBeFocused()
  await page.keyboard.type('Réduire de 20 % les trajets à vide')

  await page.getByRole('button', { name: 'Ajouter une partie prenante' }).click()
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Service mobilité')
  await page.getByLabel('Interne à la collectivité').check()

  await page.getByRole('button', { name: 'Ajouter un jeu de données' }).click()
  await page.getByLabel('Nom du jeu de données').fill('Réservations du TAD')
  await page.getByLabel('Modalités d’accès').selectOption({ label: 'Convention de partage' })
  await page.getByLabel('Statut — Données personnelles (RGPD)').selectOption({ label: 'En cours' })

  // Scoring: one critical scale-up obstacle caps the probability at 25 %.
  const indicators = page.getByRole('region', { name: 'Indicateurs' })
  await page.getByRole('group', { name: 'Cybersécurité — Difficulté pour le prototype' }).getByLabel('3 Fort').check()
  await page.getByRole('group', { name: 'Datamining — Frein au passage à l’échelle' }).getByLabel('0 Aucun').check()
  await expect(indicators).toContainText('100 %')
  await page.getByRole('group', { name: 'RGPD — Frein au passage à l’échelle' }).getByLabel('4 Critique').check()
  await expect(indicators).toContainText('25 %')
  await expect(indicators).toContainText('RGPD')
  await waitUntilSaved(page)

  await page.reload()
  await expect(page.getByLabel('Titre du projet')).toHaveValue('Transport à la demande en zone rurale')
  await expect(page).toHaveTitle('Transport à la demande en zone rurale — Fiche Projet Data')
  await expect(page.getByLabel('Collectivité porteuse')).toHaveValue('Communauté de communes du Val')
  await expect(page.getByRole('textbox', { name: 'Objectif 1', exact: true })).toHaveValue('Réduire de 20 % les trajets à vide')
  await expect(page.getByLabel('Nom du jeu de données')).toHaveValue('Réservations du TAD')
  await expect(page.getByLabel('Statut — Données personnelles (RGPD)')).toHaveValue('en-cours')
  await expect(
    page.getByRole('group', { name: 'RGPD — Frein au passage à l’échelle' }).getByLabel('4 Critique'),
  ).toBeChecked()
  await expect(page.getByRole('region', { name: 'Indicateurs' })).toContainText('25 %')

  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  const card = page.getByRole('article').filter({ hasText: 'Transport à la demande en zone rurale' })
  await expect(card).toContainText('Communauté de communes du Val')
  await expect(card).toContainText('3/20 notes')
  await expect(card).toContainText('25 %')

  await page.getByRole('button', { name: 'Dupliquer « Transport à la demande en zone rurale »' }).click()
  await expect(page.getByRole('link', { name: 'Transport à la demande en zone rurale (copie)' })).toBeVisible()
  await expect(page.getByText('2 fiches', { exact: true })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('copie')
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('')

  await page.getByRole('button', { name: 'Supprimer « Transport à la demande en zone rurale (copie) »' }).click()
  await expect(page.getByText('Fiche « Transport à la demande en zone rurale (copie) » supprimée.')).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(page.getByRole('article')).toHaveCount(2)

  await page.reload()
  await expect(page.getByRole('article')).toHaveCount(2)
})
