import { expect, test } from '@playwright/test'

test('the same sheet open in two tabs never silently loses an edit', async ({ context }) => {
  const first = await context.newPage()
  await first.goto('/')
  await first.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(first.getByLabel('Titre du projet')).toBeFocused()
  await first.keyboard.type('Éclairage public intelligent')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  const second = await context.newPage()
  await second.goto(first.url())
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Éclairage public intelligent')

  // A tab without edits of its own follows the other tab's saves.
  await first.getByLabel('Rédigée par').fill('Service énergie')
  await expect(second.getByLabel('Rédigée par')).toHaveValue('Service énergie')
  await expect(second.getByText('Cette fiche a été mise à jour depuis un autre onglet.')).toBeVisible()

  // The second tab has an edit that can't be saved yet (blank title) when the first tab saves again.
  await second.getByLabel('Titre du projet').fill('')
  await first.getByLabel('Collectivité porteuse').fill('Commune de Cozzano')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  const alert = second.getByRole('alert').filter({ hasText: 'modifiée dans un autre onglet' })
  await expect(alert).toBeVisible()

  // Nothing is written while the person hasn't chosen, even once the edit becomes valid.
  await second.getByLabel('Titre du projet').fill('Éclairage public (version du second onglet)')
  await second.waitForTimeout(1000)
  await first.reload()
  await expect(first.getByLabel('Titre du projet')).toHaveValue('Éclairage public intelligent')
  await expect(first.getByLabel('Collectivité porteuse')).toHaveValue('Commune de Cozzano')
  // The other tab's unsaved edits are offered to this tab, not applied to it.
  await expect(first.getByText('Des modifications non enregistrées, faites sur une version plus ancienne')).toBeVisible()

  await alert.getByRole('button', { name: 'Garder ma version (remplace celle de l’autre onglet)' }).click()
  await expect(second.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await expect(first.getByLabel('Titre du projet')).toHaveValue('Éclairage public (version du second onglet)')
})

test('taking the other tab’s version replaces this tab’s unsaved edit, on request only', async ({ context }) => {
  const first = await context.newPage()
  await first.goto('/')
  await first.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(first.getByLabel('Titre du projet')).toBeFocused()
  await first.keyboard.type('Bennes connectées')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  const second = await context.newPage()
  await second.goto(first.url())
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Bennes connectées')

  await second.getByLabel('Titre du projet').fill('')
  await first.getByLabel('Rédigée par').fill('Service déchets')
  const alert = second.getByRole('alert').filter({ hasText: 'modifiée dans un autre onglet' })
  await expect(alert).toBeVisible()
  await alert.getByRole('button', { name: /Prendre la version de l’autre onglet/ }).click()
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Bennes connectées')
  await expect(second.getByLabel('Rédigée par')).toHaveValue('Service déchets')
})
