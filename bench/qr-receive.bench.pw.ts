// How long a facilitator waits for a multi-part sheet: fiche-sante.json (3 QR codes) shown in a loop on the
// sender's screen, filmed by the receiver's camera (a fake one playing the sender's screenshots, 3 codes a second
// as the loop shows them), received by 5 fresh browsers one after the other. Timed from « Activer la caméra » to
// « 1 fiche reçue »: the camera's start, the decoder's loading (jsQR in a worker, as on Windows and Linux) and the
// wait for the parts, which the camera may catch in the middle of the loop.
import { writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { importFiles } from '../tests/e2e/helpers'
import { FRAMES_PER_CODE, FPS, launchWithCamera, screenshotsOfCodes, y4m } from '../tests/e2e/qr-camera'

const SANTE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'
const sante = new URL('../tests/fixtures/examples/fiche-sante.json', import.meta.url).pathname
const RECEIVERS = 5

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

test(`fiche-sante.json received from a camera, ${RECEIVERS} fresh browsers`, async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await importFiles(page, [sante])
  await page.getByRole('button', { name: 'Fermer' }).click()
  const codes = await screenshotsOfCodes(page, SANTE)
  expect(codes.shots).toHaveLength(3)
  const video = testInfo.outputPath('camera.y4m')
  writeFileSync(video, await y4m(page, codes.shots))

  const times: number[] = []
  for (let run = 1; run <= RECEIVERS; run++) {
    const browser = await launchWithCamera(video)
    try {
      const receiver = await browser.newPage({ baseURL, locale: 'fr-FR', viewport: { width: 1366, height: 768 } })
      await receiver.goto('/')
      await receiver.getByRole('button', { name: 'Recevoir par QR code' }).click()
      const scanner = receiver.getByRole('dialog', { name: 'Recevoir par QR code' })
      const started = performance.now()
      await scanner.getByRole('button', { name: 'Activer la caméra' }).click()
      await expect(scanner.getByRole('heading', { name: '1 fiche reçue' })).toBeVisible()
      times.push(performance.now() - started)
      const decoder = await receiver.evaluate(() => ('BarcodeDetector' in window ? 'BarcodeDetector' : 'jsQR (worker)'))
      console.log(`receiver ${run}: ${Math.round(times.at(-1)!)} ms (${decoder})`)
    } finally {
      await browser.close()
    }
  }
  const loop = (codes.shots.length * FRAMES_PER_CODE * 1000) / FPS
  console.log(
    `fiche-sante.json, ${codes.shots.length} QR codes, a ${loop} ms loop: median ${Math.round(median(times))} ms, ` +
      `min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))} over ${RECEIVERS} receivers`,
  )
})
