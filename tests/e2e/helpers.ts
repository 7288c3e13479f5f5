// What several journeys do the same way, as a person would: pick files with the import button.
import type { Page } from '@playwright/test'

export type FileToPick = string | { name: string; mimeType: string; buffer: Buffer }

/** Clicks « Importer des fiches (JSON) » and picks the files in the browser's file chooser. */
export async function importFiles(page: Page, files: FileToPick[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
  await (await chooser).setFiles(files as Parameters<Awaited<typeof chooser>['setFiles']>[0])
}

/** Path of a public example sheet file. */
export const examplePath = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
