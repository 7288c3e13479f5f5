// A screen whose code cannot be fetched (the network lost before the app was installed, a request aborted): the
// click is not silently ignored. The app says it in French and « Réessayer » opens the screen once the code loads.
import { expect, test } from '@playwright/test'

// Requests answered by a service worker are out of the test's reach: none here, as on a first visit.
test.use({ serviceWorkers: 'block' })

test('a screen that fails to load is said, and « Réessayer » opens it', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
  await page.route(/\/assets\/TrashView-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'))

  await page.getByRole('link', { name: 'Corbeille' }).click()
  const notice = page.getByRole('region', { name: 'Notifications' })
  await expect(notice).toContainText('Cette page n’a pas pu s’ouvrir')
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes fiches Projet Data')

  await page.unrouteAll()
  await notice.getByRole('button', { name: 'Réessayer' }).click()
  await expect(page).toHaveURL(/\/corbeille$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible()
})
