// « Sans les noms des personnes » as a person uses it: ticked once on a sheet, the export carries no name, and the
// choice is still there after a reload and on the library's page.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

test('a sheet exported « sans les noms des personnes » names no one, and the choice stays on the device', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Observatoire des loyers')
  await page.getByLabel('Rédigée par').fill('Camille Martin')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  const option = page.getByRole('checkbox', { name: 'Sans les noms des personnes' })
  await expect(option).not.toBeChecked()
  await expect(option).toHaveAccessibleDescription(/Les textes libres restent tels quels/)
  await option.check()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter la fiche (JSON)' }).click()
  const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8'))
  expect(JSON.stringify(file)).not.toContain('Camille Martin')
  expect(file.sheets[0].author).toBe('Auteur ou autrice (nom retiré)')
  // The sheet itself keeps its author: only what leaves the browser changes.
  await expect(page.getByLabel('Rédigée par')).toHaveValue('Camille Martin')

  await page.reload()
  await expect(page.getByRole('checkbox', { name: 'Sans les noms des personnes' })).toBeChecked()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(page.getByRole('checkbox', { name: 'Sans les noms des personnes' })).toBeChecked()
})
