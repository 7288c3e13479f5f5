// No silent truncation: a paste longer than a field's limit keeps what fits and says, in French, how much was kept;
// the counter shows from 90 % of the limit. Pasted as a person pastes: the real clipboard and Ctrl+V, or the paste
// event a browser sends (a ClipboardEvent carrying a DataTransfer) on the focused field.
import { expect, test, type Locator, type Page } from '@playwright/test'

/** French figures are grouped with a narrow no-break space: any space matches. */
const figures = (text: string) => new RegExp(text.replace(/[()./]/g, '\\$&').replace(/ (?=\d)/g, '\\s'))

/** `length` characters of text as people paste it: sentences and line breaks. */
function longText(length: number): string {
  const paragraph = 'Croiser les annonces et les déclarations pour suivre les loyers du territoire.\n'
  return paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length)
}

/** The paste event a browser sends on the focused field, carrying `text` as the clipboard's plain text. */
async function pasteEvent(field: Locator, text: string): Promise<number> {
  await field.focus()
  return field.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    const started = performance.now()
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    return performance.now() - started
  }, text)
}

/** The message as it shows under the field (its words are also in the field's live region, for screen readers). */
const shown = (page: Page, text: RegExp) => page.getByText(text).and(page.locator(':not([aria-live])'))

async function saved(page: Page) {
  await expect(page.getByText('Modifications en cours…')).toHaveCount(0)
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
}

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
})

test('1 MB pasted into « Description » with Ctrl+V keeps 20 000 characters, says so, and stores them', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.keyboard.type('Observatoire des loyers')
  const megabyte = longText(1_048_576)
  await page.evaluate((text) => navigator.clipboard.writeText(text), megabyte)

  const description = page.getByLabel('Description', { exact: true })
  await description.focus()
  await page.keyboard.press('Control+V')

  const message = figures('Texte collé trop long : 20 000 caractères gardés sur 1 048 576 (limite du champ).')
  await expect(shown(page, message)).toBeVisible()
  await expect(shown(page, figures('Limite atteinte : 20 000 caractères'))).toBeVisible()
  await expect(description).toHaveAccessibleDescription(message)
  // Said to screen readers too, in the field's polite live region.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: message })).toHaveCount(1)
  const kept = megabyte.slice(0, 20_000)
  expect(await description.evaluate((element: HTMLTextAreaElement, text) => element.value === text, kept)).toBe(true)

  // The paste is one edit, undone as one.
  await page.keyboard.press('Control+Z')
  await expect(description).toHaveValue('')
  await page.keyboard.press('Control+Shift+Z')
  expect(await description.evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(20_000)

  await saved(page)
  await page.reload()
  await expect(page.getByLabel('Titre du projet')).toHaveValue('Observatoire des loyers')
  expect(await description.evaluate((element: HTMLTextAreaElement, text) => element.value === text, kept)).toBe(true)
  // The stored text is at the limit: the counter says so from the start, and no paste message is left.
  await expect(shown(page, figures('Limite atteinte : 20 000 caractères'))).toBeVisible()
  await expect(page.getByText(/Texte collé trop long/)).toHaveCount(0)
})

test('a 10 000-character title pasted keeps 200 characters and says so', async ({ page }) => {
  const title = page.getByLabel('Titre du projet')
  const pasted = longText(10_000).replace(/\n/g, ' ')
  await pasteEvent(title, pasted)

  const message = figures('Texte collé trop long : 200 caractères gardés sur 10 000 (limite du champ).')
  await expect(shown(page, message)).toBeVisible()
  await expect(title).toHaveValue(pasted.slice(0, 200))
  await expect(title).toHaveAccessibleDescription(new RegExp(`Limite atteinte : 200 caractères.*${message.source}`))

  // The next edit clears the message; the counter stays while the text is near the limit.
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await expect(page.getByText(message)).toHaveCount(0)
  await expect(shown(page, figures('198 / 200 caractères'))).toBeVisible()

  await saved(page)
  await page.reload()
  await expect(title).toHaveValue(pasted.slice(0, 198))
})

test('the counter appears at 90 % of the limit, tied to the field, and « Limite atteinte » at the limit', async ({ page }) => {
  const organisation = page.getByLabel('Collectivité porteuse')
  await organisation.fill('a'.repeat(179))
  await expect(page.getByText(figures('179 / 200 caractères'))).toHaveCount(0)
  await expect(organisation).toHaveAccessibleDescription('')

  await organisation.press('End')
  await page.keyboard.type('b')
  await expect(shown(page, figures('180 / 200 caractères'))).toBeVisible()
  await expect(organisation).toHaveAccessibleDescription(figures('180 / 200 caractères'))
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: figures('180 caractères sur 200 autorisés') })).toHaveCount(1)

  await page.keyboard.type('c'.repeat(25))
  await expect(organisation).toHaveValue(`${'a'.repeat(179)}b${'c'.repeat(20)}`)
  await expect(organisation).toHaveAccessibleDescription(figures('Limite atteinte : 200 caractères'))
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: figures('Limite atteinte : 200 caractères') })).toHaveCount(1)
  // Keys typed one by one at the limit just stop, as they always did: no paste message for them.
  await expect(page.getByText(/trop long/)).toHaveCount(0)
})

test('text inserted at once beyond the limit (autocompletion, dictation, a drop) is measured and said', async ({
  page,
}) => {
  // Playwright's fill inserts the text in one go, as the browser's own insertions do: the native maxlength cuts it.
  const organisation = page.getByLabel('Collectivité porteuse')
  await organisation.fill('Métropole '.repeat(30))
  await expect(organisation).toHaveValue('Métropole '.repeat(20))
  await expect(shown(page, figures('Texte trop long : 200 caractères gardés sur 300 (limite du champ).'))).toBeVisible()
})

test('a megabyte pasted into a field keeps what fits and says so', async ({ page }) => {
  const problem = page.getByLabel('Problématique')
  // How long it takes is printed by `npm run bench`, not asserted here (a busy machine must not fail the suite).
  await pasteEvent(problem, longText(1_048_576))
  await expect(shown(page, figures('Texte collé trop long : 5 000 caractères gardés sur 1 048 576 (limite du champ).'))).toBeVisible()
  expect(await problem.evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(5_000)
})
