import { expect, test } from '@playwright/test'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
})

test('closing the tab a second after typing loses nothing', async ({ page, context }) => {
  await page.keyboard.type('Observatoire des loyers')
  await page.getByLabel('Description').fill('Croiser les annonces et les déclarations pour suivre les loyers.')
  const url = page.url()
  await page.waitForTimeout(1000)
  await page.close()

  const again = await context.newPage()
  await again.goto(url)
  await expect(again.getByLabel('Titre du projet')).toHaveValue('Observatoire des loyers')
  await expect(again.getByLabel('Description')).toHaveValue(
    'Croiser les annonces et les déclarations pour suivre les loyers.',
  )
})

test('an invalid edit is kept as a draft across a reload, and the stored sheet keeps its last valid value', async ({
  page,
}) => {
  await page.keyboard.type('Vélos en libre-service')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await page.getByRole('button', { name: 'Ajouter un jalon' }).click()
  await page.getByRole('textbox', { name: 'Date du jalon' }).fill('2026-06-01')
  await expect(page.getByText('Ce champ est obligatoire.', { exact: false })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré, sauf 1 champ à corriger' })).toBeAttached()

  await page.reload()
  await expect(page.getByText('Des saisies pas encore valides ont été retrouvées et restaurées.', { exact: false })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Date du jalon' })).toHaveValue('2026-06-01')
  await page.getByRole('textbox', { name: 'Intitulé du jalon' }).fill('Lancement du prototype')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await page.getByRole('link', { name: 'Vélos en libre-service' }).click()
  await expect(page.getByRole('textbox', { name: 'Intitulé du jalon' })).toHaveValue('Lancement du prototype')
  await expect(page.getByText('Des saisies pas encore valides', { exact: false })).toHaveCount(0)
})

test('the scores can be given with the keyboard alone', async ({ page }) => {
  await page.keyboard.type('Qualité de l’air')
  const group = page.getByRole('group', { name: 'Infrastructure SI — Difficulté pour le prototype' })
  // Tab reaches the group on its checked radio ("Non évalué"); the arrows then move through the scale.
  await group.getByLabel('Non évalué').focus()
  await page.keyboard.press('ArrowRight')
  await expect(group.getByLabel('0 Aucun')).toBeChecked()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(group.getByLabel('2 Modéré')).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(
    page.getByRole('group', { name: 'Infrastructure SI — Frein au passage à l’échelle' }).getByLabel('Non évalué'),
  ).toBeFocused()
  await expect(page.getByRole('region', { name: 'Indicateurs' })).toContainText('50 %')
})
