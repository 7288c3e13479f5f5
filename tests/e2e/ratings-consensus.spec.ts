// Five people score the same project and send their files: the facilitator adds them as five ratings of the one
// sheet, reads the consensus (medians, ranges, the notes to discuss first), adopts the medians and undoes it.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations, importFiles } from './helpers'
import { storedSheets } from './qr-camera'

const TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'
const santePath = new URL('../fixtures/examples/fiche-sante.json', import.meta.url).pathname
const sante = JSON.parse(readFileSync(santePath, 'utf8'))
const base = sante.sheets[0]

/** Each person's scores where they differ from the sheet's: datamining and gouvernance (prototype), rgpd (scale-up). */
const PEOPLE = [
  { author: 'Camille Martin', datamining: 0, gouvernance: 2, rgpd: null },
  { author: 'Dominique Petit', datamining: 1, gouvernance: 2, rgpd: null },
  { author: 'Élise Bernard', datamining: 1, gouvernance: 3, rgpd: 1 },
  { author: 'Farid Haddad', datamining: 2, gouvernance: 3, rgpd: 3 },
  { author: 'Gaëlle Roux', datamining: 4, gouvernance: 3, rgpd: 2 },
]

function fileOf(person: (typeof PEOPLE)[number], index: number) {
  const sheet = structuredClone(base)
  sheet.author = person.author
  sheet.updatedAt = `2026-03-0${3 + index}T09:00:00.000Z`
  sheet.radar.datamining.prototype = person.datamining
  sheet.radar.gouvernance.prototype = person.gouvernance
  sheet.radar.rgpd.scaleUp = person.rgpd
  sheet.radar.rgpd.comment = `Avis de ${person.author}`
  const file = { ...sante, sheets: [sheet] }
  return { name: `avis-${index + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }
}

test('five people’s files become five ratings of one sheet; the consensus is read, adopted and undone', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await importFiles(page, [santePath])
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()

  await importFiles(page, PEOPLE.map(fileOf))
  const dialog = page.getByRole('dialog')
  for (const person of PEOPLE) {
    await expect(dialog.getByText('Les notes du radar ne sont pas les mêmes.', { exact: false })).toBeVisible()
    await dialog.getByRole('button', { name: `Ajouter comme avis de ${person.author}` }).click()
  }
  await expect(dialog.getByText('5 avis ajoutés à côté de leur fiche.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Fermer' }).click()

  // One sheet in the library, with its 5 ratings.
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('link', { name: `5 avis sur « ${TITLE} » : voir le consensus` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Avis sur « ${TITLE} »` })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Camille Martin' })).toContainText('par fichier')
  await expect(page.getByText('2 notes à discuter, en tête du tableau.')).toBeVisible()

  const table = page.getByRole('table', { name: 'Consensus de 5 avis, les notes à discuter en premier' })
  const rows = table.getByRole('row')
  await expect(rows).toHaveCount(21)
  // Datamining, prototype: 0 1 1 2 4 → median 1, range 0 to 4 (gap 4).
  await expect(rows.nth(1)).toContainText('Datamining')
  await expect(rows.nth(1)).toContainText('Difficulté pour le prototype')
  await expect(rows.nth(1)).toContainText('À discuter')
  await expect(rows.nth(1)).toContainText('écart de 4')
  await expect(rows.nth(1)).toContainText('1 — Faible')
  await expect(rows.nth(1)).toContainText('0 à 4')
  await expect(rows.nth(1)).toContainText('5 sur 5')
  // RGPD, scale-up: unassessed twice, then 1 3 2 → median 2, range 1 to 3 (gap 2), 3 raters of 5.
  await expect(rows.nth(2)).toContainText('RGPD')
  await expect(rows.nth(2)).toContainText('Frein au passage à l’échelle')
  await expect(rows.nth(2)).toContainText('2 — Modéré')
  await expect(rows.nth(2)).toContainText('3 sur 5')
  await expect(rows.nth(2)).toContainText('non évalué : 2')
  // Gouvernance, prototype: 2 2 3 3 3 → median 3, one level apart: not to discuss.
  const gouvernance = rows.filter({ hasText: 'Gouvernance / acceptabilité' }).filter({ hasText: 'Difficulté pour le prototype' })
  await expect(gouvernance).toContainText('3 — Fort')
  await expect(gouvernance).not.toContainText('À discuter')
  await expect(page.getByRole('img', { name: /^Consensus de 5 avis, Difficulté pour le prototype/ })).toBeVisible()
  await expectNoSeriousViolations(page, 'the consensus')
  // By keyboard: the axis with the arrow keys.
  await page.getByRole('radio', { name: 'Difficulté pour le prototype' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'Frein au passage à l’échelle' })).toBeChecked()
  await expect(page.getByRole('img', { name: /^Consensus de 5 avis, Frein au passage à l’échelle/ })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('consensus-1280.png'), fullPage: true })

  const id = Object.keys(await storedSheets(page))[0]!
  const stored = async () => (await storedSheets(page))[id] as { radar: Record<string, { prototype: number | null; scaleUp: number | null; comment: string }>; origin: string | null }
  await page.getByRole('button', { name: 'Adopter comme radar de la fiche' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Les médianes sont désormais les notes du radar de « ${TITLE} ».`)).toBeVisible()
  let sheet = await stored()
  expect(sheet.radar.datamining!.prototype).toBe(1)
  expect(sheet.radar.rgpd!.scaleUp).toBe(2)
  expect(sheet.radar.rgpd!.comment).toBe(base.radar.rgpd.comment)
  expect(sheet.origin).toBe('collectif')

  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(page.getByText('Notes du radar remises comme avant.')).toBeVisible()
  sheet = await stored()
  expect(sheet.radar.datamining!.prototype).toBe(base.radar.datamining.prototype)
  expect(sheet.radar.rgpd!.scaleUp).toBe(base.radar.rgpd.scaleUp)
  expect(sheet.origin).toBeNull()

  // Still one sheet, still 5 ratings, after a reload.
  await page.reload()
  await expect(page.getByRole('listitem').filter({ hasText: 'Gaëlle Roux' })).toBeVisible()
  await page.getByRole('link', { name: '← Retour à la fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toHaveValue(TITLE)
  // The sheet's page says how many ratings it has, and leads to them.
  await expect(page.getByRole('link', { name: `5 avis sur « ${TITLE} » : voir le consensus` })).toHaveText('5 avis')
  await page.goto('/')
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect(page.getByRole('link', { name: '5 avis' })).toBeVisible()
})

test('the consensus fits a 360 px phone, and says what it needs when there are too few ratings', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  await importFiles(page, [santePath])
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await importFiles(page, [fileOf(PEOPLE[0]!, 0)])
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter comme avis de Camille Martin' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await page.getByRole('link', { name: /^1 avis sur/ }).click()
  await expect(page.getByText('Il faut au moins 2 avis pour lire un consensus.')).toBeVisible()
  await importFilesFromRatings(page, fileOf(PEOPLE[4]!, 4))
  await expect(page.getByText('1 note à discuter, en tête du tableau.')).toBeVisible()
  await expect(page.getByRole('img', { name: /^Consensus de 2 avis/ })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectNoSeriousViolations(page, 'the consensus at 360 px')
  await page.screenshot({ path: test.info().outputPath('consensus-360.png'), fullPage: true })
  // Removed, with « Annuler »: back to one rating, then two.
  await page.getByRole('button', { name: 'Retirer l’avis de Gaëlle Roux' }).click()
  await expect(page.getByText('Il faut au moins 2 avis pour lire un consensus.')).toBeVisible()
  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(page.getByText('1 note à discuter, en tête du tableau.')).toBeVisible()
})

/** The library's import, from the ratings screen: back to the library, import and answer, then back. */
async function importFilesFromRatings(page: import('@playwright/test').Page, file: ReturnType<typeof fileOf>) {
  const here = page.url()
  await page.goto('/')
  await importFiles(page, [file])
  await page.getByRole('dialog').getByRole('button', { name: /^Ajouter comme avis de/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await page.goto(here)
}
