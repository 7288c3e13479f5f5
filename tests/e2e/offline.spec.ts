import { expect, test, type Page } from '@playwright/test'
import { untilServiceWorkerControls } from './helpers'

// The production build's service worker: after one visit, every screen opens without the network,
// and a new version waits for the person's "Recharger" instead of reloading under their fingers.

/** First visit: waits until the service worker has precached the app and controls the page. */
async function installServiceWorker(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Mes fiches Projet Data' })).toBeVisible()
  await untilServiceWorkerControls(page)
}

async function waitUntilSaved(page: Page) {
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
}

test('after one visit, the app works offline: library, new sheet, reload, deep link, restitution', async ({ page, context, baseURL }) => {
  const foreignRequests: string[] = []
  context.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreignRequests.push(request.url())
  })
  await installServiceWorker(page)
  await expect(page.getByText('L’application est prête à fonctionner hors ligne.')).toBeVisible()

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()

  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Compteurs vélo hors ligne')
  // The editor's lazy chunks, the radar (Chart.js) included, came from the cache.
  await expect(page.getByRole('heading', { name: 'Synthèse du radar' })).toBeVisible()
  await waitUntilSaved(page)
  const sheetUrl = page.url()
  expect(new URL(sheetUrl).pathname).toMatch(/^\/fiches\/[^/]+$/)

  await page.reload()
  await expect(page.getByLabel('Titre du projet')).toHaveValue('Compteurs vélo hors ligne')

  // A deep link typed or bookmarked opens offline in a fresh tab: the app shell answers every history route.
  const again = await context.newPage()
  await again.goto(sheetUrl)
  await expect(again.getByLabel('Titre du projet')).toHaveValue('Compteurs vélo hors ligne')
  await again.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(again.getByRole('link', { name: 'Compteurs vélo hors ligne' })).toBeVisible()

  // The restitution too: examples, a workshop, its comparison, matrix and presentation, all from the cache.
  await again.getByRole('button', { name: 'Charger les exemples' }).click()
  await again.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await again.getByRole('link', { name: 'Atelier des exemples' }).click()
  await again.getByRole('link', { name: 'Comparer les radars' }).click()
  await expect(again.getByRole('img', { name: /^Radar superposé de 8 fiches/ })).toBeVisible()
  await again.getByRole('link', { name: 'Matrice du portefeuille' }).click()
  await expect(again.getByRole('group', { name: /^Matrice du portefeuille/ })).toBeVisible()
  await again.getByRole('link', { name: 'Présenter' }).click()
  await expect(again.getByText('Fiche 1 sur 17')).toBeVisible()
  await again.keyboard.press('Escape')
  await expect(again.getByRole('heading', { level: 1, name: 'Atelier des exemples' })).toBeVisible()

  await again.goto('/adresse-inconnue')
  await expect(again.getByRole('heading', { name: 'Page introuvable' })).toBeVisible()

  // The JSON schemas offered with exports (the current one and version 1's) are precached too.
  const schemaStatuses = await again.evaluate(() =>
    Promise.all(
      ['v1', 'v2'].map(async (version) => (await fetch(`/schema/fiche-projet-data.${version}.schema.json`)).status),
    ),
  )
  expect(schemaStatuses).toEqual([200, 200])

  expect(foreignRequests).toEqual([])
})

/** Marks the window, to tell later whether the page has been reloaded since. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true))
}

async function reloadedSinceMark(page: Page) {
  return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded !== true)
}

test('a new version waits for "Recharger" in every tab, and reloading saves what was typed first', async ({ context }) => {
  const first = await context.newPage()
  await installServiceWorker(first)
  await first.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(first.getByLabel('Titre du projet')).toBeFocused()
  await first.keyboard.type('Tableau de bord énergie')

  const second = await context.newPage()
  await second.goto('/')
  await second.getByRole('button', { name: 'Nouvelle fiche', exact: true }).click()
  await expect(second.getByLabel('Titre du projet')).toBeFocused()
  await second.keyboard.type('Éclairage public')
  await markWindow(first)
  await markWindow(second)

  // "Deploy" a new version. Playwright cannot intercept the browser's own fetch of the worker script, so the
  // same worker under another URL stands in for new bytes: the browser installs it beside the running one.
  await first.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js?deploiement=2')
  })

  const bannerOf = (page: Page) => page.getByRole('region', { name: 'Mise à jour de l’application' })
  await expect(bannerOf(first).getByText('Nouvelle version disponible')).toBeVisible()
  await expect(bannerOf(second).getByText('Nouvelle version disponible')).toBeVisible()
  // The banner takes no focus: typing goes on, and nothing reloads by itself.
  await expect(first.getByLabel('Titre du projet')).toBeFocused()
  await first.getByLabel('Description').pressSequentially('Suivre les consommations')
  await first.waitForTimeout(1_000)
  expect(await reloadedSinceMark(first)).toBe(false)

  // No wait for the autosave: "Recharger" writes the pending edit before reloading.
  await first.getByLabel('Description').pressSequentially(' des bâtiments')
  await Promise.all([first.waitForEvent('load'), bannerOf(first).getByRole('button', { name: 'Recharger' }).click()])
  expect(await reloadedSinceMark(first)).toBe(true)
  await expect(first.getByLabel('Titre du projet')).toHaveValue('Tableau de bord énergie')
  await expect(first.getByLabel('Description')).toHaveValue('Suivre les consommations des bâtiments')
  expect(await first.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/deploiement=2$/)

  // The other tab is now run by the new version too, but it is left alone while its person types.
  await second.getByLabel('Description').pressSequentially('Réduire la consommation la nuit')
  await second.waitForTimeout(1_000)
  expect(await reloadedSinceMark(second)).toBe(false)
  await expect(second.getByLabel('Description')).toHaveValue('Réduire la consommation la nuit')
  await Promise.all([second.waitForEvent('load'), bannerOf(second).getByRole('button', { name: 'Recharger' }).click()])
  expect(await reloadedSinceMark(second)).toBe(true)
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Éclairage public')
  await expect(second.getByLabel('Description')).toHaveValue('Réduire la consommation la nuit')
})
