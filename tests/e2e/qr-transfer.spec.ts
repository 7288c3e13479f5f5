// Sheets moved through pixels alone. The sender's profile shows its QR codes (« Afficher en QR code »); the test
// takes screenshots of them and writes them as a fake camera's video (a Y4M file built here, no binary fixture);
// a fresh browser whose camera is that video opens « Recevoir par QR code » and receives, without leaving the
// scanner, a sheet that fits one code, fiche-sante.json in three parts, and a third sheet — identical to the originals.
import { writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { importFiles } from './helpers'
import { launchWithCamera, screenshotsOfCodes, storedSheets, y4m } from './qr-camera'

const SANTE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'
const EXAMPLE = 'Identifier les freins aux parcours éducatifs'
const SHORT = 'Compteurs vélo'
const sante = new URL('../fixtures/examples/fiche-sante.json', import.meta.url).pathname

/** A first sheet created by hand in an empty library, with only a title; back on the library once it is saved. */
async function firstSheet(page: Page, title: string) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type(title)
  await expect(page.getByLabel('Titre du projet')).toHaveValue(title)
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
}

test('three sheets received in a row through a camera alone: one code, three parts, and one more', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await firstSheet(page, SHORT)
  await importFiles(page, [sante])
  await page.getByRole('button', { name: 'Fermer' }).click()
  const short = await screenshotsOfCodes(page, SHORT)
  const santeCodes = await screenshotsOfCodes(page, SANTE)
  await page.getByRole('button', { name: 'Charger les exemples' }).click()
  await expect(page.getByRole('link', { name: EXAMPLE })).toBeVisible()
  const example = await screenshotsOfCodes(page, EXAMPLE)
  expect(short.shots).toHaveLength(1)
  expect(santeCodes.shots).toHaveLength(3)
  for (const [index, shot] of [...short.shots, ...santeCodes.shots].entries()) writeFileSync(testInfo.outputPath(`code-${index}.png`), shot)
  const video = testInfo.outputPath('camera.y4m')
  writeFileSync(video, await y4m(page, [...short.shots, ...santeCodes.shots, ...example.shots]))
  const sent = await storedSheets(page)

  // A fresh browser, another profile: its only camera films the sender's screen.
  const receiverBrowser = await launchWithCamera(video)
  try {
    const receiver = await receiverBrowser.newPage({ baseURL, locale: 'fr-FR', viewport: { width: 1366, height: 768 } })
    await receiver.goto('/')
    await receiver.getByRole('button', { name: 'Recevoir par QR code' }).click()
    const scanner = receiver.getByRole('dialog', { name: 'Recevoir par QR code' })
    await expect(scanner.getByText(/l’application a besoin de la caméra de cet appareil/)).toBeVisible()
    const started = Date.now()
    await scanner.getByRole('button', { name: 'Activer la caméra' }).click()
    await expect(scanner.getByRole('heading', { name: '3 fiches reçues' })).toBeVisible({ timeout: 120_000 })
    console.log(`QR transfer: 3 sheets (1 + 3 + 3 codes) received in ${Date.now() - started} ms from « Activer la caméra »`)
    expect((await scanner.getByRole('listitem').allTextContents()).sort()).toEqual([SHORT, SANTE, EXAMPLE].sort())
    await receiver.screenshot({ path: testInfo.outputPath('scanner.png') })
    await scanner.getByRole('button', { name: 'Terminer' }).click()
    await expect(scanner).toHaveCount(0)
    // The camera is off once the scanner is closed: the closed dialog leaves the page a moment after it stops being
    // shown, hence a poll (an immediate read failed once on a busy machine, then passed on retry).
    await expect.poll(() => receiver.evaluate(() => document.querySelectorAll('video').length)).toBe(0)

    const received = await storedSheets(receiver)
    expect(Object.keys(received).sort()).toEqual([short.id, santeCodes.id, example.id].sort())
    for (const [id, sheet] of Object.entries(received)) expect(sheet, id).toEqual(sent[id])
  } finally {
    await receiverBrowser.close()
  }
})

test('the scanner opened from a workshop puts the sheets it receives in that workshop', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await firstSheet(page, SHORT)
  const short = await screenshotsOfCodes(page, SHORT)
  const video = testInfo.outputPath('camera.y4m')
  writeFileSync(video, await y4m(page, short.shots))
  const sent = await storedSheets(page)

  const receiverBrowser = await launchWithCamera(video)
  try {
    const receiver = await receiverBrowser.newPage({ baseURL, locale: 'fr-FR', viewport: { width: 1366, height: 768 } })
    await receiver.goto('/ateliers')
    await receiver.getByRole('button', { name: 'Nouvel atelier' }).click()
    await receiver.getByLabel('Nom de l’atelier').fill('Restitution du matin')
    await receiver.getByRole('button', { name: 'Créer l’atelier' }).click()
    await expect(receiver.getByRole('heading', { level: 1, name: 'Restitution du matin' })).toBeVisible()
    await expect(receiver.getByText('Aucune fiche', { exact: true })).toBeVisible()
    await receiver.getByRole('button', { name: 'Recevoir par QR code' }).click()
    const scanner = receiver.getByRole('dialog', { name: 'Recevoir par QR code' })
    await scanner.getByRole('button', { name: 'Activer la caméra' }).click()
    await expect(scanner.getByRole('heading', { name: '1 fiche reçue' })).toBeVisible({ timeout: 60_000 })
    await scanner.getByRole('button', { name: 'Terminer' }).click()
    await expect(scanner).toHaveCount(0)

    // In the workshop's list, and stored as sent; the library has it too (a workshop gathers sheets of the library).
    await expect(receiver.getByText('1 fiche', { exact: true })).toBeVisible()
    await expect(receiver.getByRole('list').getByText(SHORT)).toBeVisible()
    const received = await storedSheets(receiver)
    expect(received[short.id]).toEqual(sent[short.id])
    await receiver.goto('/')
    await expect(receiver.getByRole('link', { name: SHORT })).toBeVisible()
  } finally {
    await receiverBrowser.close()
  }
})
