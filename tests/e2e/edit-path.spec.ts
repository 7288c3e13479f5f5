// One invalid field, or an empty row just added, never holds the rest of the sheet hostage: the library, both
// exports and the radar image show every valid edit, and the invalid text itself survives as a draft.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { sheetFileInPng } from './helpers'

async function score(page: Page, group: string, level: string) {
  await page.getByRole('group', { name: group }).getByLabel(level, { exact: true }).check()
}

test('after adding an empty row, the title and scores typed next reach the library, the JSON and the PNG', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Vélos en libre-service')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  // An empty row just added is not an error while the person is filling it in.
  await page.getByRole('button', { name: 'Ajouter un objectif' }).click()
  await expect(page.getByRole('textbox', { name: 'Objectif 1' })).toBeFocused()
  await expect(page.getByText('Ce champ est obligatoire.', { exact: false })).toHaveCount(0)

  await page.getByLabel('Titre du projet').fill('Vélos en libre-service à Nîmes')
  await score(page, 'Cybersécurité — Difficulté pour le prototype', '3 Fort')
  await score(page, 'RGPD — Frein au passage à l’échelle', '2 Modéré')
  // The person has moved on from the empty row: now it says so, and the rest is still saved.
  await expect(page.getByText('Ce champ est obligatoire.', { exact: false })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré, sauf 1 champ à corriger' })).toBeAttached()
  // An invalid field holding text: a stakeholder with an organisation but no name.
  await page.getByRole('button', { name: 'Ajouter une partie prenante' }).click()
  await page.getByLabel('Organisation', { exact: true }).fill('Nîmes Métropole')
  await page.getByLabel('Titre du projet').focus()
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré, sauf 2 champs à corriger' })).toBeAttached()

  await page.reload()
  // The draft brings back what was typed in the invalid field.
  await expect(page.getByText('Des saisies pas encore valides ont été retrouvées', { exact: false })).toBeVisible()
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Nîmes Métropole')
  await expect(page.getByLabel('Titre du projet')).toHaveValue('Vélos en libre-service à Nîmes')

  // The JSON export holds every valid edit, and says which field it leaves out.
  const json = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter la fiche (JSON)' }).click()
  const file = JSON.parse(readFileSync((await (await json).path())!, 'utf8'))
  expect(file.sheets[0].project.title).toBe('Vélos en libre-service à Nîmes')
  expect(file.sheets[0].radar.cybersecurite.prototype).toBe(3)
  expect(file.sheets[0].radar.rgpd.scaleUp).toBe(2)
  expect(file.sheets[0].project.objectives).toEqual([])
  expect(file.sheets[0].project.stakeholders).toEqual([])
  await expect(page.getByText('Sans les saisies non valides de ces champs', { exact: false })).toBeVisible()
  await expect(page.getByText('le nom de la partie prenante 1', { exact: false })).toBeVisible()

  // So does the radar image, with no raw error anywhere.
  const image = page.waitForEvent('download')
  // The first of the two (the sheet's header; the other follows the last score).
  await page.getByRole('button', { name: 'Exporter le radar (PNG)' }).first().click()
  const carried = sheetFileInPng(readFileSync((await (await image).path())!))
  expect(carried.sheets[0]!.project.title).toBe('Vélos en libre-service à Nîmes')
  expect(carried.sheets[0]!.radar.cybersecurite).toMatchObject({ prototype: 3 })
  await expect(page.getByText('too_small', { exact: false })).toHaveCount(0)

  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await expect(page.getByRole('link', { name: 'Vélos en libre-service à Nîmes' })).toBeVisible()
  await expect(page.getByText('2/20 notes')).toBeVisible()
})
