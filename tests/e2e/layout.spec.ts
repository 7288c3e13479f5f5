// Every screen from a 360 px phone to a 1920 px screen: no sideways scrolling, touch targets of at least 44 px on
// touch screens, and, on laptops and projectors, the radar and its two main indicators in view while scoring.
// Screenshots of each screen at each width are written to test-results/layout/ for people to look at.
import { mkdirSync, readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
const shots = new URL('../../test-results/layout/', import.meta.url).pathname

const LONG_TITLE =
  'Cartographier l’offre de santé et projeter les besoins territoriaux à l’horizon 2035 dans les communes rurales du département'

const SCREENS = [
  { name: 'phone-360', width: 360, height: 740, touch: true, laptop: false },
  { name: 'phone-390', width: 390, height: 844, touch: true, laptop: false },
  { name: 'tablet-768', width: 768, height: 1024, touch: true, laptop: false },
  { name: 'projector-1280x720', width: 1280, height: 720, touch: false, laptop: true },
  { name: 'laptop-1366x768', width: 1366, height: 768, touch: false, laptop: true },
  { name: 'desktop-1920', width: 1920, height: 1080, touch: false, laptop: true },
]

/** Three participants' sheets, one with a long title. */
function workshopFile() {
  const file = JSON.parse(readFileSync(examples('fiches-atelier.json'), 'utf8'))
  file.sheets = file.sheets.slice(0, 3)
  file.sheets[0].project.title = LONG_TITLE
  return { name: 'atelier.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }
}

async function openScreen(browser: Browser, screen: (typeof SCREENS)[number]) {
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    hasTouch: screen.touch,
    isMobile: screen.touch,
    locale: 'fr-FR',
  })
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  return { context, page }
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect.soft(scrollWidth, `${what}: page wider than the screen`).toBeLessThanOrEqual(innerWidth)
}

/** Controls smaller than 44 × 44 CSS pixels, which a finger misses (WCAG 2.5.5, touch screens). */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll<HTMLElement>('main button, main a[href], main select, main input:not([type="radio"]):not([type="checkbox"]), main summary, main label:has(input[type="radio"]), main label:has(input[type="checkbox"])')]
    return targets
      .filter((element) => {
        const box = element.getBoundingClientRect()
        const style = getComputedStyle(element)
        if (box.width === 0 || style.visibility === 'hidden' || element.closest('.sr-only')) return false
        // Links inside running text are exempt (WCAG 2.5.5 "inline"), and so are the matrix's points, each of
        // which has an equivalent link in the table under the drawing (WCAG 2.5.5 "equivalent").
        if (element.tagName === 'A' && style.display === 'inline') return false
        if (element.closest('svg')) return false
        return box.height < 44 || box.width < 44
      })
      .map((element) => `${element.tagName} « ${(element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 40)} » ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`)
  })
}

/** axe-core at the phone and projector widths: no serious or critical violation. */
async function expectAccessible(page: Page, screen: (typeof SCREENS)[number], what: string) {
  if (screen.width !== 390 && screen.width !== 1280) return
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`))
  expect.soft(serious, `axe on ${what} at ${screen.width} px`).toEqual([])
}

async function shot(page: Page, name: string, fullPage = false) {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: `${shots}${name}.png`, fullPage })
}

function insideViewport(page: Page, box: { x: number; y: number; width: number; height: number } | null) {
  const viewport = page.viewportSize()!
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
}

for (const screen of SCREENS) {
  test(`every screen fits ${screen.width} px (${screen.name})`, async ({ browser }) => {
    // Eleven screens, with axe on each at 390 and 1280 px: minutes on a busy machine (a ceiling, not a target).
    test.setTimeout(240_000)
    const { context, page } = await openScreen(browser, screen)
    await page.goto('/')
    await importFiles(page, [workshopFile()])
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await expect(page.getByRole('article')).toHaveCount(3)

    await expectNoSidewaysScroll(page, 'library')
    await shot(page, `library-${screen.name}`, true)
    await expectAccessible(page, screen, 'the library')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'library touch targets').toEqual([])

    // The import dialog, with a conflict question (the same file again, one sheet changed).
    const changed = workshopFile()
    const file = JSON.parse(changed.buffer.toString())
    file.sheets[1].project.description = 'Version modifiée'
    await importFiles(page, [{ ...changed, buffer: Buffer.from(JSON.stringify(file)) }])
    await expect(page.getByRole('dialog').getByText('Cette fiche existe déjà dans votre bibliothèque')).toBeVisible()
    await expectNoSidewaysScroll(page, 'import dialog')
    await shot(page, `import-dialog-${screen.name}`)
    await expectAccessible(page, screen, 'the import dialog')
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler l’import' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()

    // The editor of the sheet with a long title, the method panel open.
    await page.getByRole('link', { name: LONG_TITLE }).click()
    await expect(page.getByLabel('Titre du projet')).toHaveValue(LONG_TITLE)
    await page.getByText('Méthode : comment lire le radar').click()
    await expectNoSidewaysScroll(page, 'editor')
    await shot(page, `editor-${screen.name}`)
    await expectAccessible(page, screen, 'the editor')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'editor touch targets').toEqual([])

    // Every in-page link lands with its heading in view, below the sticky header.
    for (const name of ['Informations générales', 'Le projet', 'Les données', 'Enjeux juridiques et éthiques', 'Radar des enjeux Data']) {
      await page.getByRole('navigation', { name: 'Sommaire de la fiche' }).getByRole('link', { name }).click()
      const heading = page.getByRole('heading', { level: 2, name })
      await expect(heading).toBeInViewport()
      const box = (await heading.boundingBox())!
      const sticky = await page.evaluate(() => document.querySelector('h1')!.closest('header')!.getBoundingClientRect().bottom)
      expect.soft(box.y, `« ${name} » below the sticky header`).toBeGreaterThanOrEqual(sticky - 1)
    }
    await page.getByRole('link', { name: 'Aller au radar' }).click()
    await shot(page, `editor-radar-${screen.name}`)
    const radarFromLink = page.getByRole('img', { name: /Radar des enjeux Data/ })
    await expect(radarFromLink).toBeInViewport()

    // Scoring the last theme: on laptops the radar and its two main indicators stay in view.
    const lastGroup = page.getByRole('group', { name: 'Environnement — Frein au passage à l’échelle' })
    await lastGroup.getByRole('radio').first().focus()
    await expectNoSidewaysScroll(page, 'editor, scoring')
    await shot(page, `editor-scoring-${screen.name}`)
    if (screen.laptop) {
      const radar = page.getByRole('img', { name: /Radar des enjeux Data/ })
      const indicators = page.getByRole('region', { name: 'Indicateurs' })
      expect.soft(insideViewport(page, await radar.boundingBox()), 'radar in view').toBe(true)
      for (const name of ['Difficultés à surmonter (prototype)', 'Probabilité de passage à l’échelle']) {
        const term = indicators.getByRole('term').filter({ hasText: name })
        const value = term.locator('xpath=following-sibling::dd[1]')
        expect.soft(insideViewport(page, await term.boundingBox()), `${name} in view`).toBe(true)
        expect.soft(insideViewport(page, await value.boundingBox()), `${name}'s value in view`).toBe(true)
      }
      expect.soft(insideViewport(page, await lastGroup.boundingBox()), 'the scored theme in view').toBe(true)
    }

    // The library on paper: a clean list, without buttons, boxes or search.
    await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
    await expect(page.getByRole('article')).toHaveCount(3)
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('button')).toHaveCount(0)
    await expect(page.getByRole('checkbox')).toHaveCount(0)
    await expect(page.getByRole('search')).toHaveCount(0)
    await expect(page.getByText('Vos fiches restent dans ce navigateur')).toBeHidden()
    await shot(page, `library-print-${screen.name}`, true)
    await page.emulateMedia({ media: 'screen' })
    await page.getByRole('link', { name: LONG_TITLE }).click()

    // The same sheet on paper, without the app's footer.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByText('Vos fiches restent dans ce navigateur')).toBeHidden()
    await expectNoSidewaysScroll(page, 'print view')
    await shot(page, `print-${screen.name}`)
    await page.emulateMedia({ media: 'screen' })

    await page.goto('/confidentialite')
    await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'privacy page')
    await shot(page, `privacy-${screen.name}`, true)
    await expectAccessible(page, screen, 'the privacy page')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'privacy touch targets').toEqual([])

    // The restitution screens, on the examples' workshop.
    await page.goto('/')
    await page.getByRole('button', { name: 'Charger les exemples' }).click()
    await expect(page.getByRole('button', { name: /^Retirer les exemples/ })).toBeVisible()
    await page.goto('/ateliers')
    await page.getByRole('link', { name: 'Atelier des exemples' }).click()
    const restitution: [string, string][] = [
      ['workshop', 'Atelier des exemples'],
      ['compare', 'Comparer les radars — Atelier des exemples'],
      ['matrix', 'Matrice du portefeuille — Atelier des exemples'],
    ]
    for (const [name, heading] of restitution) {
      if (name === 'compare') await page.getByRole('link', { name: 'Comparer les radars' }).click()
      if (name === 'matrix') await page.getByRole('link', { name: 'Matrice du portefeuille' }).click()
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expectNoSidewaysScroll(page, name)
      await shot(page, `${name}-${screen.name}`, true)
      // At 1280 px, restitution.spec.ts runs axe on these screens already.
      if (screen.width !== 1280) await expectAccessible(page, screen, `the ${name} screen`)
      if (screen.touch) expect.soft(await smallTouchTargets(page), `${name} touch targets`).toEqual([])
    }
    await page.getByRole('link', { name: 'Présenter' }).click()
    await expect(page.getByText('Fiche 1 sur 17')).toBeVisible()
    await expectNoSidewaysScroll(page, 'presentation')
    await shot(page, `presentation-${screen.name}`)
    if (screen.width !== 1280) await expectAccessible(page, screen, 'the presentation')
    await context.close()
  })
}
