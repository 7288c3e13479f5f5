import { expect, test } from '@playwright/test'

test('the Stockage panel shows usage, persistence and the last full backup', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Suivi de la qualité de l’eau')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()

  await page.getByText('Stockage dans ce navigateur').click()
  const panel = page.locator('details').filter({ hasText: 'Stockage dans ce navigateur' })
  await expect(panel).toContainText('utilisés sur')
  await expect(panel).toContainText(/Stockage (persistant accordé|non persistant)/)
  // persist() was asked when the first sheet was saved: the answer is the browser's.
  const persisted = await page.evaluate(() => navigator.storage.persisted())
  await expect(panel).toContainText(persisted ? 'Stockage persistant accordé' : 'Stockage non persistant')
  await expect(panel).toContainText('Aucune sauvegarde complète')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter toutes les fiches', exact: true }).click()
  await download
  await expect(panel).toContainText('Dernière sauvegarde complète :')
})
