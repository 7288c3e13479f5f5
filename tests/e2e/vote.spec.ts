// A committee's ranked vote on the facilitator's device: three voters (one per organisation), two groups (the
// sheets' domains), one ballot corrected, a tie at the cut-off broken by the chair, the results confirmed as the
// sheets' decisions; the results as CSV and PNG; the vote survives a reload and re-imports identical elsewhere.
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { examples, type BundleSheet } from './participants'
import { expectNoSeriousViolations } from './helpers'
import { openSpreadsheet } from './spreadsheet-reader'
import { launchWithCamera, y4m } from './qr-camera'

const PROJECTS = [
  { title: 'Cantines scolaires', domain: 'Éducation' },
  { title: 'Numérique à l’école', domain: 'Éducation' },
  { title: 'Transport scolaire', domain: 'Éducation' },
  { title: 'Covoiturage', domain: 'Mobilités' },
  { title: 'Pistes cyclables', domain: 'Mobilités' },
  { title: 'Bornes de recharge', domain: 'Mobilités' },
]
const VOTERS = ['Région Occitanie', 'Département du Gard', 'Métropole de Montpellier']

function committeeFile() {
  const sheets = PROJECTS.map((project, index) => {
    const sheet = structuredClone(examples.sheets[index]!) as BundleSheet & { project: { domain: string } }
    sheet.id = `7e5a0c3d-0000-4000-8000-00000000000${index + 1}`
    sheet.project.title = project.title
    sheet.project.domain = project.domain
    sheet.decision = { status: 'a-examiner' }
    return sheet
  })
  return { name: 'comite.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...examples, sheets })) }
}

async function workshopWithVote(page: Page, kept: number): Promise<void> {
  await page.goto('/ateliers')
  await page.getByRole('button', { name: 'Nouvel atelier' }).click()
  await page.getByLabel('Nom de l’atelier').fill('Comité territorial de la donnée')
  await page.getByRole('button', { name: 'Créer l’atelier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Comité territorial de la donnée' })).toBeVisible()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer des fichiers dans l’atelier' }).click()
  await (await chooser).setFiles(committeeFile())
  await expect(page.getByRole('dialog').getByText('Import terminé')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()

  await expect(page.getByText('Aucun vote pour cet atelier.', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Organiser un vote' }).click()
  await expect(page.getByText('2 groupes, selon le domaine des fiches')).toBeVisible()
  await page.getByLabel('Projets retenus par groupe').fill(String(kept))
  await page.getByRole('button', { name: 'Créer le vote' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Vote du comité' })).toBeVisible()
}

async function addVoter(page: Page, organisation: string) {
  await page.getByLabel('Organisation').fill(organisation)
  await page.getByRole('button', { name: 'Ajouter l’électeur' }).click()
  await expect(page.getByRole('row', { name: new RegExp(organisation) })).toBeVisible()
}

const group = (page: Page, name: string) => page.getByRole('group', { name })
async function rank(scope: Locator, position: number, points: number, title: string) {
  await scope.getByLabel(`Rang ${position} (${points} points)`).selectOption({ label: title })
}

/** Every vote in this profile's IndexedDB. */
function storedVotes(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('fiche-projet-data')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const all = request.result.transaction('votes').objectStore('votes').getAll()
          all.onsuccess = () => resolve(all.result)
          all.onerror = () => reject(all.error)
        }
      }),
  )
}

test('three voters, two groups, a correction and a tie broken by the chair decide the sheets; the vote travels whole', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  await workshopWithVote(page, 1)

  for (const organisation of VOTERS) await addVoter(page, organisation)
  // One voice per organisation, whatever the case or accents.
  await page.getByLabel('Organisation').fill('region  occitanie')
  await page.getByRole('button', { name: 'Ajouter l’électeur' }).click()
  await expect(page.getByText('Cette organisation a déjà un électeur : une voix par organisation.')).toBeVisible()
  await page.getByLabel('Organisation').fill('')

  // Ballots (ranks of 3, points 4, 3, 2):
  //   Région:      Éducation Cantines, Numérique, Transport   Mobilités Covoiturage, Pistes, Bornes
  //   Département: Éducation Numérique, Cantines, Transport   Mobilités Pistes, Bornes, Covoiturage
  //   Métropole:   Éducation Transport, Cantines              Mobilités Pistes, Covoiturage   (corrected below)
  await page.getByRole('link', { name: 'Saisir le bulletin de Région Occitanie' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bulletin de Région Occitanie' })).toBeVisible()
  await expect(page.getByText('Cet écran ne montre ni les autres bulletins ni les résultats.')).toBeVisible()
  await rank(group(page, 'Éducation'), 1, 4, 'Cantines scolaires')
  await rank(group(page, 'Éducation'), 2, 3, 'Numérique à l’école')
  await rank(group(page, 'Éducation'), 3, 2, 'Transport scolaire')
  await rank(group(page, 'Mobilités'), 1, 4, 'Covoiturage')
  await rank(group(page, 'Mobilités'), 2, 3, 'Pistes cyclables')
  await rank(group(page, 'Mobilités'), 3, 2, 'Bornes de recharge')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()
  await expect(page.getByRole('combobox')).toHaveCount(0)

  await page.getByRole('button', { name: 'Bulletin suivant : Département du Gard' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bulletin de Département du Gard' })).toBeVisible()
  // Nothing of the previous ballot: every rank is empty.
  for (const select of await page.getByRole('combobox').all()) await expect(select).toHaveValue('')
  await rank(group(page, 'Éducation'), 1, 4, 'Numérique à l’école')
  await rank(group(page, 'Éducation'), 2, 3, 'Cantines scolaires')
  await rank(group(page, 'Éducation'), 3, 2, 'Transport scolaire')
  await rank(group(page, 'Mobilités'), 1, 4, 'Pistes cyclables')
  await rank(group(page, 'Mobilités'), 2, 3, 'Bornes de recharge')
  await rank(group(page, 'Mobilités'), 3, 2, 'Covoiturage')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()

  await page.getByRole('button', { name: 'Bulletin suivant : Métropole de Montpellier' }).click()
  // A rank left empty before a filled one is pointed out, not closed up.
  await rank(group(page, 'Éducation'), 1, 4, 'Transport scolaire')
  await rank(group(page, 'Éducation'), 3, 2, 'Cantines scolaires')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(group(page, 'Éducation').getByText('Le rang 2 est vide alors qu’un rang suivant est rempli')).toBeVisible()
  await group(page, 'Éducation').getByLabel('Rang 3 (2 points)').selectOption('')
  await rank(group(page, 'Éducation'), 2, 3, 'Cantines scolaires')
  await rank(group(page, 'Mobilités'), 1, 4, 'Pistes cyclables')
  await rank(group(page, 'Mobilités'), 2, 3, 'Covoiturage')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()
  await page.getByRole('link', { name: 'Retour au vote', exact: true }).click()

  // The Métropole's Mobilités ballot was meant to be Bornes, Covoiturage: corrected, with its reason.
  await page.getByRole('link', { name: 'Corriger le bulletin de Métropole de Montpellier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Correction du bulletin de Métropole de Montpellier' })).toBeVisible()
  await expect(group(page, 'Mobilités').getByLabel('Rang 1 (4 points)')).toHaveValue(/.+/)
  await rank(group(page, 'Mobilités'), 1, 4, 'Bornes de recharge')
  await page.getByRole('button', { name: 'Enregistrer la correction' }).click()
  await expect(page.getByText('Indiquez pourquoi ce bulletin est corrigé.')).toBeVisible()
  await page.getByLabel('Motif de la correction').fill('Erreur de saisie signalée par la Métropole')
  await page.getByRole('button', { name: 'Enregistrer la correction' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Correction enregistrée' })).toBeVisible()
  await page.getByRole('link', { name: 'Retour au vote', exact: true }).click()
  await page.getByText(/^Historique : 4 événements/).click()
  await expect(page.getByRole('listitem').filter({ hasText: 'bulletin corrigé' })).toContainText('Erreur de saisie signalée par la Métropole')

  // Results. Éducation: Cantines 4+3+3 = 10, Numérique 3+4 = 7, Transport 2+2+4 = 8 → Cantines kept.
  // Mobilités: Covoiturage 4+2+3 = 9, Pistes 3+4 = 7, Bornes 2+3+4 = 9 → a tie for the one seat.
  await page.getByRole('link', { name: 'Résultats' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Résultats — Vote du comité' })).toBeVisible()
  const education = page.getByRole('table', { name: 'Résultats du groupe Éducation' })
  await expect(education.getByRole('row').nth(1)).toContainText('Cantines scolaires')
  await expect(education.getByRole('row').nth(1)).toContainText('10')
  await expect(education.getByRole('row').nth(1)).toContainText('Priorisé')
  await expect(education.getByRole('row').nth(2).getByRole('rowheader')).toHaveText('Transport scolaire, classé par 3 bulletins')
  await expect(education.getByRole('row').nth(2).getByRole('cell').nth(1)).toHaveText('8')
  const mobilites = page.getByRole('table', { name: 'Résultats du groupe Mobilités' })
  await expect(mobilites.getByRole('row').filter({ hasText: 'Départage attendu' })).toHaveCount(2)
  await expect(page.getByText('1 groupe attend le départage de la présidence.').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Confirmer les résultats' })).toBeDisabled()
  await expectNoSeriousViolations(page, 'the results with a tie')

  await page.getByRole('checkbox', { name: 'Bornes de recharge' }).check()
  await page.getByLabel('Motif du départage').fill('Projet prêt à démarrer au printemps')
  await page.getByRole('button', { name: 'Enregistrer le départage' }).click()
  await expect(page.getByText('Départagé par la présidence le', { exact: false })).toBeVisible()
  await expect(mobilites.getByRole('row').nth(1)).toContainText('Bornes de recharge')
  await expect(mobilites.getByRole('row').nth(1)).toContainText('Priorisé')
  await expect(mobilites.getByRole('row').nth(2)).toContainText('Covoiturage')
  await expect(mobilites.getByRole('row').nth(2)).toContainText('En réserve')

  await page.getByRole('button', { name: 'Confirmer les résultats' }).click()
  await expect(page.getByText('Décisions écrites sur 6 fiches.')).toBeVisible()

  // The CSV: one row per candidate, the totals above, French spreadsheet rules.
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter en tableur (CSV)' }).click()
  const csvPath = testInfo.outputPath('resultats.csv')
  await (await csvDownload).saveAs(csvPath)
  expect(readFileSync(csvPath).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const cells = openSpreadsheet(csvPath).map((row) => row.map((cell) => cell.text))
  const points = Object.fromEntries(cells.slice(1).map((row) => [row[2], [row[0], row[3], row[4], row[6]]]))
  expect(points).toEqual({
    'Cantines scolaires': ['Éducation', '10', '3', 'Priorisé'],
    'Transport scolaire': ['Éducation', '8', '3', 'En réserve'],
    'Numérique à l’école': ['Éducation', '7', '2', 'En réserve'],
    'Bornes de recharge': ['Mobilités', '9', '3', 'Priorisé'],
    Covoiturage: ['Mobilités', '9', '3', 'En réserve'],
    'Pistes cyclables': ['Mobilités', '7', '2', 'En réserve'],
  })

  // The PNG: the drawing of the same results, 1600 × 1000.
  const pngDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter en image (PNG)' }).click()
  const pngPath = testInfo.outputPath('resultats.png')
  await (await pngDownload).saveAs(pngPath)
  const png = readFileSync(pngPath)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1000])

  // A reload shows the same: the tie's decision, the confirmation.
  await page.reload()
  await expect(page.getByText('Départagé par la présidence le', { exact: false })).toBeVisible()
  await expect(page.getByText('Résultats confirmés le', { exact: false })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('results-1280.png'), fullPage: true })
  // Printed: one A4 page.
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: 718, height: 1000 })
  await page.screenshot({ path: testInfo.outputPath('results-print.png'), fullPage: true })
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1')
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1)
  await page.emulateMedia({ media: 'screen' })

  // The library's cards show the decisions.
  await page.goto('/')
  const card = (title: string) => page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) })
  await expect(card('Cantines scolaires')).toContainText('Priorisé')
  await expect(card('Bornes de recharge')).toContainText('Priorisé')
  await expect(card('Covoiturage')).toContainText('En réserve')
  await expect(card('Numérique à l’école')).toContainText('En réserve')

  // The vote as a file, and into a fresh profile: stored identical.
  await page.goBack()
  await page.getByRole('link', { name: '← Retour au vote' }).click()
  const voteDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter le vote (fichier)' }).click()
  const votePath = testInfo.outputPath('vote.json')
  await (await voteDownload).saveAs(votePath)
  const exported = JSON.parse(readFileSync(votePath, 'utf8'))
  const [stored] = await storedVotes(page)
  expect(exported.vote).toEqual(stored)
  expect((stored as { history: unknown[] }).history).toHaveLength(4)

  const fresh = await browser.newContext()
  const elsewhere = await fresh.newPage()
  await elsewhere.goto('/ateliers')
  const chooser = elsewhere.waitForEvent('filechooser')
  await elsewhere.getByRole('button', { name: 'Importer un vote…' }).click()
  await (await chooser).setFiles(votePath)
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Vote du comité' })).toBeVisible()
  expect(await storedVotes(elsewhere)).toEqual([stored])
  await elsewhere.getByRole('link', { name: 'Résultats' }).click()
  await expect(elsewhere.getByRole('table', { name: 'Résultats du groupe Mobilités' }).getByRole('row').nth(1)).toContainText(
    'Bornes de recharge',
  )
  await fresh.close()
})

test('the ballot and results screens work by keyboard and at 360 px', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await workshopWithVote(page, 2)
  await addVoter(page, 'Région Occitanie')
  await page.getByRole('link', { name: 'Saisir le bulletin de Région Occitanie' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bulletin de Région Occitanie' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the ballot')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  // Keyboard only: the first rank's list, arrow down to the first project; the next rank skips the one taken.
  await group(page, 'Éducation').getByRole('checkbox', { name: 'S’abstenir dans ce groupe' }).focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  await expect(group(page, 'Éducation').getByLabel('Rang 1 (4 points)')).toHaveValue('7e5a0c3d-0000-4000-8000-000000000001')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  await expect(group(page, 'Éducation').getByLabel('Rang 2 (3 points)')).toHaveValue('7e5a0c3d-0000-4000-8000-000000000002')
  // Abstaining hides a group's ranks; unticked, they come back.
  await group(page, 'Mobilités').getByRole('checkbox', { name: 'S’abstenir dans ce groupe' }).focus()
  await page.keyboard.press('Space')
  await expect(group(page, 'Mobilités').getByRole('combobox')).toHaveCount(0)
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  await expect(group(page, 'Mobilités').getByLabel('Rang 2 (3 points)')).toHaveValue('7e5a0c3d-0000-4000-8000-000000000005')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeFocused()

  await page.getByRole('link', { name: 'Retour au vote', exact: true }).click()
  await page.getByRole('link', { name: 'Résultats' }).click()
  const education = page.getByRole('table', { name: 'Résultats du groupe Éducation' })
  await expect(education.getByRole('row').nth(1)).toContainText('Cantines scolaires')
  await expect(page.getByText('1 bulletin exprimé').first()).toBeVisible()
  await expectNoSeriousViolations(page, 'the results')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await page.getByRole('button', { name: 'Confirmer les résultats' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Décisions écrites sur 6 fiches.')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('results-360.png'), fullPage: true })
})

test('a voter fills their ballot on their own device from the voters’ file; the facilitator imports it', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000)
  await workshopWithVote(page, 2)
  await addVoter(page, 'Région Occitanie')
  await addVoter(page, 'Département du Gard')
  // The Département votes on the facilitator's device first: its ballot must not travel to the other voters.
  await page.getByRole('link', { name: 'Saisir le bulletin de Département du Gard' }).click()
  await rank(group(page, 'Éducation'), 1, 4, 'Transport scolaire')
  await page.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()
  await page.getByRole('link', { name: 'Retour au vote', exact: true }).click()

  const blankDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter pour les électeurs (sans bulletins)' }).click()
  const blankPath = testInfo.outputPath('vote-electeurs.json')
  await (await blankDownload).saveAs(blankPath)
  const blank = JSON.parse(readFileSync(blankPath, 'utf8'))
  expect(blank.vote.ballots).toEqual([])
  expect(blank.vote.history).toEqual([])
  // Opened by mistake on the facilitator's own device, it wipes nothing: the Département's ballot stays.
  await page.goto('/ateliers')
  const mistake = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Importer un vote…' }).click()
  await (await mistake).setFiles(blankPath)
  await expect(page.getByText('Ce navigateur a déjà le vote « Vote du comité » avec des bulletins que le fichier n’a pas', { exact: false })).toBeVisible()
  await expect(page.getByRole('row', { name: /Département du Gard/ })).toContainText('Enregistré le')

  // The Région's own device: a fresh profile opens the file and fills in its ballot.
  const device = await browser.newContext()
  const voter = await device.newPage()
  await voter.goto('/ateliers')
  const chooser = voter.waitForEvent('filechooser')
  await voter.getByRole('button', { name: 'Importer un vote…' }).click()
  await (await chooser).setFiles(blankPath)
  await voter.getByRole('link', { name: 'Saisir le bulletin de Région Occitanie' }).click()
  await rank(group(voter, 'Éducation'), 1, 4, 'Cantines scolaires')
  await rank(group(voter, 'Mobilités'), 1, 4, 'Covoiturage')
  await voter.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
  await expect(voter.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()
  const ballotDownload = voter.waitForEvent('download')
  await voter.getByRole('button', { name: 'Exporter mon bulletin (fichier)' }).click()
  const ballotPath = testInfo.outputPath('bulletin.json')
  await (await ballotDownload).saveAs(ballotPath)
  await device.close()

  // Back on the facilitator's device: imported once, recorded; imported again, nothing changes.
  for (const expected of ['Bulletin de Région Occitanie reçu et enregistré.', 'Le bulletin de Région Occitanie était déjà enregistré à l’identique.']) {
    const ballots = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importer des bulletins…' }).click()
    await (await ballots).setFiles(ballotPath)
    await expect(page.getByText(expected)).toBeVisible()
  }
  await expect(page.getByRole('row', { name: /Région Occitanie/ })).toContainText('Enregistré le')
  await page.getByRole('link', { name: 'Résultats' }).click()
  const education = page.getByRole('table', { name: 'Résultats du groupe Éducation' })
  await expect(education.getByRole('row').nth(1).getByRole('rowheader')).toContainText('Cantines scolaires')
  await expect(education.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('4')
  await expect(page.getByText('bulletins reçus : 2 sur 2')).toBeVisible()
})

test('ballots travel from voters’ devices by a link and by a QR code read through the facilitator’s camera', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  await workshopWithVote(page, 2)
  await addVoter(page, 'Région Occitanie')
  await addVoter(page, 'Département du Gard')
  const blankDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter pour les électeurs (sans bulletins)' }).click()
  const blankPath = testInfo.outputPath('vote-electeurs.json')
  await (await blankDownload).saveAs(blankPath)
  const voteUrl = page.url()

  // The voters' device: each fills in a ballot and sends it, the Région by link, the Département by QR code.
  const device = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const voter = await device.newPage()
  await voter.goto('/ateliers')
  const chooser = voter.waitForEvent('filechooser')
  await voter.getByRole('button', { name: 'Importer un vote…' }).click()
  await (await chooser).setFiles(blankPath)
  async function fillIn(organisation: string, education: string) {
    await voter.getByRole('link', { name: `Saisir le bulletin de ${organisation}` }).click()
    await rank(group(voter, 'Éducation'), 1, 4, education)
    await rank(group(voter, 'Mobilités'), 1, 4, 'Covoiturage')
    await voter.getByRole('button', { name: 'Enregistrer le bulletin' }).click()
    await expect(voter.getByRole('status').filter({ hasText: 'Bulletin enregistré' })).toBeVisible()
    await voter.getByRole('button', { name: 'Envoyer mon bulletin (lien ou QR code)' }).click()
    return voter.getByRole('dialog', { name: 'Envoyer mon bulletin' })
  }
  let dialog = await fillIn('Région Occitanie', 'Cantines scolaires')
  const link = await dialog.getByLabel('Lien du bulletin').inputValue()
  expect(link.startsWith(`${voteUrl}#partage=`)).toBe(true)
  await expectNoSeriousViolations(voter, 'the ballot’s link')
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await voter.getByRole('link', { name: 'Retour au vote', exact: true }).click()
  dialog = await fillIn('Département du Gard', 'Transport scolaire')
  await dialog.getByRole('button', { name: 'Afficher en QR code' }).click()
  await expect(dialog.getByRole('img', { name: /^QR code 1 sur 1/ })).toBeVisible()
  const shot = await voter.screenshot()
  writeFileSync(testInfo.outputPath('ballot-qr.png'), shot)
  await device.close()

  // The facilitator opens the link: the Région's ballot is recorded, by link.
  await page.goto(link)
  await expect(page.getByText('Bulletin de Région Occitanie reçu et enregistré.')).toBeVisible()
  await expect(page.getByRole('row', { name: /Région Occitanie/ })).toContainText('Enregistré le')
  expect(page.url()).toBe(voteUrl)
  const [stored] = (await storedVotes(page)) as { ballots: { channel: string }[] }[]
  expect(stored!.ballots.map((ballot) => ballot.channel)).toEqual(['lien'])
  const voteDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporter le vote (fichier)' }).click()
  const votePath = testInfo.outputPath('vote.json')
  await (await voteDownload).saveAs(votePath)

  // The facilitator's laptop with a camera filming the Département's screen: the vote's scanner records its ballot.
  const video = testInfo.outputPath('camera.y4m')
  writeFileSync(video, await y4m(page, [shot]))
  const cameraBrowser = await launchWithCamera(video)
  try {
    // A context of its own (not browser.newPage): axe needs one to check the scanner.
    const laptop = await (await cameraBrowser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1366, height: 768 } })).newPage()
    await laptop.goto('/ateliers')
    const voteFile = laptop.waitForEvent('filechooser')
    await laptop.getByRole('button', { name: 'Importer un vote…' }).click()
    await (await voteFile).setFiles(votePath)
    await expect(laptop.getByRole('heading', { level: 1, name: 'Vote du comité' })).toBeVisible()
    await laptop.getByRole('button', { name: 'Recevoir des bulletins par QR code' }).click()
    const scanner = laptop.getByRole('dialog', { name: 'Recevoir des bulletins par QR code' })
    await scanner.getByRole('button', { name: 'Activer la caméra' }).click()
    await expect(scanner.getByRole('heading', { name: '1 bulletin reçu' })).toBeVisible({ timeout: 90_000 })
    await expect(scanner.getByRole('listitem')).toHaveText(['Département du Gard'])
    await expectNoSeriousViolations(laptop, 'the ballots’ scanner')
    await laptop.screenshot({ path: testInfo.outputPath('ballot-scanner.png') })
    await scanner.getByRole('button', { name: 'Terminer' }).click()
    await expect(laptop.getByRole('row', { name: /Département du Gard/ })).toContainText('Enregistré le')
    const [received] = (await storedVotes(laptop)) as { ballots: { channel: string }[] }[]
    expect(received!.ballots.map((ballot) => ballot.channel).sort()).toEqual(['lien', 'qr'])
    await laptop.getByRole('link', { name: 'Résultats' }).click()
    await expect(laptop.getByText('bulletins reçus : 2 sur 2')).toBeVisible()
  } finally {
    await cameraBrowser.close()
  }
})
