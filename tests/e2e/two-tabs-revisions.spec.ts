// Two tabs of one browser share IndexedDB. Each stored sheet carries a revision, raised by every write: these
// journeys check that tabs tell versions apart by it (never by clock), that an import or a deletion in one tab
// reaches an editor open in the other, and that « Annuler » after a deletion never overwrites what came back.
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const DAY_MS = 86_400_000
const fixture = new URL('../fixtures/examples/fiche-sante.json', import.meta.url).pathname
const TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'

interface SheetFile {
  sheets: {
    id: string
    createdAt: string
    updatedAt: string
    organisation: string
    author: string
    project: { title: string; description: string }
  }[]
}

/** The example file, with its one sheet changed by `change`. */
function sheetFile(change: (sheet: SheetFile['sheets'][number]) => void) {
  const file = JSON.parse(readFileSync(fixture, 'utf8')) as SheetFile
  change(file.sheets[0]!)
  return { name: 'fiche.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) }
}

/** A new tab of this browser, which accepts the « quitter la page ? » question of reloads. */
async function newTab(context: BrowserContext, path = '/'): Promise<Page> {
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(path)
  return page
}

/** Imports one file from the library and closes the dialog once it reports `summary`. */
async function importSheetFile(page: Page, file: ReturnType<typeof sheetFile>, summary: string) {
  await importFiles(page, [file])
  const dialog = page.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog).toContainText(summary)
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(dialog).toBeHidden()
}

/** The save status, as announced to screen readers. */
const saveStatus = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })
const savedNow = (page: Page) => page.getByText(/^Enregistré (maintenant|il y a)/)
const description = (page: Page) => page.getByRole('region', { name: 'Le projet' }).getByLabel('Description')
const changedAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'modifiée dans un autre onglet' })
const deletedAlert = (page: Page) => page.getByRole('alert').filter({ hasText: 'supprimée dans un autre onglet' })
const refreshedNotice = (page: Page) => page.getByText('Cette fiche a été mise à jour depuis un autre onglet.')

test('a clock set in the future cannot hide an edit made in the other tab', async ({ context }) => {
  const future = Date.now() + DAY_MS
  const file = sheetFile((sheet) => {
    sheet.id = randomUUID()
    // One day ahead, 80 minutes apart: every save from now on stamps an updatedAt EARLIER than the imported one
    // (updatedAt can't precede createdAt), so no clock can say which version is newer.
    sheet.createdAt = new Date(future).toISOString()
    sheet.updatedAt = new Date(future + 80 * 60_000).toISOString()
  })
  const first = await newTab(context)
  await importSheetFile(first, file, '1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  await first.getByRole('link', { name: TITLE, exact: true }).click()
  await expect(first.getByLabel('Collectivité porteuse')).toHaveValue('Département exemple')
  const second = await newTab(context, first.url())
  await expect(second.getByLabel('Rédigée par')).toHaveValue('Service observation territoriale')

  // The first tab's save is stamped earlier than the version the second tab holds: still, it is the newer one.
  await first.getByLabel('Collectivité porteuse').fill('Communauté de communes du Savès')
  await expect(savedNow(first)).toBeVisible()
  // Without edits of its own, the second tab follows (the designed behaviour), rather than ignoring an "older" stamp.
  await expect(second.getByLabel('Collectivité porteuse')).toHaveValue('Communauté de communes du Savès')
  await expect(refreshedNotice(second)).toBeVisible()
  await second.getByLabel('Rédigée par').fill('Mission santé')
  await expect(savedNow(second)).toBeVisible()
  await expect(first.getByLabel('Rédigée par')).toHaveValue('Mission santé')

  // Now a stale tab: the second one is typing (its save not made yet) while the first one saves another field. The
  // second tab's save is refused (the stored revision moved on), then merged field by field: both edits are kept.
  const typing = second.getByLabel('Rédigée par').pressSequentially(' (second onglet)', { delay: 150 })
  await expect(saveStatus(second, 'Modifications en cours…')).toBeVisible()
  await first.getByLabel('Collectivité porteuse').fill('Département du Gers, direction de l’autonomie')
  await expect(savedNow(first)).toBeVisible()
  await typing
  await expect(savedNow(second)).toBeVisible()
  await expect(changedAlert(second)).toHaveCount(0)
  await expect(second.getByLabel('Collectivité porteuse')).toHaveValue('Département du Gers, direction de l’autonomie')

  await first.reload()
  await expect(first.getByLabel('Collectivité porteuse')).toHaveValue('Département du Gers, direction de l’autonomie')
  await expect(first.getByLabel('Rédigée par')).toHaveValue('Mission santé (second onglet)')
})

test('an import that replaces a sheet refreshes an editor open on it, and nothing is overwritten', async ({ context }) => {
  const first = await newTab(context)
  await importSheetFile(first, sheetFile(() => undefined), '1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  await first.getByRole('link', { name: TITLE, exact: true }).click()
  await expect(first.getByLabel('Rédigée par')).toHaveValue('Service observation territoriale')

  // Same id, same updatedAt as the stored sheet: only the description differs.
  const revised = 'Version révisée par l’ARS : croiser l’offre de soins et la demande à la maille des bassins de vie.'
  const second = await newTab(context)
  await importFiles(second, [sheetFile((sheet) => (sheet.project.description = revised))])
  const dialog = second.getByRole('dialog', { name: 'Importer des fiches' })
  await expect(dialog.getByRole('heading', { name: 'Cette fiche existe déjà dans votre bibliothèque' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Prendre la leur' }).click()
  await expect(dialog).toContainText('aucune fiche ajoutée, 1 remplacée, aucune ignorée.')
  await dialog.getByRole('button', { name: 'Fermer' }).click()

  // The editor without edits of its own shows the imported version at once.
  await expect(description(first)).toHaveValue(revised)
  await expect(refreshedNotice(first)).toBeVisible()

  await first.getByLabel('Rédigée par').fill('Observatoire régional de santé')
  await expect(savedNow(first)).toBeVisible()
  await expect(changedAlert(first)).toHaveCount(0)

  await second.getByRole('link', { name: TITLE, exact: true }).click()
  await expect(second.getByLabel('Rédigée par')).toBeVisible()
  await second.reload()
  await expect(description(second)).toHaveValue(revised)
  await expect(second.getByLabel('Rédigée par')).toHaveValue('Observatoire régional de santé')
})

test('a sheet deleted in one tab while edited in the other is restored only on request', async ({ context }) => {
  const editing = await newTab(context)
  await importSheetFile(editing, sheetFile(() => undefined), '1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  await editing.getByRole('link', { name: TITLE, exact: true }).click()
  await editing.getByLabel('Rédigée par').fill('Mission santé')
  await expect(savedNow(editing)).toBeVisible()

  const library = await newTab(context)
  await expect(library.getByRole('link', { name: TITLE, exact: true })).toBeVisible()
  await library.getByRole('button', { name: `Supprimer « ${TITLE} »` }).click()
  // The notification's 10 s start now: from here on, no long waits.
  const undo = library.getByRole('button', { name: 'Annuler', exact: true })
  await expect(library.getByText(`Fiche « ${TITLE} » supprimée.`)).toBeVisible()
  await expect(library.getByRole('link', { name: TITLE, exact: true })).toHaveCount(0)

  await expect(deletedAlert(editing)).toBeVisible()
  await expect(saveStatus(editing, 'Non enregistré : cette fiche a été supprimée dans un autre onglet')).toBeVisible()
  await editing.getByLabel('Collectivité porteuse').fill('Organisation saisie après la suppression')
  // Longer than the autosave delay: had a save been made, it would be stored by now.
  await editing.waitForTimeout(1000)
  await expect(deletedAlert(editing)).toBeVisible()

  // The library, loaded afresh (a third tab, so that the deletion notification stays up in the second one).
  const check = await newTab(context)
  await expect(check.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
  await expect(check.getByRole('link', { name: TITLE, exact: true })).toHaveCount(0)

  await editing.getByRole('button', { name: 'Restaurer la fiche avec mes modifications' }).click()
  await expect(savedNow(editing)).toBeVisible()
  await expect(deletedAlert(editing)).toHaveCount(0)
  await check.reload()
  const restoredCard = check.getByRole('article').filter({ has: check.getByRole('link', { name: TITLE, exact: true }) })
  await expect(restoredCard).toContainText('Organisation saisie après la suppression')
  await expect(library.getByRole('link', { name: TITLE, exact: true })).toBeVisible()

  // « Annuler » in the deletion notification, if it is still up: the sheet came back meanwhile, so nothing is
  // overwritten; the deleted version may be added beside it.
  const undone = await undo.click({ timeout: 1_000 }).then(
    () => true,
    () => false,
  )
  if (!undone) {
    test.info().annotations.push({ type: 'skipped part', description: 'the deletion notification had expired' })
    return
  }
  await expect(library.getByText(`« ${TITLE} » a changé depuis sa suppression`)).toBeVisible()
  await library.getByRole('button', { name: 'Garder les deux' }).click()
  await expect(library.getByRole('link', { name: `${TITLE} (restaurée)`, exact: true })).toBeVisible()
  await expect(library.getByRole('article')).toHaveCount(2)
  const current = library.getByRole('article').filter({ has: library.getByRole('link', { name: TITLE, exact: true }) })
  await expect(current).toContainText('Organisation saisie après la suppression')
  const copy = library.getByRole('article').filter({ has: library.getByRole('link', { name: `${TITLE} (restaurée)` }) })
  await expect(copy).toContainText('Département exemple')
  // The editing tab keeps its version, undisturbed.
  await expect(editing.getByLabel('Collectivité porteuse')).toHaveValue('Organisation saisie après la suppression')
  await expect(editing.getByRole('alert')).toHaveCount(0)
})

test('« Annuler » after a deletion keeps a copy imported meanwhile', async ({ context }) => {
  const page = await newTab(context)
  await importSheetFile(page, sheetFile(() => undefined), '1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  const original = JSON.parse(readFileSync(fixture, 'utf8')) as SheetFile
  const oldDescription = original.sheets[0]!.project.description

  await page.getByRole('button', { name: `Supprimer « ${TITLE} »` }).click()
  await expect(page.getByText(`Fiche « ${TITLE} » supprimée.`)).toBeVisible()
  // A newer copy of the deleted sheet: same id, another description.
  const newer = 'Copie plus récente, reçue du département après la suppression.'
  await importSheetFile(
    page,
    sheetFile((sheet) => {
      sheet.project.description = newer
      sheet.updatedAt = '2026-03-05T08:00:00.000Z'
    }),
    '1 fiche ajoutée, aucune remplacée, aucune ignorée.',
  )
  await page.getByRole('button', { name: 'Annuler', exact: true }).click()

  await expect(page.getByText(`« ${TITLE} » a changé depuis sa suppression`)).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('button', { name: 'Garder les deux' }).click()
  await expect(page.getByRole('link', { name: `${TITLE} (restaurée)`, exact: true })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(2)

  await page.getByRole('link', { name: TITLE, exact: true }).click()
  await expect(description(page)).toHaveValue(newer)
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await page.getByRole('link', { name: `${TITLE} (restaurée)`, exact: true }).click()
  await expect(description(page)).toHaveValue(oldDescription)
})

test('typing in a sheet deleted elsewhere still says it is not saved', async ({ context }) => {
  const editing = await newTab(context)
  await importSheetFile(editing, sheetFile(() => undefined), '1 fiche ajoutée, aucune remplacée, aucune ignorée.')
  await editing.getByRole('link', { name: TITLE, exact: true }).click()
  await expect(editing.getByLabel('Rédigée par')).toHaveValue('Service observation territoriale')
  const library = await newTab(context)
  await library.getByRole('button', { name: `Supprimer « ${TITLE} »` }).click()
  await expect(deletedAlert(editing)).toBeVisible()

  await editing.getByLabel('Rédigée par').fill('Mission santé')
  // Past the autosave delay, which writes nothing here: the status must still say why.
  await editing.waitForTimeout(1000)
  await expect(saveStatus(editing, 'Non enregistré : cette fiche a été supprimée dans un autre onglet')).toBeVisible({
    timeout: 2_000,
  })
})
