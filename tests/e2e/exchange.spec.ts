import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname

async function exportAll(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter toutes les fiches', exact: true }).click()
  const file = await download
  const path = await file.path()
  return { name: file.suggestedFilename(), text: readFileSync(path!, 'utf8') }
}

const withoutExportDate = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""')

test('sheets exported from one browser import identically into a fresh one', async ({ page, browser }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiches-atelier.json')])
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog).toContainText('4 fiches ajoutées, aucune remplacée, aucune ignorée.')
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByRole('article')).toHaveCount(4)

  const first = await exportAll(page)
  expect(first.name).toMatch(/^fiches-\d{4}-\d{2}-\d{2}\.json$/)
  expect(JSON.parse(first.text).sheets).toHaveLength(4)

  // A fresh profile: another browser context has its own, empty IndexedDB.
  const other = await browser.newContext()
  const fresh = await other.newPage()
  await fresh.goto('/')
  await expect(fresh.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
  await importFiles(fresh, [{ name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) }])
  await expect(fresh.getByRole('dialog')).toContainText('4 fiches ajoutées')
  await fresh.getByRole('button', { name: 'Fermer' }).click()
  const second = await exportAll(fresh)
  expect(withoutExportDate(second.text)).toBe(withoutExportDate(first.text))
  await other.close()
})

test('re-importing skips identical sheets and asks about changed ones', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('button', { name: 'Fermer' }).click()

  await importFiles(page, [examples('fiche-sante.json')])
  await expect(page.getByRole('dialog')).toContainText('aucune fiche ajoutée, aucune remplacée, 1 ignorée.')
  await page.getByRole('button', { name: 'Fermer' }).click()

  const changed = JSON.parse(readFileSync(examples('fiche-sante.json'), 'utf8'))
  changed.sheets[0].project.description = 'Version révisée par le département.'
  await importFiles(page, [{ name: 'fiche-revisee.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) }])
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog.getByRole('heading', { name: 'Cette fiche existe déjà dans votre bibliothèque' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Garder les deux' }).click()
  await expect(dialog).toContainText('1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('link', { name: /\(importée\)$/ })).toBeVisible()
})

test('a broken file is refused with a French message naming the sheet and the field', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('button', { name: 'Fermer' }).click()

  const broken = JSON.parse(readFileSync(examples('fiches-atelier.json'), 'utf8'))
  broken.sheets[2].radar.cybersecurite.prototype = 5
  await importFiles(page, [{ name: 'atelier.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) }])
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog).toContainText('« atelier.json » n’a pas été importé')
  await expect(dialog).toContainText(
    `Fiche 3 (« ${broken.sheets[2].project.title} ») : la note « Difficulté pour le prototype » du thème Cybersécurité doit être un entier de 0 à 4`,
  )
  await expect(dialog).toContainText('votre bibliothèque est inchangée')
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByRole('article')).toHaveCount(1)
})

test('files dropped anywhere on the library are imported', async ({ page }) => {
  await page.goto('/')
  const text = readFileSync(examples('fiche-sante.json'), 'utf8')
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'fiche-sante.json', { type: 'application/json' }))
    return transfer
  }, text)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  await expect(page.getByRole('dialog')).toContainText('1 fiche ajoutée')
})

test('one sheet is exported from the editor under its own file name', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: /^Cartographier l’offre de santé/ }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter la fiche (JSON)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('fiche-cartographier-l-offre-de-sante-et-projeter-les-besoins.json')
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'))
  const original = JSON.parse(readFileSync(examples('fiche-sante.json'), 'utf8'))
  // A v1 file leaves as v3: the same sheet, with the fields v2 and v3 add at their empty values.
  expect(original.version).toBe(1)
  expect(exported.version).toBe(3)
  const [sheet] = original.sheets
  expect(exported.sheets).toEqual([
    {
      ...sheet,
      origin: null,
      project: { ...sheet.project, shortLabel: '', problem: '', domain: '' },
      decision: { status: 'a-examiner', reason: '', decidedAt: null, source: null, history: [] },
      snapshots: [],
    },
  ])
})

test('closing the tab in the middle of an import leaves none or all of its sheets', async ({ context }) => {
  const model = JSON.parse(readFileSync(examples('fiche-sante.json'), 'utf8')).sheets[0]
  const sheets = Array.from({ length: 5_000 }, (_, index) => ({
    ...model,
    id: crypto.randomUUID(),
    project: { ...model.project, title: `Fiche ${index + 1}` },
  }))
  const buffer = Buffer.from(JSON.stringify({ format: 'fiche-projet-data', version: 1, exportedAt: new Date().toISOString(), sheets }))
  for (const moment of ['reading', 'writing'] as const) {
    const page = await context.newPage()
    await page.goto('/')
    await page.evaluate(() => new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('fiche-projet-data')
      request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined)
    }))
    await page.reload()
    await importFiles(page, [{ name: 'atelier.json', mimeType: 'application/json', buffer }])
    const status = moment === 'reading' ? /Lecture et vérification/ : /Enregistrement des fiches/
    await page.getByRole('status').filter({ hasText: status }).waitFor({ timeout: 30_000 }).catch(() => undefined)
    await page.close()

    const again = await context.newPage()
    await again.goto('/')
    await expect(again.getByRole('heading', { level: 1 })).toBeVisible()
    const count = await again.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('fiche-projet-data')
          open.onsuccess = () => {
            const request = open.result.transaction('sheets').objectStore('sheets').count()
            request.onsuccess = () => resolve(request.result)
          }
        }),
    )
    expect([0, 5_000], `closed while ${moment}`).toContain(count)
    await again.close()
  }
})
