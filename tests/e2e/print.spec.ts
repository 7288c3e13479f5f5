import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
const resultsDir = new URL('../../test-results/', import.meta.url).pathname

const SANTE_TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'

async function createSheet(page: Page, title: string) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  const titleField = page.getByLabel('Titre du projet')
  await expect(titleField).toBeFocused()
  await page.keyboard.type(title)
  await expect(page).toHaveTitle(`${title} — Fiche Projet Data`)
}

/** Page objects of the PDF: "/Type /Page", not the "/Type /Pages" of the page tree. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
}

function decodePdfBytes(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le')
  return bytes.toString('latin1')
}

/** The document title Chromium stores in the PDF's /Title metadata: a hex string <FEFF…> or a literal (…). */
function pdfTitle(pdf: Buffer): string | null {
  const raw = pdf.toString('latin1')
  const hex = raw.match(/\/Title\s*<([0-9A-Fa-f\s]*)>/)
  if (hex) return decodePdfBytes(Buffer.from(hex[1]!.replace(/\s+/g, ''), 'hex'))
  const literal = raw.match(/\/Title\s*\(((?:\\[\s\S]|[^\\)])*)\)/)
  if (!literal) return null
  const unescaped = literal[1]!.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, escape: string) => {
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8))
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escape] ?? escape
  })
  return decodePdfBytes(Buffer.from(unescaped, 'latin1'))
}

/** Non-transparent pixels of a canvas: a chart that was never drawn has none. */
function paintedPixels(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
  let painted = 0
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 0) painted++
  return painted
}

test('an imported sheet prints as a clean A4 document of 1 to 4 pages', async ({ page }) => {
  await page.goto('/')
  await importFiles(page, [examples('fiche-sante.json')])
  await page.getByRole('dialog', { name: 'Importer des fiches' }).getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: new RegExp(`^${SANTE_TITLE}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: SANTE_TITLE })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Radar des enjeux Data : 20 notes évaluées/ })).toBeVisible()

  // On screen: the editor and its buttons, no paper version…
  const printButton = page.getByRole('button', { name: 'Imprimer / PDF' })
  const printView = page.locator('.sheet-print')
  await expect(printButton).toBeVisible()
  await expect(printView).toBeHidden()
  // …but its radar is already drawn: the browser lays out the print without giving a chart time to redraw.
  const paperChart = printView.locator('.sheet-print__radar canvas')
  expect(await paperChart.evaluate(paintedPixels)).toBeGreaterThan(10_000)

  // On paper: only the document, sections in reading order, empty ones left out.
  await page.emulateMedia({ media: 'print' })
  await expect(printButton).toBeHidden()
  await expect(page.getByRole('button', { name: 'Exporter la fiche (JSON)' })).toBeHidden()
  await expect(page.getByLabel('Titre du projet')).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Sommaire de la fiche' })).toBeHidden()
  await expect(printView).toBeVisible()
  await expect(printView.getByRole('heading', { level: 1, name: SANTE_TITLE })).toBeVisible()
  await expect(printView.getByRole('heading', { level: 2 })).toHaveText([
    'Le projet',
    'Les données',
    'Enjeux juridiques et éthiques',
    'Radar des enjeux Data',
  ])
  await expect(printView).toContainText('Département exemple')
  await expect(printView).toContainText('Analyse d’impact à conduire avec le DPO')
  await expect(printView).not.toContainText('Hébergement et souveraineté')
  await expect(paperChart).toBeVisible()
  // 11 cm at 96 px per inch is about 416 px: the radar prints at its paper size.
  const chart = await paperChart.boundingBox()
  expect(chart!.width).toBeGreaterThan(400)
  expect(chart!.width).toBeLessThan(430)

  // Printed the way a person does, from the page as it is on screen.
  await page.emulateMedia({ media: null })
  const pdf = await page.pdf({ format: 'A4' })
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(`${resultsDir}fiche-sante.pdf`, pdf)
  const pages = pageCount(pdf)
  expect(pages).toBeGreaterThanOrEqual(1)
  expect(pages).toBeLessThanOrEqual(4)
  expect(pdfTitle(pdf)).toContain(SANTE_TITLE)
})

test('a sheet with only a title prints on exactly one page', async ({ page }) => {
  await createSheet(page, 'Fiche minimale')
  await page.emulateMedia({ media: 'print' })
  const printView = page.locator('.sheet-print')
  await expect(printView.getByRole('heading', { level: 1, name: 'Fiche minimale' })).toBeVisible()
  await expect(printView.getByRole('heading', { level: 2 })).toHaveCount(0)

  const pdf = await page.pdf({ format: 'A4' })
  expect(pageCount(pdf)).toBe(1)
  expect(pdfTitle(pdf)).toContain('Fiche minimale')
})

test('what was typed a moment ago, not yet saved, is on paper', async ({ page }) => {
  await createSheet(page, 'Fiche du moment')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  // From now on the page's timers wait for the test: the autosave, half a second after typing, cannot run.
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 1000)
  await page.getByLabel('Description', { exact: true }).fill('Tapé juste avant d’imprimer')
  await expect(page.getByText('Modifications en cours…').first()).toBeAttached()
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.sheet-print')).toContainText('Tapé juste avant d’imprimer')
  // Still not saved: what is on paper came from printing, not from the autosave.
  await expect(page.getByText('Modifications en cours…').first()).toBeAttached()
})

test('the "Imprimer / PDF" button opens the browser’s print dialog', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: number[] = []
    Object.defineProperty(window, '__printCalls', { value: calls })
    window.print = () => {
      calls.push(Date.now())
    }
  })
  await createSheet(page, 'Fiche à imprimer')
  await page.getByRole('button', { name: 'Imprimer / PDF' }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printCalls: number[] }).__printCalls.length)).toBe(1)
})

test('long unbroken strings wrap inside the A4 page instead of running off it', async ({ page }) => {
  const long = (prefix: string) => `${prefix}-${'x'.repeat(150)}`
  const sheet = JSON.parse(readFileSync(examples('fiche-sante.json'), 'utf8')).sheets[0]
  sheet.id = crypto.randomUUID()
  sheet.project.title = long('Titre')
  sheet.project.stakeholders[0].name = long('Partenaire')
  sheet.project.stakeholders[0].organisation = long('Organisation')
  sheet.data.datasets[0].name = long('Jeu')
  sheet.data.datasets[0].owner = long('Proprietaire')
  sheet.data.datasets[0].notes = long('https://exemple.fr/donnees')
  sheet.project.impact.indicators = [{ name: long('Indicateur'), baseline: long('Depart'), target: long('Cible') }]
  const file = { name: 'longue.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'fiche-projet-data', version: 1, exportedAt: new Date().toISOString(), sheets: [sheet] })) }
  await page.goto('/')
  await importFiles(page, [file])
  await page.getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: sheet.project.title }).click()
  await expect(page.getByLabel('Titre du projet')).toHaveValue(sheet.project.title)

  // A4 minus 15 mm margins on each side: 180 mm of text width, about 680 CSS pixels.
  await page.setViewportSize({ width: 680, height: 1000 })
  await page.emulateMedia({ media: 'print' })
  const overflowing = await page.evaluate(() => {
    const article = document.querySelector('article.sheet-print')!
    const right = article.getBoundingClientRect().right + 1
    return [...article.querySelectorAll('h1, td, th, p, dd')]
      .filter((element) => element.getBoundingClientRect().right > right || element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.tagName}: ${(element.textContent ?? '').slice(0, 30)}`)
  })
  expect(overflowing).toEqual([])
})
