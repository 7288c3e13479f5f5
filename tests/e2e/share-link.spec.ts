// Sheets that travel as a link: « Copier un lien de partage » on one profile; the link opened in a fresh profile,
// offline after one visit, shows the sheets and writes them only once the person agrees; a link altered on its way
// is refused in French with nothing written; a reload after the import imports nothing again.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const SANTE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'
const sante = new URL('../fixtures/examples/fiche-sante.json', import.meta.url).pathname

/** The link a person copies from the dialog, as the sheet's sender sees it. */
async function copiedLink(page: Page): Promise<string> {
  const field = page.getByRole('textbox', { name: /^Lien de partage \(/ })
  await expect(field).toBeVisible()
  return field.inputValue()
}

/** A profile that visited the app once, then lost the network. */
async function offlineProfile(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Mes fiches Projet Data' })).toBeVisible()
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // A worker that has not claimed this page controls it from the next navigation.
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await context.setOffline(true)
  return { context, page }
}

/** How many sheets the library holds, read from IndexedDB. */
async function storedSheets(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('fiche-projet-data')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          if (!db.objectStoreNames.contains('sheets')) return resolve([])
          const all = db.transaction('sheets').objectStore('sheets').getAll()
          all.onsuccess = () => resolve(all.result.map((sheet: { project: { title: string } }) => sheet.project.title))
          all.onerror = () => reject(all.error)
        }
      }),
  )
}

test('a sheet’s link, opened offline in a fresh profile, imports the sheet after consent, once', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await importFiles(page, [sante])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: SANTE }).click()
  await page.getByRole('button', { name: 'Copier un lien de partage' }).click()
  const dialog = page.getByRole('dialog', { name: 'Partager par un lien' })
  await expect(dialog.getByText(`Ce lien contient la fiche « ${SANTE} »`)).toBeVisible()
  const link = await copiedLink(page)
  expect(new URL(link).hash).toMatch(/^#partage=[0-9a-f]{8}\.[A-Za-z0-9_-]+$/)
  expect(link.length).toBeLessThan(8_000)
  await dialog.getByRole('button', { name: 'Copier le lien' }).click()
  await expect(dialog.getByText('Lien copié : collez-le dans votre message.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(dialog).toHaveCount(0)

  const receiver = await offlineProfile(browser)
  const path = new URL(link)
  await receiver.page.goto(`/${path.hash}`)
  const preview = receiver.page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(preview.getByText('« Lien de partage » contient 1 fiche :')).toBeVisible()
  await expect(preview.getByText(SANTE)).toBeVisible()
  // Nothing is written before the person agrees, and the address no longer carries the sheet.
  expect(await storedSheets(receiver.page)).toEqual([])
  expect(new URL(receiver.page.url()).hash).toBe('')
  await preview.getByRole('button', { name: 'Importer 1 fiche' }).click()
  await expect(preview.getByText('1 fiche ajoutée', { exact: false })).toBeVisible()
  await preview.getByRole('button', { name: 'Fermer' }).click()
  await expect(receiver.page.getByRole('link', { name: SANTE })).toBeVisible()
  expect(await storedSheets(receiver.page)).toEqual([SANTE])

  // A reload (or the bookmark of the page) imports nothing again.
  await receiver.page.reload()
  await expect(receiver.page.getByRole('link', { name: SANTE })).toBeVisible()
  await expect(receiver.page.getByRole('dialog')).toHaveCount(0)
  expect(await storedSheets(receiver.page)).toEqual([SANTE])
  await receiver.context.close()
})

test('a link altered on its way is refused in French, and nothing is written', async ({ page, browser }) => {
  await page.goto('/')
  await importFiles(page, [sante])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('checkbox', { name: new RegExp(`Sélectionner « ${SANTE}`) }).check()
  await page.getByRole('button', { name: 'Copier un lien de partage' }).click()
  const hash = new URL(await copiedLink(page)).hash
  const changedAt = Math.floor(hash.length / 2)
  const altered = hash.slice(0, changedAt) + (hash[changedAt] === 'A' ? 'B' : 'A') + hash.slice(changedAt + 1)

  const receiver = await browser.newContext()
  const other = await receiver.newPage()
  for (const fragment of [altered, hash.slice(0, -30)]) {
    await other.goto(`/${fragment}`)
    const dialog = other.getByRole('dialog', { name: 'Importer des fiches' })
    await expect(dialog.getByText('« Lien de partage » n’a pas été importé :')).toBeVisible()
    await expect(dialog.getByText(/ce lien est incomplet ou a été modifié en chemin/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    expect(await storedSheets(other)).toEqual([])
    expect(new URL(other.url()).hash).toBe('')
  }
  await receiver.close()
})

test('a workshop too big for one link says so and offers the file instead', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Charger les exemples' }).click()
  await page.getByRole('link', { name: 'Ateliers', exact: true }).click()
  await page.getByRole('link', { name: 'Atelier des exemples' }).click()
  await page.getByRole('button', { name: 'Copier un lien de partage' }).click()
  const dialog = page.getByRole('dialog', { name: 'Partager par un lien' })
  await expect(dialog.getByText(/^Ce lien contient l’atelier « Atelier des exemples » et ses 17 fiches/)).toBeVisible()
  await expect(dialog.getByRole('alert')).toContainText(/Ce lien ferait \d+\s\d{3} caractères : la plupart des messageries/)
  await expect(dialog.getByRole('button', { name: 'Copier le lien' })).toHaveCount(0)
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Enregistrer le fichier (JSON)' }).click()
  expect((await download).suggestedFilename()).toBe('atelier-atelier-des-exemples.json')
})

test('a link from the library’s selection, previewed then cancelled, writes nothing', async ({ page, browser }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Charger les exemples' }).click()
  const first = 'Identifier les freins aux parcours éducatifs'
  await page.getByRole('checkbox', { name: new RegExp(`Sélectionner « ${first}`) }).check()
  await page.getByRole('button', { name: 'Copier un lien de partage' }).click()
  const link = await copiedLink(page)
  const receiver = await browser.newContext()
  const other = await receiver.newPage()
  await other.goto(`/${new URL(link).hash}`)
  const preview = other.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(preview.getByText(first)).toBeVisible()
  // « Annuler » writes nothing.
  await preview.getByRole('button', { name: 'Annuler l’import' }).click()
  await expect(preview.getByText('Import annulé : votre bibliothèque est inchangée.')).toBeVisible()
  await preview.getByRole('button', { name: 'Fermer' }).click()
  expect(await storedSheets(other)).toEqual([])
  await receiver.close()
})
