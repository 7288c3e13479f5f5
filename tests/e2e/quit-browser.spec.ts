// Quitting the browser itself — its window's ✕, Ctrl+Q, a laptop shutting down cleanly — right after the last key:
// on a persistent profile, reopened on the same sheet, nothing typed is lost. 0, 50, 100 and 400 ms after the last
// key, 10 times each.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../chromium'

const DELAYS_MS = [0, 50, 100, 400]
const TRIALS = 10

test('quitting the browser right after typing loses nothing', async ({}, testInfo) => {
  test.setTimeout(600_000)
  const baseURL = testInfo.project.use.baseURL!
  const profile = mkdtempSync(join(tmpdir(), 'fiche-profile-'))
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: [...chromiumArgs, '--lang=fr-FR'],
      locale: 'fr-FR',
      baseURL,
    })
  let context: BrowserContext = await launch()
  try {
    let page = context.pages()[0] ?? (await context.newPage())
    await page.goto('/')
    await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
    await expect(page.getByLabel('Titre du projet')).toBeFocused()
    await page.keyboard.type('Quitter le navigateur')
    await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
    const sheetPath = new URL(page.url()).pathname
    const lost: string[] = []
    let expected = ''
    for (const delay of DELAYS_MS) {
      for (let trial = 0; trial < TRIALS; trial++) {
        const typed = ` ${delay}-${trial}`
        // The description: 240 characters typed in all, far from its limit (a title or a name would be cut).
        const description = page.getByLabel('Description', { exact: true })
        await description.press('Control+End')
        await description.pressSequentially(typed, { delay: 60 })
        expected += typed
        if (delay > 0) await page.waitForTimeout(delay)
        // The whole browser goes, as when its last window is closed.
        await context.close()
        context = await launch()
        page = context.pages()[0] ?? (await context.newPage())
        await page.goto(sheetPath)
        const reopened = page.getByLabel('Description', { exact: true })
        await expect(reopened).toBeVisible()
        const value = await reopened.inputValue()
        if (value.trim() !== expected.trim())
          lost.push(`${delay} ms, trial ${trial + 1}: « ${expected.slice(value.length)} » lost; ${await whatWasKept(page)}`)
        // What reopened is what the next trial types after.
        expected = value
        await reopened.click()
      }
    }
    expect(lost).toEqual([])
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
})

/**
 * What the reopened page found, said when typing is lost: the rescue copy left in localStorage (the revision it was
 * typed on, the save it saw under way, how its description ends) and the stored revision. It tells a copy the
 * browser never kept from a copy the editor did not apply.
 */
async function whatWasKept(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const copies = Object.keys(localStorage)
      .filter((key) => key.startsWith('fiche-projet-data:rescue:'))
      .map((key) => {
        const copy = JSON.parse(localStorage.getItem(key)!)
        return `copy on revision ${copy.baseRevision}, saving ${copy.saving?.revision ?? 'none'}, ending « ${String(copy.content?.project?.description).slice(-12)} »`
      })
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('fiche-projet-data')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const summaries: { revision: number }[] = await new Promise((resolve) => {
      const request = db.transaction('summaries').objectStore('summaries').getAll()
      request.onsuccess = () => resolve(request.result)
    })
    db.close()
    return `${copies.join(' / ') || 'no rescue copy'}; stored revision ${summaries.map((summary) => summary.revision).join(', ')}`
  })
}
