import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { importFiles } from './helpers'

const example = new URL('../fixtures/examples/fiche-sante.json', import.meta.url).pathname
const title = 'Cartographier l’offre de santé et projeter les besoins territoriaux'

test('the radar image exported from the editor imports back into a fresh profile', async ({ page, browser }) => {
  await page.goto('/')
  await importFiles(page, [example])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: title }).click()

  const download = page.waitForEvent('download')
  // The first of the two (the sheet's header; the other follows the last score).
  await page.getByRole('button', { name: 'Exporter le radar (PNG)' }).first().click()
  const file = await download
  expect(file.suggestedFilename()).toBe('radar-cartographier-l-offre-de-sante-et-projeter-les-besoins.png')
  const png = readFileSync((await file.path())!)
  expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBe(1600)
  expect(png.readUInt32BE(20)).toBe(1000)

  const other = await browser.newContext()
  const fresh = await other.newPage()
  await fresh.goto('/')
  await importFiles(fresh, [{ name: 'radar.png', mimeType: 'image/png', buffer: png }])
  await expect(fresh.getByRole('dialog')).toContainText('1 fiche ajoutée')
  await fresh.getByRole('button', { name: 'Fermer' }).click()
  await fresh.getByRole('link', { name: title }).click()
  await expect(fresh.getByLabel('Collectivité porteuse')).toHaveValue('Département exemple')
  await other.close()
})

test('a library card exports its radar image, and an ordinary PNG is refused with a clear message', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [example])
  await page.getByRole('button', { name: 'Fermer' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: `Exporter le radar de « ${title} » en image PNG` }).click()
  expect((await download).suggestedFilename()).toMatch(/^radar-.*\.png$/)

  // A 1×1 PNG that was not made by the app.
  const plain = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  await importFiles(page, [{ name: 'photo.png', mimeType: 'image/png', buffer: plain }])
  await expect(page.getByRole('dialog')).toContainText('cette image ne contient pas de fiche')
})

test('the radar image is copied to the clipboard where the browser allows it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await importFiles(page, [example])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: 'Copier l’image du radar' }).click()
  await expect(page.getByText('Image du radar copiée')).toBeVisible()
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types))
  expect(types).toContain('image/png')
})

test('where copying images is not possible, the person is told what to do instead', async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: simulate a browser without ClipboardItem
    delete window.ClipboardItem
  })
  await page.goto('/')
  await importFiles(page, [example])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('button', { name: 'Copier l’image du radar' }).click()
  await expect(page.getByText('Ce navigateur ne permet pas de copier une image.')).toBeVisible()
})
