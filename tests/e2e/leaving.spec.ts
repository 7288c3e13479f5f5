// The last keystroke survives every way of leaving: closing the tab, reloading, or going back to the library,
// 0, 50, 150 or 400 ms after it, ten times each. Typing is paced like a person's (60 ms a key).
import { expect, test, type BrowserContext, type Page } from '@playwright/test'

const DELAYS = [0, 50, 150, 400]
const ROUNDS = Number(process.env.ROUNDS ?? 10)

async function newSheet(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Observatoire des loyers')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  return page.url()
}

/** Replaces « Rédigée par » with `text`, key by key, and returns when the last key is down. */
async function typeAuthor(page: Page, text: string) {
  const author = page.getByLabel('Rédigée par')
  await author.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text, { delay: 60 })
}

// A person who closes or reloads while a save is pending is asked to confirm (beforeunload), and confirms.
function acceptLeaving(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept())
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  acceptLeaving(page)
  await page.goto(url)
  return page
}

// 40 rounds of a page closed and opened again: about 3 minutes on a quiet 2-core machine, and twice that when the
// machine is shared (a timeout, not a timing: nothing here asserts a duration).
test.describe.configure({ timeout: 600_000 })

test('closing the tab right after the last key loses nothing', async ({ context }) => {
  let page = await openPage(context, '/')
  const url = await newSheet(page)
  for (const delay of DELAYS) {
    for (let round = 0; round < ROUNDS; round++) {
      const text = `A${delay}-${round}`
      await typeAuthor(page, text)
      await page.waitForTimeout(delay)
      // Half the time as a person closes a tab (the browser asks first), half as the tab is torn down.
      await page.close({ runBeforeUnload: round % 2 === 0 })
      if (!page.isClosed()) await page.waitForEvent('close')
      page = await openPage(context, url)
      await expect(page.getByLabel('Rédigée par'), `closed ${delay} ms after the last key`).toHaveValue(text)
    }
  }
})

test('reloading right after the last key loses nothing', async ({ page }) => {
  acceptLeaving(page)
  await newSheet(page)
  for (const delay of DELAYS) {
    for (let round = 0; round < ROUNDS; round++) {
      const text = `A${delay}-${round}`
      await typeAuthor(page, text)
      await page.waitForTimeout(delay)
      await page.reload()
      await expect(page.getByLabel('Rédigée par'), `reloaded ${delay} ms after the last key`).toHaveValue(text)
    }
  }
})

test('going back to the library right after the last key loses nothing', async ({ page }) => {
  await newSheet(page)
  for (const delay of DELAYS) {
    for (let round = 0; round < ROUNDS; round++) {
      const text = `A${delay}-${round}`
      await typeAuthor(page, text)
      await page.waitForTimeout(delay)
      await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
      await page.getByRole('link', { name: 'Observatoire des loyers' }).click()
      await expect(page.getByLabel('Rédigée par'), `left ${delay} ms after the last key`).toHaveValue(text)
    }
  }
})
