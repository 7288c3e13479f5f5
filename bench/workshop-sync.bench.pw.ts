// How long a workshop of 20 sheets takes to reach a second profile through the server: the facilitator shares it,
// then 5 fresh profiles (new browser contexts: their own IndexedDB and cookies) join it one after the other. Timed
// from « Se connecter » (the join waits for the sign-in) to the workshop page saying « 20 fiches » and « À jour »:
// the session, the database's changes, the 20 sheets validated and written to IndexedDB. On loopback, through the
// preview server's /couchdb/ proxy, as a deployment is.
import { expect, test, type Page } from '@playwright/test'
import { benchCouchPort, benchServerModePort } from '../playwright.bench.config'
import { COUCH_ADMIN, startCouchServer } from '../tests/support/couch-server.mjs'
import { examples, fileOf } from '../tests/e2e/participants'
import { workshopWith } from '../tests/e2e/helpers'

const SHEETS = 20
const PROFILES = 5
const WORKSHOP = 'Atelier de 20 fiches'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const twentySheets = Array.from({ length: SHEETS }, (_, index) => ({
  ...structuredClone(examples.sheets[index % examples.sheets.length]!),
  id: `7b2f0c3d-0000-4000-8000-0000000000${String(index + 10)}`,
}))

async function signIn(page: Page, name: string, password: string) {
  await page.getByLabel('Identifiant').fill(name)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

test.use({ baseURL: `http://localhost:${benchServerModePort}` })

test(`a workshop of ${SHEETS} sheets reaches ${PROFILES} fresh profiles through the server`, async ({ page, browser }) => {
  const couch = await startCouchServer(benchCouchPort)
  try {
    await couch.addUser('camille', 'mdp-camille', ['atelier'])
    await workshopWith(page, WORKSHOP, fileOf(twentySheets))
    await page.getByRole('button', { name: 'Partager sur le serveur' }).click()
    await signIn(page, COUCH_ADMIN.name, COUCH_ADMIN.password)
    await expect(page.getByRole('status').filter({ hasText: 'À jour' })).toBeVisible()
    const address = new URL(page.url()).pathname

    const times: number[] = []
    for (let run = 1; run <= PROFILES; run++) {
      const context = await browser.newContext({ baseURL: `http://localhost:${benchServerModePort}`, locale: 'fr-FR' })
      const participant = await context.newPage()
      await participant.goto(address)
      await participant.getByRole('button', { name: 'Rejoindre cet atelier sur le serveur' }).click()
      await participant.getByLabel('Identifiant').fill('camille')
      await participant.getByLabel('Mot de passe').fill('mdp-camille')
      const started = performance.now()
      await participant.getByRole('button', { name: 'Se connecter' }).click()
      await expect(participant.getByText(`${SHEETS} fiches`, { exact: true })).toBeVisible()
      await expect(participant.getByRole('status').filter({ hasText: 'À jour' })).toBeVisible()
      times.push(performance.now() - started)
      await context.close()
    }
    console.log(
      `Workshop of ${SHEETS} sheets to a second profile: median ${Math.round(median(times))} ms over ${PROFILES} profiles (${times.map((time) => Math.round(time)).join(', ')} ms)`,
    )
  } finally {
    await couch.stop()
  }
})
