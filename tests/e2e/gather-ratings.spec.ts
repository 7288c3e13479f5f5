// Five people of a workshop each filled in their own copy of the same project: the facilitator keeps one and
// gathers the four others as its ratings, undoes it, gathers again, and reads them on the sheet's Avis screen.
import { expect, test } from '@playwright/test'
import { fileOf, sameProject } from './participants'
import { expectNoSeriousViolations } from './helpers'

const TITLE = sameProject[0]!.project.title

test('look-alike copies picked by hand become ratings of the sheet kept, with « Annuler »', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/ateliers')
  await page.getByRole('button', { name: 'Nouvel atelier' }).click()
  await page.getByLabel('Nom de l’atelier').fill('Atelier mobilité')
  await page.getByRole('button', { name: 'Créer l’atelier' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' }).click()
  await (await chooser).setFiles(fileOf(sameProject, 'copies.json'))
  await expect(page.getByRole('dialog').getByText('Import terminé')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await expect(page.getByText('5 fiches', { exact: true })).toBeVisible()

  async function gather() {
    await page.getByText('Rassembler des avis sur une fiche').click()
    await page.getByLabel('Fiche à garder').selectOption({ label: `${TITLE} — Camille Martin` })
    const copies = page.getByRole('group', { name: 'Copies à rassembler comme avis' })
    await expect(copies.getByRole('checkbox')).toHaveCount(4)
    for (const box of await copies.getByRole('checkbox').all()) await box.check()
    await page.getByRole('button', { name: 'Rassembler 4 copies comme avis' }).click()
    await expect(page.getByText(`4 avis ajoutés sur « ${TITLE} ».`)).toBeVisible()
    await expect(page.getByText('1 fiche', { exact: true })).toBeVisible()
  }

  await gather()
  await expectNoSeriousViolations(page, 'the workshop after gathering')
  await page.getByRole('button', { name: 'Annuler' }).click()
  await expect(page.getByText('Avis retirés, copies remises dans l’atelier.')).toBeVisible()
  await expect(page.getByText('5 fiches', { exact: true })).toBeVisible()

  await gather()
  await page.goto('/')
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('link', { name: `4 avis sur « ${TITLE} » : voir le consensus` }).click()
  await expect(page.getByRole('listitem').filter({ hasText: 'Noa Garcia' })).toContainText('dans l’atelier')
  await expect(page.getByRole('table', { name: 'Consensus de 4 avis, les notes à discuter en premier' })).toBeVisible()
})
