// « Corbeille »: a sheet deleted from the library can still be found once the « Annuler » notice is gone. The trash
// lists it with its deletion date and the day it is erased, brings it back (never over a sheet that came back with
// the same id: « Garder les deux » keeps both) and is emptied only after a confirmation.
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { importFiles } from './helpers'

interface SheetFile {
  sheets: { id: string; author: string; project: { title: string } }[]
}

const workshop = JSON.parse(
  readFileSync(new URL('../fixtures/examples/fiches-atelier.json', import.meta.url), 'utf8'),
) as SheetFile
const [HEALTH, FLOWS, SCHOOLS] = workshop.sheets.map((sheet) => sheet.project.title) as [string, string, string]

/** A file of the example workshop's sheets chosen by `pick`. */
function sheetFile(name: string, pick: (sheets: SheetFile['sheets']) => SheetFile['sheets']) {
  const file = structuredClone(workshop)
  file.sheets = pick(file.sheets)
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }
}

async function importSheetFile(page: Page, file: ReturnType<typeof sheetFile>, summary: string) {
  await importFiles(page, [file])
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog).toContainText(summary)
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(dialog).toBeHidden()
}

/** axe-core: no serious or critical violation of WCAG 2.1 A and AA. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.help}) at ${node.target.join(' ')}`))
  expect.soft(serious, `axe on ${what}`).toEqual([])
}

const row = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Fiches supprimées' }).getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 2, name: title, exact: true }),
  })

test('deleted sheets are found in « Corbeille » after the notice is gone, restored, and erased after a confirmation', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // Time is under the test's hand: the 10 s of the « Annuler » notice pass at once, and the dates are known.
  await page.clock.install({ time: new Date('2026-12-04T10:00:00Z') })
  await page.goto('/')
  await importSheetFile(
    page,
    sheetFile('fiches.json', (sheets) => sheets.slice(0, 3)),
    '3 fiches ajoutées, aucune remplacée, aucune ignorée.',
  )
  const cards = page.getByRole('article')
  await expect(cards).toHaveCount(3)

  // Two sheets deleted with « Supprimer », and the « Annuler » notice left to go.
  const notices = page.getByRole('region', { name: 'Notifications' })
  for (const title of [HEALTH, FLOWS]) {
    await page.getByRole('button', { name: `Supprimer « ${title} »` }).click()
    await expect(notices).toContainText(`Fiche « ${title} » supprimée.`)
  }
  await expect(cards).toHaveCount(1)
  await page.mouse.move(0, 0)
  await page.clock.fastForward(11_000)
  await expect(notices).not.toContainText('supprimée')
  await expect(notices.getByRole('button', { name: 'Annuler', exact: true })).toHaveCount(0)

  // « Corbeille », from the library: both sheets, with the day each was deleted and the day it goes for good.
  await page.getByRole('link', { name: 'Corbeille', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'dans la corbeille' })).toHaveText('2 fiches dans la corbeille')
  for (const title of [HEALTH, FLOWS]) {
    await expect(row(page, title)).toContainText('Supprimée le 4 décembre 2026')
    await expect(row(page, title)).toContainText('Supprimée définitivement le 3 janvier 2027')
  }
  await expect(row(page, HEALTH)).toContainText('Rédigée par Service observation territoriale')
  await expect(row(page, FLOWS)).toContainText('Métropole exemple')
  await expectAccessible(page, 'the trash')

  // One restored: back in the library; the keyboard goes on to the row left.
  await page.getByRole('button', { name: `Restaurer « ${FLOWS} »` }).click()
  await expect(notices).toContainText(`Fiche « ${FLOWS} » restaurée.`)
  await expect(row(page, FLOWS)).toHaveCount(0)
  await expect(page.getByRole('button', { name: `Restaurer « ${HEALTH} »` })).toBeFocused()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(cards).toHaveCount(2)
  await expect(page.getByRole('link', { name: FLOWS, exact: true })).toBeVisible()

  // The other deleted sheet comes back meanwhile from a file, same id: restoring it never overwrites that copy.
  await importSheetFile(
    page,
    sheetFile('fiche.json', (sheets) => [{ ...sheets[0]!, author: 'Version réimportée' }]),
    '1 fiche ajoutée, aucune remplacée, aucune ignorée.',
  )
  await expect(cards).toHaveCount(3)
  await page.getByRole('link', { name: 'Corbeille', exact: true }).click()
  await page.getByRole('button', { name: `Restaurer « ${HEALTH} »` }).click()
  await expect(notices).toContainText(`« ${HEALTH} » a changé depuis sa suppression`)
  await expect(row(page, HEALTH)).toContainText('Une fiche avec le même identifiant est revenue dans vos fiches')
  const keepBoth = row(page, HEALTH).getByRole('button', { name: 'Garder les deux' })
  await expect(keepBoth).toBeFocused()
  await expectAccessible(page, 'the trash with a sheet that came back')
  await keepBoth.click()
  await expect(notices).toContainText(`Fiche « ${HEALTH} (restaurée) » restaurée.`)
  await expect(page.getByRole('heading', { level: 2, name: 'La corbeille est vide' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeFocused()
  await expectAccessible(page, 'the empty trash')
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(cards).toHaveCount(4)
  await expect(page.getByRole('article').filter({ hasText: 'Rédigée par Version réimportée' })).toHaveCount(1)
  await expect(page.getByRole('link', { name: `${HEALTH} (restaurée)`, exact: true })).toBeVisible()

  // Emptied on demand: the dialog says how many sheets go for good; Escape cancels, then the confirmation erases.
  for (const title of [SCHOOLS, `${HEALTH} (restaurée)`])
    await page.getByRole('button', { name: `Supprimer « ${title} »` }).click()
  await expect(cards).toHaveCount(2)
  await page.getByRole('link', { name: 'Corbeille', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Fiches supprimées' }).getByRole('listitem')).toHaveCount(2)
  const empty = page.getByRole('button', { name: 'Vider la corbeille' })
  const dialog = page.getByRole('dialog', { name: 'Vider la corbeille ?' })
  await empty.click()
  await expect(dialog).toContainText('Les 2 fiches de la corbeille seront effacées définitivement')
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused()
  await expectAccessible(page, 'the confirmation')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(empty).toBeFocused()
  await expect(page.getByRole('list', { name: 'Fiches supprimées' }).getByRole('listitem')).toHaveCount(2)

  await empty.click()
  await dialog.getByRole('button', { name: 'Effacer définitivement les 2 fiches' }).click()
  await expect(dialog).toBeHidden()
  await expect(notices).toContainText('Corbeille vidée : 2 fiches effacées définitivement.')
  await expect(page.getByRole('heading', { level: 2, name: 'La corbeille est vide' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeFocused()
  // Erased for good: nothing of them after a reload, and the library keeps its two sheets.
  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: 'La corbeille est vide' })).toBeVisible()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(cards).toHaveCount(2)
})
