// A tab left open on the previous version while the app was updated: the files of the old version are gone from
// the server and the cache, so the first piece of code this page has not loaded yet cannot come. The person is told
// that a new version is installed and offered a reload that keeps what they typed — never « une erreur inattendue ».
import { expect, test } from '@playwright/test'

// The service worker would answer from its cache; the test plays the server of the new version instead.
test.use({ serviceWorkers: 'block' })

test('exporting from a page of the previous version says a new version is installed, and reloads keeping the typing', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Observatoire de l’habitat')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  // The update: every script this page has not loaded yet is gone.
  await page.route(/\/assets\/.*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await page.getByLabel('Rédigée par').fill('Service habitat')
  await page.getByRole('button', { name: 'Exporter la fiche (JSON)' }).click()
  const notice = page.locator('.toast').filter({ hasText: 'Une nouvelle version de l’application a été installée' })
  await expect(notice).toBeVisible()
  await expect(notice).not.toContainText('inattendue')

  // The new version's files are there for the reload.
  await page.unroute(/\/assets\/.*\.js$/)
  await notice.getByRole('button', { name: 'Recharger la page' }).click()
  await expect(page.getByLabel('Rédigée par')).toHaveValue('Service habitat')
  await expect(page.getByLabel('Titre du projet')).toHaveValue('Observatoire de l’habitat')
})
