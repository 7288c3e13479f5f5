// RGAA / WCAG 2.1 AA checks on the production build: axe-core on every main screen, the page structure, the skip
// link, reduced motion and a keyboard-only journey from the library to an exported sheet.
import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoSeriousViolations, importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
const SANTE_TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'

async function expectPageStructure(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('main')).toHaveCount(1)
  await expect(page.getByRole('banner')).toHaveCount(1)
  await expect(page.getByRole('contentinfo')).toHaveCount(1)
}

test.describe('axe-core finds no serious or critical violation', () => {
  test('on the empty library', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'the empty library')
  })

  test('on the library with sheets', async ({ page }) => {
    await page.goto('/')
    await importFiles(page, [examples('fiches-atelier.json')])
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await expect(page.getByRole('article')).toHaveCount(4)
    // One card selected and the storage panel open, so the selection bar and the panel are checked too.
    await page.getByRole('checkbox').first().check()
    await page.getByText('Stockage dans ce navigateur').click()
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'the library with sheets')
  })

  test('on the editor of a sheet, fully expanded', async ({ page }) => {
    await page.goto('/')
    await importFiles(page, [examples('fiche-sante.json')])
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await page.getByRole('link', { name: SANTE_TITLE }).click()
    await expect(page.getByRole('heading', { level: 1, name: SANTE_TITLE })).toBeVisible()
    await page.getByText('Méthode : comment lire le radar').click()
    await expect(page.locator('details.method')).toHaveAttribute('open', '')
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'the editor')
  })

  test('on a new, empty sheet', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
    await expect(page.getByLabel('Titre du projet')).toBeFocused()
    // Empty lists, then one row of each, with a validation message (blank title).
    await page.getByLabel('Titre du projet').fill('')
    await page.getByRole('button', { name: 'Ajouter un objectif' }).click()
    await page.getByRole('button', { name: 'Ajouter une partie prenante' }).click()
    await page.getByRole('button', { name: 'Ajouter un jeu de données' }).click()
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'a new sheet')
  })

  test('on the import dialog, with a conflict and a refused file', async ({ page }) => {
    await page.goto('/')
    await importFiles(page, [examples('fiche-sante.json')])
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()

    const changed = JSON.parse(readFileSync(examples('fiche-sante.json'), 'utf8'))
    changed.sheets[0].project.description = 'Version révisée par le département.'
    const broken = JSON.parse(readFileSync(examples('fiches-atelier.json'), 'utf8'))
    broken.sheets[2].radar.cybersecurite.prototype = 5
    await importFiles(page, [
      { name: 'atelier.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) },
      { name: 'fiche-revisee.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) },
    ])
    const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
    await expect(dialog.getByRole('heading', { name: 'Cette fiche existe déjà dans votre bibliothèque' })).toBeVisible()
    await expect(dialog).toContainText('« atelier.json » n’a pas été importé')
    await expectNoSeriousViolations(page, 'the import dialog (conflict and refused file)')

    await dialog.getByRole('button', { name: 'Garder les deux' }).click()
    await expect(dialog).toContainText('1 fiche ajoutée')
    await expectNoSeriousViolations(page, 'the import dialog (summary)')
  })

  test('on the privacy page and the page not found', async ({ page }) => {
    await page.goto('/confidentialite')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'the privacy page')

    await page.goto('/nulle-part')
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible()
    await expectPageStructure(page)
    await expectNoSeriousViolations(page, 'the page not found')
  })
})

test('the skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Aller au contenu' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The next tab stop is inside the main content, not back in the header.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true)
})

test('focus is always visible', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  // Every tab stop of the library, then of the editor's header and first fields, draws an outline.
  for (let step = 0; step < 25; step += 1) {
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement
      if (element === document.body) return 'body'
      // A visually hidden native radio shows its focus on the face next to it.
      const shown = element.matches('input[type="radio"]') ? (element.nextElementSibling as HTMLElement) : element
      const style = getComputedStyle(shown)
      return `${style.outlineStyle} ${style.outlineWidth}`
    })
    if (outline === 'body') continue
    expect(outline, `tab stop ${step + 1}`).not.toMatch(/^none|\s0px$/)
  }
})

test('the radar is drawn without animation when the user prefers reduced motion', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: SANTE_TITLE }).click()
  const chart = page.locator('.radar-chart__canvas').first()
  await expect(chart).toHaveAttribute('data-animated', 'true')

  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect(chart).toHaveAttribute('data-animated', 'false')
  await page.reload()
  await expect(page.locator('.radar-chart__canvas').first()).toHaveAttribute('data-animated', 'false')
  // The chart's text alternative is still there: the table of all 20 scores.
  await expect(page.getByRole('table', { name: 'Notes du radar des enjeux Data' })).toHaveCount(1)
})

/** Presses Tab (or Shift+Tab) until the target has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 400 } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Could not reach ${target} with the keyboard in ${limit} presses`)
}

test('a sheet is created, scored and exported with the keyboard only', async ({ page }) => {
  // Hundreds of key presses, each followed by a look at the focus: a ceiling for a busy machine, not a measure.
  test.setTimeout(180_000)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()

  // Create: the new sheet opens with its title field focused.
  await tabTo(page, page.getByRole('button', { name: 'Créer ma première fiche' }))
  await page.keyboard.press('Enter')
  const title = page.getByLabel('Titre du projet')
  await expect(title).toBeFocused()
  await page.keyboard.type('Parcours au clavier')
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours au clavier' })).toBeVisible()

  // A list row: the add button puts the focus in the new row.
  await tabTo(page, page.getByRole('button', { name: 'Ajouter un objectif' }))
  await page.keyboard.press('Enter')
  const objective = page.getByRole('textbox', { name: 'Objectif 1', exact: true })
  await expect(objective).toBeFocused()
  await page.keyboard.type('Tout faire sans souris')
  // A second row, moved up with its own button: the focus stays with the moved row.
  await tabTo(page, page.getByRole('button', { name: 'Ajouter un objectif' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Objectif 2', exact: true })).toBeFocused()
  await page.keyboard.type('Vérifier chaque étape')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Monter Objectif 2' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Objectif 1', exact: true })).toHaveValue('Vérifier chaque étape')
  await expect(page.getByRole('button', { name: 'Supprimer Objectif 1' })).toBeFocused()

  // A score: one tab stop per radio group, arrows to choose.
  const group = page.getByRole('group', { name: 'Cybersécurité — Difficulté pour le prototype' })
  // The group's tab stop is its checked radio: "Non évalué" on a new sheet; the arrows move and choose.
  await tabTo(page, group.getByRole('radio', { name: 'Non évalué' }))
  await page.keyboard.press('ArrowLeft')
  await expect(group.getByRole('radio', { name: '4 Critique' })).toBeChecked()
  await page.keyboard.press('ArrowLeft')
  await expect(group.getByRole('radio', { name: '3 Fort' })).toBeChecked()
  await expect(group.getByRole('radio', { name: '3 Fort' })).toBeFocused()
  await expect(page.getByRole('region', { name: 'Indicateurs' })).toContainText('Difficulté pour le prototype : 1/10')

  // Export, back up in the sheet's header.
  await tabTo(page, page.getByRole('button', { name: 'Exporter la fiche (JSON)' }), { backwards: true })
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const file = await download
  expect(file.suggestedFilename()).toBe('fiche-parcours-au-clavier.json')
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'))
  expect(exported.sheets[0].project.title).toBe('Parcours au clavier')
  expect(exported.sheets[0].project.objectives).toEqual(['Vérifier chaque étape', 'Tout faire sans souris'])
  expect(exported.sheets[0].radar.cybersecurite.prototype).toBe(3)
})
