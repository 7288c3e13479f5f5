// The restitution as a room sees it, on the production build: after the facilitator's changes, in pages that opened
// nothing else, on a 1280 × 720 and a 1920 × 1080 projector, with people's names where titles are shared, and with
// the timers a facilitator leans on. Screenshots go to <output>/restitution-room/ for people to look at.
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { examples, FIVE_AUTHORS, fileOf, participants, sameProject } from './participants'
import { workshopWith } from './helpers'

const shots = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_OUTPUT ?? 'test-results', 'restitution-room')

/** Every message key of the locale files: none may ever reach a screen, a file or an image. */
const MESSAGE_KEYS: string[] = (() => {
  const keys: string[] = []
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (typeof value === 'string') keys.push(path)
      else walk(value as Record<string, unknown>, path)
    }
  }
  const folder = new URL('../../src/i18n/', import.meta.url)
  for (const file of readdirSync(folder).filter((name) => /^fr.*\.json$/.test(name)))
    walk(JSON.parse(readFileSync(new URL(file, folder), 'utf8')), '')
  return keys.filter((key) => key.includes('.'))
})()
const keysIn = (text: string) => MESSAGE_KEYS.filter((key) => text.includes(key))

async function examplesWorkshop(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Charger les exemples' }).first().click()
  await expect(page.getByText(/17 fiches d’exemple ajoutées/)).toBeVisible()
  await page.goto('/ateliers')
  await page.getByRole('link', { name: 'Atelier des exemples' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier des exemples' })).toBeVisible()
  return new URL(page.url()).pathname
}

/** The pixels of the overlaid radar's canvas (or of a PNG file), counted per colour of the sheets' styles. */
async function coloursOn(page: Page, source: { canvas: string } | { png: Buffer }, colours: readonly string[]): Promise<number[]> {
  return page.evaluate(
    async ({ source, colours }) => {
      let data: Uint8ClampedArray
      if ('canvas' in source) {
        const canvas = document.querySelector(source.canvas) as HTMLCanvasElement
        data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      } else {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(source.png)], { type: 'image/png' }))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0)
        data = canvas.getContext('2d')!.getImageData(0, 0, bitmap.width, bitmap.height).data
      }
      return colours.map((colour) => {
        const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16))
        let count = 0
        for (let index = 0; index < data.length; index += 4)
          if (Math.abs(data[index]! - r!) < 14 && Math.abs(data[index + 1]! - g!) < 14 && Math.abs(data[index + 2]! - b!) < 14) count++
        return count
      })
    },
    { source: 'png' in source ? { png: [...source.png] } : source, colours },
  ) as Promise<number[]>
}

const ALL_STYLE_COLOURS = ['#0b5cad', '#c2570c', '#007a5a', '#b0307f', '#8a6100', '#2a8fc4', '#6b3fa0']

test.describe('the overlaid radar', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('after a sheet is unticked and the axis switched and back, the wall shows the legend’s colours, as the PNG does', async ({ page }) => {
    const workshop = await examplesWorkshop(page)
    await page.goto(`/restitution/comparaison?atelier=${workshop.split('/').pop()}`)
    const overlay = page.getByRole('img', { name: /^Radar superposé de 8 fiches/ })
    await expect(overlay).toBeVisible()
    const choice = page.getByRole('group', { name: 'Fiches à comparer (8 au plus)' })
    await choice.getByRole('checkbox', { checked: true }).nth(1).uncheck()
    await expect(page.getByRole('img', { name: /^Radar superposé de 7 fiches/ })).toBeVisible()
    await page.getByRole('radio', { name: 'Frein au passage à l’échelle' }).check()
    await page.getByRole('radio', { name: 'Difficulté pour le prototype' }).check()
    await expect(page.getByRole('img', { name: 'Radar superposé de 7 fiches, Difficulté pour le prototype' })).toBeVisible()
    await page.waitForTimeout(300)

    // The legend: seven entries, each with its own colour, in the styles' order.
    const legend = page.locator('.compare__section .comparison-legend li')
    await expect(legend).toHaveCount(7)
    const legendColours = await legend.evaluateAll((items) => items.map((item) => item.getAttribute('data-color')!))
    expect(legendColours).toEqual(['#0b5cad', '#c2570c', '#007a5a', '#b0307f', '#8a6100', '#2a8fc4', '#1b1f24'])
    // On the canvas: each legend colour drawn (a line and its points), the eighth style's gone.
    const onScreen = await coloursOn(page, { canvas: '.compare__section canvas' }, [...ALL_STYLE_COLOURS])
    ALL_STYLE_COLOURS.forEach((colour, index) => {
      if (colour === '#6b3fa0') expect(onScreen[index], `${colour} left on the wall`).toBeLessThan(20)
      else expect(onScreen[index], `${colour} on the wall`).toBeGreaterThan(100)
    })
    // The PNG of the same state draws the same colours, and not the eighth.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Exporter l’image (PNG)' }).click()
    const png = readFileSync((await (await download).path())!)
    const inImage = await coloursOn(page, { png }, [...ALL_STYLE_COLOURS])
    ALL_STYLE_COLOURS.forEach((colour, index) => {
      if (colour === '#6b3fa0') expect(inImage[index], `${colour} in the PNG`).toBeLessThan(20)
      else expect(inImage[index], `${colour} in the PNG`).toBeGreaterThan(100)
    })
    await page.screenshot({ path: `${shots}/overlay-after-changes.png`, fullPage: true })
  })
})

test.describe('the comparison’s choice of sheets', () => {
  test('obeys the facilitator: untick all, tick five, and nothing re-ticks itself when another tab changes a sheet', async ({ page, context }) => {
    const workshop = await examplesWorkshop(page)
    const id = workshop.split('/').pop()!
    await page.goto(`/restitution/comparaison?atelier=${id}`)
    const choice = page.getByRole('group', { name: 'Fiches à comparer (8 au plus)' })
    await expect(choice.getByText('8 fiches cochées sur 8 possibles.')).toBeVisible()
    await choice.getByRole('button', { name: 'Tout décocher' }).click()
    await expect(choice.getByText('Aucune fiche cochée sur 8 possibles.')).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'Cochez au moins 2 fiches à comparer.' })).toBeVisible()
    const boxes = choice.getByRole('checkbox')
    for (const index of [16, 12, 9, 3, 1]) await boxes.nth(index).check()
    await expect(choice.getByText('5 fiches cochées sur 8 possibles.')).toBeVisible()
    await expect(page.getByRole('img', { name: /^Radar superposé de 5 fiches/ })).toBeVisible()

    // Another tab renames a sheet of the workshop: the comparison follows, and keeps the five.
    const other = await context.newPage()
    const firstSheet = await page.locator('.comparison-table tbody th a').first().getAttribute('href')
    await other.goto(firstSheet!)
    const title = other.getByLabel('Titre du projet')
    await title.fill(`${await title.inputValue()} (relue)`)
    await expect(other.getByText(/Enregistré/).first()).toBeVisible()
    await expect(page.locator('.comparison-table').getByText(/\(relue\)/)).toBeVisible()
    await expect(choice.getByText('5 fiches cochées sur 8 possibles.')).toBeVisible()
    expect(await boxes.evaluateAll((items) => items.map((item, index) => ((item as HTMLInputElement).checked ? index : -1)).filter((index) => index >= 0))).toEqual([1, 3, 9, 12, 16])

    // Down to one: it says so, and stays so when the other tab writes again.
    for (const index of [16, 12, 9, 3]) await boxes.nth(index).uncheck()
    await expect(choice.getByText('1 fiche cochée sur 8 possibles.')).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'Cochez au moins 2 fiches à comparer.' })).toBeVisible()
    await title.fill(`${await title.inputValue()} bis`)
    await expect(page.locator('.comparison-table, .compare__choice').getByText(/\(relue\) bis/).first()).toBeVisible()
    await expect(choice.getByText('1 fiche cochée sur 8 possibles.')).toBeVisible()
  })

  test('with 7 sheets, all are compared at first, and unticking down to one asks for two', async ({ page }) => {
    await page.goto('/')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
    await (await chooser).setFiles(fileOf(examples.sheets.slice(0, 7)))
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await page.goto(`/restitution/comparaison?fiches=${examples.sheets.slice(0, 7).map((sheet) => sheet.id).join(',')}`)
    await expect(page.getByRole('img', { name: /^Radar superposé de 7 fiches/ })).toBeVisible()
    await page.getByText('Fiches comparées : 7 cochées sur 7').click()
    const choice = page.getByRole('group', { name: 'Fiches à comparer (8 au plus)' })
    const boxes = choice.getByRole('checkbox')
    for (let index = 6; index >= 1; index--) await boxes.nth(index).uncheck()
    await expect(choice.getByText('1 fiche cochée sur 8 possibles.')).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'Cochez au moins 2 fiches à comparer.' })).toBeVisible()
    await expect(page.getByRole('img', { name: /^Radar superposé/ })).toHaveCount(0)
  })
})

test.describe('no message key anywhere', () => {
  /** Everything a screen says, to the eye and to a screen reader. */
  async function screenText(page: Page): Promise<string> {
    return page.evaluate(() => {
      const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap((element) =>
        ['aria-label', 'title', 'alt', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
      )
      return [document.title, document.body.innerText, ...attributes].join('\n')
    })
  }

  /** A page of the context that has opened nothing else, recording every text drawn on a canvas. */
  async function freshPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage()
    await page.addInitScript(() => {
      const drawn: string[] = []
      ;(window as unknown as { drawnTexts: string[] }).drawnTexts = drawn
      const fillText = CanvasRenderingContext2D.prototype.fillText
      CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
        drawn.push(String(text))
        return fillText.call(this, text, ...rest)
      }
    })
    return page
  }

  test('in pages that opened nothing else: the screens, the spreadsheets, the radar image and the printed sheet', async ({ page, context }) => {
    test.setTimeout(180_000)
    const workshop = await workshopWith(page, 'Séance sans clés', fileOf(participants))
    const workshopId = workshop.split('/').pop()!
    await page.close()

    // The workshop's spreadsheet, from its page opened straight away.
    const fromWorkshop = await freshPage(context)
    await fromWorkshop.goto(workshop)
    let download = fromWorkshop.waitForEvent('download')
    await fromWorkshop.getByRole('button', { name: 'Tableur (CSV)' }).click()
    let csv = readFileSync((await (await download).path())!, 'utf8')
    expect(csv).toContain('Frein au passage à l’échelle')
    expect(keysIn(csv), 'CSV of the workshop').toEqual([])
    await fromWorkshop.close()

    // The library's selection as a spreadsheet.
    const fromLibrary = await freshPage(context)
    await fromLibrary.goto('/')
    await fromLibrary.getByRole('checkbox', { name: new RegExp(participants[0]!.project.title.slice(0, 30)) }).check()
    await fromLibrary.getByRole('checkbox', { name: new RegExp(participants[1]!.project.title.slice(0, 30)) }).check()
    download = fromLibrary.waitForEvent('download')
    await fromLibrary.getByRole('button', { name: 'Exporter les 2 fiches sélectionnées en tableur (CSV)' }).click()
    csv = readFileSync((await (await download).path())!, 'utf8')
    expect(csv).toContain('Difficulté pour le prototype')
    expect(keysIn(csv), 'CSV of the selection').toEqual([])
    await fromLibrary.close()

    // A card's radar image: every text drawn on its canvas.
    const image = await freshPage(context)
    await image.goto('/')
    download = image.waitForEvent('download')
    await image.getByRole('article').first().getByRole('button', { name: /^Exporter le radar de « .* » en image PNG$/ }).click()
    await download
    const drawn = (await image.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts)).join('\n')
    expect(drawn).toContain('Difficulté pour le prototype')
    expect(keysIn(drawn), 'texts of the radar image').toEqual([])
    await image.close()

    // The sheet on paper.
    const print = await freshPage(context)
    await print.goto(`/fiches/${participants[0]!.id}`)
    await expect(print.getByRole('heading', { level: 1 })).toBeVisible()
    await print.emulateMedia({ media: 'print' })
    expect(keysIn(await screenText(print)), 'the printed sheet').toEqual([])
    await print.close()

    // Every screen, each in its own fresh page (the radar's words drawn on its canvases included).
    const screens = [
      '/',
      '/ateliers',
      workshop,
      `/fiches/${participants[1]!.id}`,
      `/restitution/comparaison?atelier=${workshopId}`,
      `/restitution/matrice?atelier=${workshopId}`,
      `/restitution/presentation?atelier=${workshopId}`,
      '/confidentialite',
      '/adresse-inconnue',
    ]
    for (const path of screens) {
      const screen = await freshPage(context)
      await screen.goto(path)
      await expect(screen.locator('h1').first()).toBeVisible()
      await screen.waitForTimeout(400)
      const canvasTexts = (await screen.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts)).join('\n')
      expect(keysIn(`${await screenText(screen)}\n${canvasTexts}`), path).toEqual([])
      await screen.close()
    }
  })
})

const PROJECTORS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]

/** Whether the element is whole inside the window. */
async function inView(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = []
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1)
        problems.push(`${selector} « ${(element.textContent ?? '').trim().slice(0, 40)} » at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`)
    }
    return problems
  }, selector)
}

for (const group of ['participants', 'examples'] as const) {
  test(`the comparison, the matrix and the presentation of the ${group} fit a 1280 × 720 and a 1920 × 1080 projector`, async ({ page }) => {
    test.setTimeout(300_000)
    const workshop = group === 'participants' ? await workshopWith(page, 'Séance 3', fileOf(participants)) : await examplesWorkshop(page)
    const id = workshop.split('/').pop()!
    const sheetCount = group === 'participants' ? participants.length : examples.sheets.length

    for (const projector of PROJECTORS) {
      await page.setViewportSize(projector)
      const size = `${projector.width}x${projector.height}`

      // The comparison, projected: the overlay with its legend at 18 px or more, all in view.
      await page.goto(`/restitution/comparaison?atelier=${id}`)
      await expect(page.getByRole('img', { name: /^Radar superposé/ }).first()).toBeVisible()
      await page.screenshot({ path: `${shots}/compare-page-${size}-${group}.png` })
      // On the page: the small radars of a row line up whatever their titles' length, and a title in the table takes
      // three lines at most.
      const cards = await page.locator('.compare__section .multiples__card').evaluateAll((items) =>
        items.map((item) => ({
          card: Math.round(item.getBoundingClientRect().top),
          chart: Math.round(item.querySelector('.multiples__chart')!.getBoundingClientRect().top),
        })),
      )
      for (const card of cards)
        expect(cards.filter((other) => other.card === card.card).map((other) => other.chart)).toEqual(cards.filter((other) => other.card === card.card).map(() => card.chart))
      const titleLines = await page.locator('.comparison-table tbody th').evaluateAll((cells) =>
        cells.map((cell) => Math.round(cell.querySelector('a')!.getClientRects().length)),
      )
      for (const lines of titleLines) expect(lines).toBeLessThanOrEqual(3)
      await page.getByRole('button', { name: 'Projeter' }).click()
      const stage = page.locator('.projector')
      await expect(stage.getByRole('img', { name: /^Radar superposé/ })).toBeVisible()
      const legendSizes = await stage
        .locator('.comparison-legend li')
        .evaluateAll((items) => items.map((item) => Number.parseFloat(getComputedStyle(item).fontSize)))
      expect(legendSizes).toHaveLength(Math.min(8, sheetCount))
      for (const fontSize of legendSizes) expect(fontSize).toBeGreaterThanOrEqual(18)
      expect(await inView(page, '.projector canvas')).toEqual([])
      expect(await inView(page, '.projector .comparison-legend li')).toEqual([])
      await page.screenshot({ path: `${shots}/compare-overlay-${size}-${group}.png` })

      await stage.getByRole('button', { name: 'Un radar par fiche' }).click()
      await expect(stage.locator('.multiples__card')).toHaveCount(Math.min(8, sheetCount))
      expect(await inView(page, '.projector .multiples__card')).toEqual([])
      await page.screenshot({ path: `${shots}/compare-multiples-${size}-${group}.png` })

      await stage.getByRole('button', { name: 'Tableau', exact: true }).click()
      await expect(stage.getByRole('table')).toBeVisible()
      expect(await inView(page, '.projector table')).toEqual([])
      await page.screenshot({ path: `${shots}/compare-table-${size}-${group}.png` })
      await page.keyboard.press('Escape')
      await expect(stage).toHaveCount(0)
      await expect(page.getByRole('button', { name: 'Projeter' })).toBeFocused()

      // The matrix, projected: whole on screen, its words at 16 px or more.
      await page.goto(`/restitution/matrice?atelier=${id}`)
      await expect(page.getByRole('group', { name: /Matrice du portefeuille/ })).toBeVisible()
      await page.screenshot({ path: `${shots}/matrix-page-${size}-${group}.png` })
      await page.getByRole('button', { name: 'Projeter' }).click()
      await expect(page.locator('.projector svg')).toBeVisible()
      expect(await inView(page, '.projector svg')).toEqual([])
      const smallest = await page.locator('.projector svg').evaluate((svg) => {
        // The drawing is scaled to fit the element, keeping its proportions.
        const box = svg.getBoundingClientRect()
        const view = (svg as SVGSVGElement).viewBox.baseVal
        const scale = Math.min(box.width / view.width, box.height / view.height)
        return Math.min(...[...svg.querySelectorAll('text')].map((text) => Number(text.getAttribute('font-size')) * scale))
      })
      expect(smallest).toBeGreaterThanOrEqual(16)
      await page.screenshot({ path: `${shots}/matrix-${size}-${group}.png` })
      await page.keyboard.press('Escape')

      // The presentation: each sheet's title, radar, indicators, blockers and themes assessed in view — every sheet
      // on the smaller wall, the first three and the last on the larger one.
      await page.goto(`/restitution/presentation?atelier=${id}`)
      const shown = Array.from({ length: sheetCount }, (_, index) => index).filter(
        (index) => projector.width === 1280 || index < 3 || index === sheetCount - 1,
      )
      for (const index of shown) {
        if (index > 0) await page.keyboard.press(index === sheetCount - 1 ? 'End' : 'ArrowRight')
        await expect(page.getByText(`Fiche ${index + 1} sur ${sheetCount}`)).toBeVisible()
        const problems = [
          ...(await inView(page, '.presentation h1')),
          ...(await inView(page, '.presentation canvas')),
          ...(await inView(page, '.presentation__indicator dt')),
          ...(await inView(page, '.presentation__indicator dd')),
        ]
        expect(problems, `sheet ${index + 1}`).toEqual([])
        // Nothing under the bar of timers, nothing to scroll.
        const overlap = await page.evaluate(() => {
          const bar = document.querySelector('.presentation__footer')!.getBoundingClientRect().top
          const last = [...document.querySelectorAll('.presentation__indicator')].pop()!.getBoundingClientRect().bottom
          const stage = document.querySelector('.presentation') as HTMLElement
          return { under: last - bar, scroll: stage.scrollHeight - stage.clientHeight }
        })
        expect(overlap.under, `sheet ${index + 1} under the bar`).toBeLessThanOrEqual(0)
        expect(overlap.scroll, `sheet ${index + 1} scrolls`).toBeLessThanOrEqual(0)
        await expect(page.locator('[data-indicator="assessed"] dt')).toHaveText('Thèmes évalués (prototype · passage à l’échelle)')
        if (index < 3 || index === sheetCount - 1) await page.screenshot({ path: `${shots}/presentation-${size}-${group}-${index + 1}.png` })
      }
    }
  })
}

test.describe('five people’s sheets of one project', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('the legend, the small multiples, the table, the matrix and the presentation say whose each is', async ({ page }) => {
    test.setTimeout(120_000)
    const workshop = await workshopWith(page, 'Commission mobilités', fileOf(sameProject, 'cinq-avis.json'))
    const id = workshop.split('/').pop()!
    const title = sameProject[0]!.project.title

    await page.goto(`/restitution/comparaison?atelier=${id}`)
    await expect(page.getByRole('img', { name: /^Radar superposé de 5 fiches/ })).toBeVisible()
    await expect(page.locator('.compare__section .comparison-legend li')).toHaveText(FIVE_AUTHORS.map((author) => `${title} — ${author}`))
    await expect(page.locator('.multiples__who')).toHaveText(FIVE_AUTHORS)
    await expect(page.locator('.comparison-table tbody td.comparison-table__who')).toHaveText([...FIVE_AUTHORS].sort((a, b) => a.localeCompare(b, 'fr')))
    await page.screenshot({ path: `${shots}/five-authors-compare.png`, fullPage: true })
    // For screen readers: each small radar points to the table of scores, which is above it; a sorted column's button
    // keeps its plain name (its arrow is for the eye), aria-sort says the order.
    const multiples = page.getByRole('region', { name: 'Un radar par fiche' })
    await expect(multiples.getByRole('img')).toHaveCount(5)
    await expect(multiples.getByRole('img').first()).toHaveAttribute('aria-label', /ses notes sont dans le tableau des notes, plus haut$/)
    const tableTop = (await page.getByRole('table', { name: /Notes des 10 thèmes/ }).boundingBox())!.y
    expect(tableTop).toBeLessThan((await multiples.boundingBox())!.y)
    await page.getByRole('button', { name: 'Rédigée par', exact: true }).click()
    await expect(page.getByRole('columnheader', { name: 'Rédigée par', exact: true })).toHaveAttribute('aria-sort', 'ascending')
    await page.getByRole('button', { name: 'Rédigée par', exact: true }).click()
    await expect(page.getByRole('columnheader', { name: 'Rédigée par', exact: true })).toHaveAttribute('aria-sort', 'descending')

    await page.goto(`/restitution/matrice?atelier=${id}`)
    for (const author of FIVE_AUTHORS) {
      await expect(page.getByRole('link', { name: new RegExp(`— ${author} : indice de difficulté`) })).toHaveCount(1)
      await expect(page.locator('.matrix-chart text').filter({ hasText: author })).toHaveCount(1)
    }
    await page.screenshot({ path: `${shots}/five-authors-matrix.png`, fullPage: true })
    // A sheet exactly on a line is not classed without a word.
    await expect(page.getByText(/une fiche à 50 % exactement est comptée « difficile » ou « probable »/)).toBeVisible()

    await page.goto(`/restitution/presentation?atelier=${id}`)
    for (const author of FIVE_AUTHORS) {
      await expect(page.locator('.presentation__organisation')).toContainText(`Rédigée par ${author}`)
      await page.keyboard.press('ArrowRight')
    }
  })
})

test.describe('the presentation’s timer', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('keeps its digits in place, stays readable when time is up, restarts with the next sheet — or not', async ({ page }) => {
    const start = new Date('2026-12-04T09:00:00')
    await page.clock.install({ time: start })
    const workshop = await workshopWith(page, 'Séance minutée', fileOf(participants))
    await page.goto(`/restitution/presentation?atelier=${workshop.split('/').pop()}`)
    // From here on, time moves only when the test says so.
    await page.clock.pauseAt(new Date(start.getTime() + 3_600_000))
    const timer = page.getByRole('region', { name: 'Restitution' })
    const digits = timer.locator('.timer__digits')
    await expect(digits).toHaveText('3:00')
    const before = await digits.boundingBox()
    await page.keyboard.press('t')
    await expect(timer.getByText('Décompte en cours')).toBeVisible()
    expect((await digits.boundingBox())!.x).toBe(before!.x)
    await page.clock.runFor(185_000)
    await expect(timer.getByText(/Temps écoulé/)).toBeVisible()
    expect((await digits.boundingBox())!.x).toBe(before!.x)
    // Red, with its buttons still readable (axe's colour contrast on the timer; axe needs the page's timers).
    await page.clock.resume()
    const contrast = await new AxeBuilder({ page }).include('.timer--finished').withRules(['color-contrast']).analyze()
    expect(contrast.violations.flatMap((violation) => violation.nodes.map((node) => node.target))).toEqual([])
    await expect(timer.getByRole('button', { name: 'Pause — Restitution' })).toBeEnabled()
    await page.screenshot({ path: `${shots}/timer-time-up.png` })
    await page.clock.pauseAt(new Date((await page.evaluate(() => Date.now())) + 60_000))

    // The next team's turn: the timer starts again from the top.
    await page.keyboard.press('ArrowRight')
    await expect(page.getByText('Fiche 2 sur 6')).toBeVisible()
    await expect(timer.getByText('Décompte en cours')).toBeVisible()
    await page.clock.runFor(2_000)
    await expect(digits).toHaveText('2:58')
    // Unless the facilitator says otherwise.
    await page.getByText('Minuteurs', { exact: true }).click()
    await page.getByRole('checkbox', { name: 'Relancer à chaque fiche' }).uncheck()
    await page.getByText('Minuteurs', { exact: true }).click()
    await page.locator('.presentation').focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByText('Fiche 3 sur 6')).toBeVisible()
    await page.clock.runFor(2_000)
    await expect(digits).toHaveText('2:56')
  })
})

test.describe('importing into a workshop', () => {
  test('says that sheets already in the library joined the workshop', async ({ page }) => {
    await page.goto('/')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importer des fiches (JSON)' }).click()
    await (await chooser).setFiles(fileOf(participants.slice(0, 3)))
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
    await page.goto('/ateliers')
    await page.getByRole('button', { name: 'Nouvel atelier' }).click()
    await page.getByLabel('Nom de l’atelier').fill('Séance 4')
    await page.getByRole('button', { name: 'Créer l’atelier' }).click()
    const again = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' }).click()
    await (await again).setFiles(fileOf(participants.slice(0, 3)))
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByText('aucune fiche ajoutée, aucune remplacée, 3 ignorées.', { exact: false })).toBeVisible()
    await expect(dialog.getByText('3 fiches ont rejoint l’atelier « Séance 4 ». (3 étaient déjà dans « Mes fiches »)')).toBeVisible()
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await expect(page.getByText('3 fiches', { exact: true })).toBeVisible()
  })
})
