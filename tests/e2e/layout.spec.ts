// Every screen from 320 px (a small phone, or a narrow window: WCAG's reflow case is 320 px at 400 % zoom) to a
// 1920 px screen: no sideways scrolling, the app's header on one line, touch targets of at least 44 px on touch
// screens, and, on laptops and projectors, the radar and its two main indicators in view while scoring.
// Screenshots of each screen at each width are written to test-results/layout/ (under E2E_OUTPUT when it is set)
// for people to look at.
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
// Where Playwright writes its results (E2E_OUTPUT, relative to the project's folder, as in playwright.config.ts).
const shots = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_OUTPUT ?? 'test-results', 'layout')

const LONG_TITLE =
  'Cartographier l’offre de santé et projeter les besoins territoriaux à l’horizon 2035 dans les communes rurales du département'

const SCREENS = [
  // 320 px twice: a small phone, and a narrow window on a computer (no touch screen: other controls, other widths).
  { name: 'phone-320', width: 320, height: 640, touch: true, laptop: false },
  { name: 'window-320', width: 320, height: 640, touch: false, laptop: false },
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

/**
 * Measured against the layout viewport (`clientWidth`), not `window.innerWidth`: on a phone (isMobile) a page wider
 * than the screen zooms out and `innerWidth` grows with it, so comparing with it would always pass.
 */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  const culprits = scrollWidth > clientWidth ? (await elementsPastTheRightEdge(page)).join('; ') : ''
  expect
    .soft(scrollWidth, `${what}: page ${scrollWidth - clientWidth} px wider than the screen, because of ${culprits}`)
    .toBeLessThanOrEqual(clientWidth)
}

/**
 * What makes a page scroll sideways: the widest elements whose right edge is past the screen's, leaving out those
 * inside a box that clips or scrolls its own content (they don't widen the page), each with its width and by how
 * much it sticks out.
 */
async function elementsPastTheRightEdge(page: Page, count = 6): Promise<string[]> {
  return page.evaluate((count) => {
    const edge = document.documentElement.clientWidth
    const insideClippingBox = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement)
        if (getComputedStyle(box).overflowX !== 'visible') return true
      return false
    }
    const name = (element: Element) => {
      const classes = [...element.classList].slice(0, 2).map((name) => `.${name}`).join('')
      const type = element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ')
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}${type}${text ? ` « ${text.slice(0, 30)} »` : ''}`
    }
    return [...document.body.querySelectorAll('*')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.width > 0 && box.right > edge + 0.5 && !insideClippingBox(element))
      .sort((a, b) => b.box.width - a.box.width)
      .slice(0, count)
      .map(({ element, box }) => `${name(element)} (${Math.round(box.width)} px wide, ${Math.ceil(box.right - edge)} px past the edge)`)
  }, count)
}

/**
 * How many lines the app's header takes: the vertical middles of its visible text (each line of each link; text
 * hidden for the eye in a 1 px box is left out), grouped when less than 6 px apart (the name and the links differ a
 * little in size).
 */
async function headerLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nav = document.querySelector('.app-header nav')!
    const walker = document.createTreeWalker(nav, NodeFilter.SHOW_TEXT)
    const middles: number[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement!.getBoundingClientRect().width <= 1) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const rect of range.getClientRects()) if (rect.width > 0) middles.push(rect.top + rect.height / 2)
    }
    middles.sort((a, b) => a - b)
    return middles.filter((middle, index) => index === 0 || middle - middles[index - 1]! >= 6).length
  })
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
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage })
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

    // The empty library: its invitation to try the examples offers them right there, in the same box.
    const empty = page.getByRole('region', { name: 'Aucune fiche pour l’instant' })
    await expect(page.getByRole('heading', { level: 2, name: 'Aucune fiche pour l’instant' })).toBeVisible()
    const tryExamples = empty.getByRole('button', { name: 'Charger les exemples' })
    await expect.soft(tryExamples, 'the examples offered in the empty library').toBeVisible({ timeout: 1000 })
    await expect.soft(tryExamples, 'the button said what it loads').toHaveAccessibleDescription(/fiches fictives/, { timeout: 1000 })
    await expectNoSidewaysScroll(page, 'empty library')
    await shot(page, `library-empty-${screen.name}`, true)
    // The app's name and its two links on one line (from 320 px, the name shows as the logo alone).
    expect.soft(await headerLines(page), 'the app header on one line').toBe(1)

    await importFiles(page, [workshopFile()])
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await expect(page.getByRole('article')).toHaveCount(3)

    await expectNoSidewaysScroll(page, 'library')
    await shot(page, `library-${screen.name}`, true)
    await expectAccessible(page, screen, 'the library')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'library touch targets').toEqual([])
    // With a sheet ticked, the selection's actions stick to the bottom of the screen.
    await page.getByRole('checkbox').first().check()
    await expectNoSidewaysScroll(page, 'library with a sheet ticked')
    await shot(page, `library-selection-${screen.name}`)
    await page.getByRole('checkbox').first().uncheck()

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
    // Every section of the editor, top to bottom (each list with rows: milestones, stakeholders, budget, data…).
    await shot(page, `editor-full-${screen.name}`, true)

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

    // « Corbeille », with the sheet of the long title in it.
    await page.goto('/')
    await page.getByRole('button', { name: `Supprimer « ${LONG_TITLE} »` }).click()
    await page.getByRole('link', { name: 'Corbeille', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: LONG_TITLE })).toBeVisible()
    await expectNoSidewaysScroll(page, 'trash')
    await shot(page, `trash-${screen.name}`, true)
    await expectAccessible(page, screen, 'the trash')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'trash touch targets').toEqual([])

    await page.goto('/confidentialite')
    await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'privacy page')
    await shot(page, `privacy-${screen.name}`, true)
    await expectAccessible(page, screen, 'the privacy page')
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'privacy touch targets').toEqual([])

    await page.goto('/nulle-part')
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'page not found')
    await shot(page, `not-found-${screen.name}`)

    // The restitution screens, on the examples' workshop.
    await page.goto('/')
    await page.getByRole('button', { name: 'Charger les exemples' }).click()
    await expect(page.getByRole('button', { name: /^Retirer les exemples/ })).toBeVisible()
    await page.goto('/ateliers')
    await expect(page.getByRole('link', { name: 'Atelier des exemples' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'workshops')
    await shot(page, `workshops-${screen.name}`, true)
    if (screen.touch) expect.soft(await smallTouchTargets(page), 'workshops touch targets').toEqual([])
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
