// Where the keyboard is after each dialog, action and change of page (WCAG 2.4.3, RGAA 12.8), driven by the keyboard
// alone (only the system's file chooser is answered by the test): never on the page's body. Also: the « Annuler »
// notice stays while the keyboard is on it (WCAG 2.2.1, RGAA 13.1), and the app holds up with its text at 200 %
// (RGAA 10.4): axe finds nothing serious, the sheet's title and save state wrap rather than being cut.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'

const examples = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname
const WORKSHOP_FILE = examples('v2/atelier-v2-complet.json')
const WORKSHOP = 'Parcours data — atelier 3'
const SANTE_TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'
const SCORES = '21340213423104231203'

/** Presses Tab (or Shift+Tab) until the target has the focus; returns the presses, fails after `limit`. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 200 } = {}): Promise<number> {
  for (let presses = 0; presses <= limit; presses += 1) {
    const focused = target.evaluate((element) => element === document.activeElement, undefined, { timeout: 2_000 })
    if (await focused.catch(() => false)) return presses
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Could not reach ${target} with the keyboard in ${limit} presses`)
}

/** Enter on the focused import button, and the files given to the system's file chooser it opens. */
async function importWithKeyboard(page: Page, button: Locator, file: string) {
  await tabTo(page, button)
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(file)
}

/** The polite region that says which page has just opened. */
const pageAnnouncer = (page: Page) => page.getByRole('status').filter({ hasText: /— Fiche Projet Data$/ })

/** After a change of page: the keyboard on its h1, and its title said to screen readers. */
async function expectArrivedOn(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused()
  await expect(pageAnnouncer(page)).toHaveText(`${heading} — Fiche Projet Data`)
}

test('the keyboard lands where it belongs after each dialog, action and change of page', async ({ page }) => {
  // Time is under the test's hand, so that the notice is reached before its 10 s are up on a busy machine.
  await page.clock.install()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes fiches Projet Data' })).toBeVisible()

  // The import dialog, closed with « Fermer », then with Escape: the keyboard goes back to the button that opened it.
  const importButton = page.getByRole('button', { name: 'Importer des fiches (JSON)' })
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await importWithKeyboard(page, importButton, WORKSHOP_FILE)
  await expect(dialog.getByRole('button', { name: 'Fermer' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(importButton).toBeFocused()
  await importWithKeyboard(page, importButton, WORKSHOP_FILE)
  await expect(dialog).toContainText('4 ignorées')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(importButton).toBeFocused()

  // Deleting a card: the keyboard goes to the card that took its place. (The clock stops meanwhile: on a busy
  // machine, reaching « Annuler » must not race its 10 s.)
  const cards = page.getByRole('article')
  await expect(cards).toHaveCount(4)
  const titles = await page.locator('article h2').allInnerTexts()
  await tabTo(page, page.getByRole('button', { name: `Supprimer « ${titles[1]} »` }))
  await page.clock.pauseAt(Date.now() + 1_000)
  await page.keyboard.press('Enter')
  await expect(cards).toHaveCount(3)
  await expect(page.getByRole('link', { name: titles[2], exact: true })).toBeFocused()

  // « Annuler » stays while the keyboard is on it, however long it takes, then brings the card back into focus.
  const notice = page.getByRole('region', { name: 'Notifications' })
  const undo = notice.getByRole('button', { name: 'Annuler', exact: true })
  await expect(undo).toBeVisible()
  await tabTo(page, undo)
  await page.clock.fastForward(30_000)
  await expect(undo).toBeVisible()
  await expect(undo).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(cards).toHaveCount(4)
  await expect(page.getByRole('link', { name: titles[1], exact: true })).toBeFocused()
  // A notice nobody holds still goes.
  await expect(notice).toContainText(`Fiche « ${titles[1]} » restaurée.`)
  await page.clock.fastForward(30_000)
  await expect(notice).not.toContainText('restaurée')
  await page.clock.resume()

  // « Tout sélectionner » gives way to the selection's actions: the keyboard goes to the first of them.
  await tabTo(page, page.getByRole('button', { name: 'Tout sélectionner (4 fiches)' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Exporter la sélection (4)' })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'Tout désélectionner' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Tout sélectionner (4 fiches)' })).toBeFocused()

  // Library → a sheet → the library: each time the new page's heading, and its title announced.
  await tabTo(page, page.getByRole('link', { name: SANTE_TITLE, exact: true }), { backwards: true })
  await page.keyboard.press('Enter')
  await expectArrivedOn(page, SANTE_TITLE)
  await tabTo(page, page.getByRole('link', { name: 'Retour à mes fiches' }), { backwards: true })
  await page.keyboard.press('Enter')
  await expectArrivedOn(page, 'Mes fiches Projet Data')

  // → Ateliers (from the header, whose link stays on screen) → a workshop.
  await tabTo(page, page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ateliers' }), {
    backwards: true,
  })
  await page.keyboard.press('Enter')
  await expectArrivedOn(page, 'Ateliers')
  await tabTo(page, page.getByRole('link', { name: WORKSHOP }))
  await page.keyboard.press('Enter')
  await expectArrivedOn(page, WORKSHOP)

  // The workshop's import dialog, closed with Escape: back to its own button.
  const workshopImport = page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' })
  await importWithKeyboard(page, workshopImport, WORKSHOP_FILE)
  await expect(dialog.getByRole('button', { name: 'Fermer' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(workshopImport).toBeFocused()
})

test('after the 20th score the keyboard is on its choice, and the radar image a few Tab presses away', async ({ page }) => {
  await page.goto('/')
  await tabTo(page, page.getByRole('button', { name: 'Créer ma première fiche' }))
  await page.keyboard.press('Enter')
  // The new sheet puts the keyboard in its title field itself: the change of page leaves it there.
  const title = page.getByLabel('Titre du projet')
  await expect(title).toBeFocused()
  await expect(pageAnnouncer(page)).toHaveText('Nouvelle fiche — Fiche Projet Data')
  await page.keyboard.type('Parcours au clavier')

  await tabTo(page, page.getByRole('link', { name: 'Aller au radar' }), { backwards: true })
  await page.keyboard.press('Enter')
  const first = page.getByRole('group', { name: 'Datamining — Difficulté pour le prototype' })
  await expect(first.getByRole('radio', { name: 'Non évalué' })).toBeFocused()
  for (const digit of SCORES) await page.keyboard.press(digit)

  const last = page.getByRole('group', { name: 'Environnement — Frein au passage à l’échelle' })
  await expect(last.getByRole('radio', { name: '3 Fort' })).toBeChecked()
  await expect(last.getByRole('radio', { name: '3 Fort' })).toBeFocused()

  // The radar image is within reach of the last score (it was a hundred Shift+Tab away, in the sheet's header).
  const exportButtons = page.getByRole('button', { name: 'Exporter le radar (PNG)' })
  const presses = await tabTo(page, exportButtons.last(), { limit: 10 })
  expect(presses).toBeLessThanOrEqual(10)
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  expect((await download).suggestedFilename()).toMatch(/^radar-.*\.png$/)
})

test('each change of the indicators is announced once, by one live region', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await page.getByRole('link', { name: 'Aller au radar' }).click()
  await page.keyboard.press('4')
  // Every live region of the page, shown or not (the print view's copy of the indicators is hidden on screen).
  const liveRegions = page.locator('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')
  const announcing = liveRegions.filter({ hasText: 'Difficultés à surmonter (prototype)' })
  await expect(announcing).toHaveCount(1)
  // Each changed figure with its label, once; not the figures that did not change.
  await expect(announcing).toContainText('Difficultés à surmonter (prototype) : 1 thème difficile, sur 1 thème évalué')
  await expect(announcing).toContainText('Indice de difficulté : 100')
  await expect(announcing).not.toContainText('Probabilité de passage à l’échelle')
})

/** Runs axe and fails on any serious or critical violation, listed readably. */
async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  const report = serious.flatMap((violation) =>
    violation.nodes.map((node) => `[${violation.impact}] ${violation.id} (${violation.help}) at ${node.target.join(' ')}`),
  )
  expect(report, `axe violations on ${screen} with the text at 200 %`).toEqual([])
}

/** The element's text shows whole: nothing overflows its box, nothing is clipped with an ellipsis. */
async function expectNotCut(locator: Locator, what: string) {
  const box = await locator.evaluate((element) => {
    const style = getComputedStyle(element)
    return {
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      ellipsis: style.textOverflow === 'ellipsis' && style.overflowX !== 'visible',
      nowrap: style.whiteSpace === 'nowrap' && style.overflowX !== 'visible',
    }
  })
  expect(box.scrollWidth, `${what}: wider than its box`).toBeLessThanOrEqual(box.clientWidth)
  expect(box.ellipsis, `${what}: cut with an ellipsis`).toBe(false)
  expect(box.nowrap, `${what}: kept on one clipped line`).toBe(false)
}

test('with the text at 200 %: no serious axe violation, and the sheet’s title and save state wrap rather than being cut', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // Text zoom: the root font size, which every rem of the app follows (the page is not reloaded from here on).
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px')
  await expectNoSeriousViolations(page, 'the empty library')

  const importButton = page.getByRole('button', { name: 'Importer des fiches (JSON)' })
  await importWithKeyboard(page, importButton, WORKSHOP_FILE)
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog).toContainText('4 fiches ajoutées')
  await expectNoSeriousViolations(page, 'the import dialog')
  await page.keyboard.press('Escape')
  await expect(importButton).toBeFocused()
  await expectNoSeriousViolations(page, 'the library')

  await page.getByRole('link', { name: SANTE_TITLE, exact: true }).click()
  const heading = page.getByRole('heading', { level: 1, name: SANTE_TITLE })
  await expect(heading).toBeVisible()
  // As it came from the file: « Importée le … » (screen readers hear the same state in a status of their own).
  const saveState = page.getByText(/^Importée le/)
  await expect(saveState).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('editor-text-200.png') })
  await expectNotCut(heading, 'the sheet’s title')
  await expectNotCut(saveState, 'the save state')
  await expectNoSeriousViolations(page, 'the editor')
})
