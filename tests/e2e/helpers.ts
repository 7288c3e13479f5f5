// What several journeys do the same way, as a person would: pick files with the import button.
import { inflateSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

type FileToPick = string | { name: string; mimeType: string; buffer: Buffer }

/** Clicks « Importer des fiches (JSON) » and picks the files in the browser's file chooser. */
export async function importFiles(page: Page, files: FileToPick[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
  await (await chooser).setFiles(files as Parameters<Awaited<typeof chooser>['setFiles']>[0])
}

/**
 * A workshop made by hand (« Nouvel atelier »), with these files imported into it; returns its address. The
 * restitution, the server's sharing and its bench all start from one.
 */
export async function workshopWith(page: Page, title: string, files: FileToPick | FileToPick[]): Promise<string> {
  await page.goto('/ateliers')
  await page.getByRole('button', { name: 'Nouvel atelier' }).click()
  await page.getByLabel('Nom de l’atelier').fill(title)
  await page.getByRole('button', { name: 'Créer l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' }).click()
  await (await chooser).setFiles(files as Parameters<Awaited<typeof chooser>['setFiles']>[0])
  await expect(page.getByRole('dialog').getByText('Import terminé')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  return new URL(page.url()).pathname
}

/** Waits until the service worker controls the page: from then on the app opens without the network. */
export async function untilServiceWorkerControls(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false)
  // An active worker that has not claimed this page controls it from the next navigation.
  if (!controlled) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** The sheet file a radar PNG carries (its compressed iTXt chunk), read with Node's zlib. */
export function sheetFileInPng(png: Buffer): { sheets: { project: { title: string }; radar: Record<string, unknown> }[] } {
  let offset = 8
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length)
      const keywordEnd = data.indexOf(0)
      // keyword \0, compression flag, method, language tag \0, translated keyword \0, text.
      const languageEnd = data.indexOf(0, keywordEnd + 3)
      const translatedEnd = data.indexOf(0, languageEnd + 1)
      return JSON.parse(inflateSync(data.subarray(translatedEnd + 1)).toString('utf8'))
    }
    offset += 12 + length
  }
  throw new Error('No sheet in this PNG')
}

/** Runs axe on the page and fails on any serious or critical violation, listed readably. */
export async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  // One readable line per failing element, rather than axe's raw objects.
  const report = serious.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `[${violation.impact}] ${violation.id} (${violation.help}) at ${node.target.join(' ')}: ` +
        (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ; '),
    ),
  )
  expect(report, `axe violations on ${screen}`).toEqual([])
}
