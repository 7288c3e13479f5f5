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

  // The second tab has an edit that can't be saved yet (a blank title) when the first tab saves another field: the
  // two edits touch different fields, so they merge — no question, nothing dropped, and the second tab is told.
  await second.getByLabel('Titre du projet').fill('')
  await first.getByLabel('Collectivité porteuse').fill('Commune de Cozzano')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await expect(second.getByLabel('Collectivité porteuse')).toHaveValue('Commune de Cozzano')
  await expect(second.getByLabel('Titre du projet')).toHaveValue('')
  await expect(second.getByText('Les modifications de l’autre onglet sont reprises ici, avec les vôtres : l’organisation.')).toBeVisible()
  await expect(second.getByRole('alert').filter({ hasText: 'modifiée dans un autre onglet' })).toHaveCount(0)

  // Once its title is valid again, the second tab saves it over the merged version: both edits are stored.
  await second.getByLabel('Titre du projet').fill('Éclairage public (version du second onglet)')
  await expect(second.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await expect(first.getByLabel('Titre du projet')).toHaveValue('Éclairage public (version du second onglet)')
  await first.reload()
  await expect(first.getByLabel('Titre du projet')).toHaveValue('Éclairage public (version du second onglet)')
  await expect(first.getByLabel('Collectivité porteuse')).toHaveValue('Commune de Cozzano')
  await expect(first.getByLabel('Rédigée par')).toHaveValue('Service énergie')
})

test('the same field changed in both tabs is asked about, naming the field and both values', async ({ context }) => {
  const first = await context.newPage()
  await first.goto('/')
  await first.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(first.getByLabel('Titre du projet')).toBeFocused()
  await first.keyboard.type('Bennes connectées')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  const second = await context.newPage()
  await second.goto(first.url())
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Bennes connectées')

  // The second tab blanks the title (not savable yet, kept as a draft) and sets the author; the first tab renames.
  await second.getByLabel('Rédigée par').fill('Service déchets')
  await expect(second.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  await second.getByLabel('Titre du projet').fill('')
  await first.getByLabel('Titre du projet').fill('Bennes connectées et tournées optimisées')
  await expect(first.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()
  const alert = second.getByRole('alert').filter({ hasText: 'modifiée dans un autre onglet' })
  await expect(alert).toBeVisible()
  await expect(alert.getByRole('listitem')).toHaveText(['le titre — ici : « vide » ; dans l’autre onglet : « Bennes connectées et tournées optimisées »'])
  await alert.getByRole('button', { name: 'Prendre celles de l’autre onglet' }).click()
  await expect(second.getByLabel('Titre du projet')).toHaveValue('Bennes connectées et tournées optimisées')
  // Only the field asked about took the other side: the author typed here stays.
  await expect(second.getByLabel('Rédigée par')).toHaveValue('Service déchets')
  await expect(alert).toHaveCount(0)
})
