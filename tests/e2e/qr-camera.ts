// The sender's QR codes as a fake camera's video: screenshots of « Afficher en QR code », written as a Y4M file
// (built here, no binary fixture), and a fresh Chromium whose only camera plays it. Shared by the QR transfer
// journeys (tests/e2e/qr-transfer.spec.ts) and the receiving bench (bench/qr-receive.spec.ts).
import { chromium, expect, type Browser, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../chromium'

/** Camera frames a second, and how many frames each code stays in view (about a third of a second). */
export const FPS = 30
export const FRAMES_PER_CODE = 10

/** The sheets stored in this profile, by id, read from IndexedDB. */
export function storedSheets(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const request = indexedDB.open('fiche-projet-data')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const all = request.result.transaction('sheets').objectStore('sheets').getAll()
          all.onsuccess = () => resolve(Object.fromEntries(all.result.map((sheet: { id: string }) => [sheet.id, sheet])))
          all.onerror = () => reject(all.error)
        }
      }),
  )
}

/** Screenshots of every code of the sheet open in `page`, in order (the loop paused, stepped code by code). */
export async function screenshotsOfCodes(page: Page, title: string): Promise<{ id: string; shots: Buffer[] }> {
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByLabel('Titre du projet')).toHaveValue(title)
  const id = new URL(page.url()).pathname.split('/').at(-1)!
  await page.getByRole('button', { name: 'Copier un lien de partage' }).click()
  const dialog = page.getByRole('dialog', { name: 'Partager par un lien' })
  await dialog.getByRole('button', { name: 'Afficher en QR code' }).click()
  const codes = page.getByRole('dialog', { name: 'Partager par QR code' })
  const label = await codes.getByRole('img', { name: /^QR code 1 sur \d+/ }).getAttribute('aria-label')
  const total = Number(/sur (\d+)/.exec(label!)![1])
  const shots: Buffer[] = []
  if (total > 1) {
    await codes.getByRole('button', { name: 'Mettre en pause' }).click()
    // The loop may have moved on before the pause: back to the first code.
    while (!(await codes.getByRole('img', { name: new RegExp(`^QR code 1 sur ${total}`) }).isVisible()))
      await codes.getByRole('button', { name: 'Code précédent' }).click()
  }
  for (let index = 1; index <= total; index++) {
    await expect(codes.getByRole('img', { name: new RegExp(`^QR code ${index} sur ${total}`) })).toBeVisible()
    shots.push(await page.screenshot())
    if (index < total) await codes.getByRole('button', { name: 'Code suivant' }).click()
  }
  await codes.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  return { id, shots }
}

/**
 * The screenshots as a Y4M video (4:2:0, full-range BT.601), each held FRAMES_PER_CODE frames; the PNGs are decoded
 * by the browser, the planes computed in it.
 */
export async function y4m(page: Page, shots: Buffer[]): Promise<Buffer> {
  const frames: Buffer[] = []
  let size = { width: 0, height: 0 }
  for (const shot of shots) {
    const { planes, width, height } = await page.evaluate(async (png) => {
      // Not through fetch(data:…): the app's Content-Security-Policy allows no such request.
      const bytes = Uint8Array.from(atob(png), (character) => character.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height)
      const luma = new Uint8Array(width * height)
      const chroma = (width / 2) * (height / 2)
      const u = new Uint8Array(chroma)
      const v = new Uint8Array(chroma)
      for (let i = 0; i < width * height; i++)
        luma[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!)
      for (let y = 0; y < height / 2; y++)
        for (let x = 0; x < width / 2; x++) {
          const i = ((y * 2) * width + x * 2) * 4
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!]
          u[y * (width / 2) + x] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)
          v[y * (width / 2) + x] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
        }
      const all = new Uint8Array(luma.length + u.length * 2)
      all.set(luma)
      all.set(u, luma.length)
      all.set(v, luma.length + u.length)
      let binary = ''
      for (let start = 0; start < all.length; start += 0x8000) binary += String.fromCharCode(...all.subarray(start, start + 0x8000))
      return { planes: btoa(binary), width, height }
    }, shot.toString('base64'))
    size = { width, height }
    const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(planes, 'base64')])
    for (let copy = 0; copy < FRAMES_PER_CODE; copy++) frames.push(frame)
  }
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${size.width} H${size.height} F${FPS}:1 Ip A1:1 C420jpeg\n`), ...frames])
}

/** A fresh Chromium (its own empty profile) whose only camera plays `video`, the permission prompt answered yes. */
export function launchWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      '--lang=fr-FR',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  })
}
