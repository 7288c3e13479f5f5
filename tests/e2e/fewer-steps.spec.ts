// The shortest paths a workshop takes, counted in clicks and keystrokes as a person makes them: from the empty
// library to a downloaded radar image with its 20 scores, and to a complete sheet. The counts are printed, and
// bounded so that a change that adds steps is noticed.
import { expect, test, type Page } from '@playwright/test'

/** Clicks and keys, counted as they are made. */
function counter(page: Page) {
  const count = { clicks: 0, keys: 0 }
  return {
    count,
    click: async (locator: ReturnType<Page['getByRole']>) => {
      count.clicks++
      await locator.click()
    },
    type: async (text: string) => {
      count.keys += [...text].length
      await page.keyboard.type(text)
    },
    press: async (key: string) => {
      count.keys++
      await page.keyboard.press(key)
    },
  }
}

const SCORES = '21340213423104231203'

test('a scored radar image takes 3 clicks and 20 keys from the empty library', async ({ page }) => {
  await page.goto('/')
  const person = counter(page)
  await person.click(page.getByRole('button', { name: 'Créer ma première fiche' }))
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await person.click(page.getByRole('link', { name: 'Aller au radar' }))
  await expect(page.getByRole('group', { name: 'Datamining — Difficulté pour le prototype' }).getByLabel('Non évalué')).toBeFocused()
  for (const digit of SCORES) await person.press(digit)
  await expect(page.getByRole('img', { name: /20 notes évaluées sur 20/ })).toBeVisible()
  const download = page.waitForEvent('download')
  // The one that follows the last score (the sheet's header has the same).
  await person.click(page.getByRole('button', { name: 'Exporter le radar (PNG)' }).last())
  expect((await download).suggestedFilename()).toMatch(/^radar-.*\.png$/)
  console.log(`Radar image: ${person.count.clicks} clicks, ${person.count.keys} keys`)
  expect(person.count).toEqual({ clicks: 3, keys: 20 })

  // The scores landed where they were typed, in order: theme 1 prototype, theme 1 scale-up, theme 2…
  await expect(page.getByRole('group', { name: 'Gouvernance / acceptabilité — Difficulté pour le prototype' }).getByLabel('3 Fort')).toBeChecked()
  await expect(page.getByRole('group', { name: 'Environnement — Frein au passage à l’échelle' }).getByLabel('3 Fort')).toBeChecked()
})

test('scoring with the mouse moves on by itself: 20 clicks, no scrolling to look for the next score', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await page.getByRole('link', { name: 'Aller au radar' }).click()
  const levels = ['0 Aucun', '1 Faible', '2 Modéré', '3 Fort', '4 Critique']
  for (const digit of SCORES) {
    // The group that has the keyboard is the next score to give: the previous click moved it there.
    const current = page.getByRole('group').filter({ has: page.locator(':focus') })
    await current.getByLabel(levels[Number(digit)]!, { exact: true }).click()
  }
  await expect(page.getByRole('img', { name: /20 notes évaluées sur 20/ })).toBeVisible()
})

test('a complete sheet, counted', async ({ page }) => {
  await page.goto('/')
  const person = counter(page)
  await person.click(page.getByRole('button', { name: 'Créer ma première fiche' }))
  await person.type('Transport à la demande')
  await person.press('Tab')
  await person.type('Communauté de communes du Val')
  await person.press('Tab')
  await person.type('Camille Durand')
  await person.click(page.getByLabel('Description'))
  await person.type('Mutualiser les réservations.')
  await person.click(page.getByRole('button', { name: 'Ajouter un objectif' }))
  await person.type('Réduire les trajets à vide')
  await person.click(page.getByRole('button', { name: 'Ajouter une partie prenante' }))
  await person.type('Service mobilité')
  await person.click(page.getByRole('button', { name: 'Ajouter un jeu de données' }))
  await person.type('Réservations du TAD')
  await person.click(page.getByRole('link', { name: 'Aller au radar' }))
  for (const digit of SCORES) await person.press(digit)
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  console.log(`Complete sheet: ${person.count.clicks} clicks, ${person.count.keys} keys`)
  expect(person.count.clicks).toBeLessThanOrEqual(7)
  await page.reload()
  await expect(page.getByRole('img', { name: /20 notes évaluées sur 20/ })).toBeVisible()
  await expect(page.getByLabel('Nom du jeu de données')).toHaveValue('Réservations du TAD')
})
