// A workshop shared through the deployment's CouchDB server, as two people on two laptops live it: two browser
// profiles (two contexts, each its own IndexedDB and cookies) on the build served with deployment.json naming the
// server, /couchdb/ proxied to a CouchDB-compatible server this file starts on loopback.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { couchPort, serverModePort } from '../../playwright.config'
import { COUCH_ADMIN, startCouchServer } from '../support/couch-server.mjs'
import { fileOf, participants } from './participants'
import { untilServiceWorkerControls, workshopWith } from './helpers'

// One server on one port: the journeys of this file run one after the other, each with a fresh server.
test.describe.configure({ mode: 'serial' })
test.use({ baseURL: `http://localhost:${serverModePort}` })

type CouchServer = Awaited<ReturnType<typeof startCouchServer>>
let couch: CouchServer | undefined

test.beforeEach(async () => {
  couch = await startCouchServer(couchPort)
  await couch.addUser('camille', 'mdp-camille', ['atelier'])
})

test.afterEach(async () => {
  await couch?.stop()
  couch = undefined
})

const WORKSHOP = 'Parcours data — atelier partagé'

interface Profile {
  context: BrowserContext
  page: Page
  /** Every URL the profile requested (pages, workers, the service worker). */
  requests: string[]
}

async function profile(browser: Browser): Promise<Profile> {
  const context = await browser.newContext({ baseURL: `http://localhost:${serverModePort}` })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  // Before any script of each page: a violation of the Content-Security-Policy while syncing is caught too.
  await context.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`))
  })
  return { context, page: await context.newPage(), requests }
}

/** The server mode keeps the app's promises: no request to another origin, no CSP violation on this page. */
async function expectOwnOriginOnly({ page, requests }: Profile) {
  const foreign = requests.filter((url) => !['data:', 'blob:'].includes(new URL(url).protocol) && new URL(url).origin !== `http://localhost:${serverModePort}`)
  expect(foreign, 'requests to another origin').toEqual([])
  expect(requests.some((url) => new URL(url).pathname.startsWith('/couchdb/')), 'the server reached through the app’s origin').toBe(true)
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), 'CSP violations').toEqual([])
}

async function signIn(page: Page, name: string, password: string) {
  const form = page.getByRole('region', { name: /Serveur de partage|Rejoindre l’atelier partagé/ })
  await form.getByLabel('Identifiant').fill(name)
  await form.getByLabel('Mot de passe').fill(password)
  await form.getByRole('button', { name: 'Se connecter' }).click()
}

const sharingStatus = (page: Page) => page.getByRole('region', { name: /Serveur de partage|Rejoindre l’atelier partagé/ }).getByRole('status')

/** The facilitator's workshop of the 6 participants' sheets, shared on the server; returns its address. */
async function facilitatorShares(page: Page): Promise<string> {
  await workshopWith(page, WORKSHOP, fileOf(participants))
  await page.getByRole('button', { name: 'Partager sur le serveur' }).click()
  await expect(sharingStatus(page)).toHaveText(/Connectez-vous au serveur/)
  await signIn(page, COUCH_ADMIN.name, COUCH_ADMIN.password)
  await expect(sharingStatus(page)).toHaveText('À jour')
  return new URL(page.url()).pathname
}

/** A participant opens the workshop's address, signs in and joins: the 6 sheets arrive. */
async function participantJoins(page: Page, address: string) {
  await page.goto(address)
  await expect(page.getByRole('heading', { name: 'Rejoindre l’atelier partagé' })).toBeVisible()
  await page.getByRole('button', { name: 'Rejoindre cet atelier sur le serveur' }).click()
  await signIn(page, 'camille', 'mdp-camille')
  await expect(page.getByRole('heading', { level: 1, name: WORKSHOP })).toBeVisible()
  await expect(page.getByText('6 fiches', { exact: true })).toBeVisible()
  await expect(sharingStatus(page)).toHaveText('À jour')
}

/** A shared workshop of 6 sheets, joined by a participant whose network then goes down (the app still opens). */
async function participantGoesOffline(browser: Browser) {
  const facilitator = await profile(browser)
  const participant = await profile(browser)
  const address = await facilitatorShares(facilitator.page)
  await participantJoins(participant.page, address)
  await untilServiceWorkerControls(participant.page)
  await participant.context.setOffline(true)
  return { facilitator, participant, address }
}

const sheetAddress = (index: number) => `/fiches/${participants[index]!.id}`
const savedNow = (page: Page) => page.getByText(/^Enregistré (maintenant|il y a)/)

async function editField(page: Page, index: number, label: string, text: string) {
  await page.goto(sheetAddress(index))
  await page.getByLabel(label).fill(text)
  await expect(savedNow(page)).toBeVisible()
}

test('two profiles share a workshop of 6 sheets: an edit on each side arrives on the other', async ({ browser }) => {
  const facilitator = await profile(browser)
  const participant = await profile(browser)
  const address = await facilitatorShares(facilitator.page)
  await participantJoins(participant.page, address)

  await editField(participant.page, 0, 'Rédigée par', 'Camille, service mobilités')
  await editField(facilitator.page, 1, 'Collectivité porteuse', 'Métropole de l’atelier')

  await facilitator.page.goto(sheetAddress(0))
  await expect(facilitator.page.getByLabel('Rédigée par')).toHaveValue('Camille, service mobilités')
  await participant.page.goto(sheetAddress(1))
  await expect(participant.page.getByLabel('Collectivité porteuse')).toHaveValue('Métropole de l’atelier')
  await expectOwnOriginOnly(facilitator)
  await expectOwnOriginOnly(participant)
  // The Confidentialité page says what goes to the server, in server mode only (privacy.spec.ts: not without).
  await participant.page.goto('/confidentialite')
  await expect(participant.page.getByRole('heading', { name: 'Le serveur de partage de ce site' })).toBeVisible()
  await expect(participant.page.getByText(/à son adresse \/couchdb\//)).toBeVisible()
  await facilitator.context.close()
  await participant.context.close()
})

test('the same field edited on both sides while one was offline: the question, and « Garder les deux » keeps both texts', async ({ browser }, testInfo) => {
  const { facilitator, participant, address } = await participantGoesOffline(browser)
  await editField(participant.page, 2, 'Rédigée par', 'Version écrite hors ligne')
  await participant.page.goto(address)
  await expect(sharingStatus(participant.page)).toHaveText('Hors ligne — envoi au retour du réseau')
  await expect(participant.page.getByText('1 modification attend dans ce navigateur, rien n’est perdu.')).toBeVisible()

  await editField(facilitator.page, 2, 'Rédigée par', 'Version du facilitateur')
  await facilitator.page.goto(address)
  await expect(sharingStatus(facilitator.page)).toHaveText('À jour')

  await participant.context.setOffline(false)
  const question = participant.page.getByRole('region', { name: 'Serveur de partage' })
  await expect(question.getByText(/a été modifiée dans ce navigateur et sur le serveur/)).toBeVisible()
  await expect(question.getByText(/Leur version : modifiée par Version du facilitateur le/)).toBeVisible()
  // The sheet's own page says it too, and leads to the question.
  await participant.page.goto(sheetAddress(2))
  const notice = participant.page.getByRole('status').filter({ hasText: 'Cette fiche a aussi été modifiée sur le serveur' })
  await expect(notice).toContainText('l’auteur')
  await participant.page.setViewportSize({ width: 360, height: 740 })
  await notice.screenshot({ path: testInfo.outputPath('sheet-server-conflict-360.png') })
  await participant.page.setViewportSize({ width: 1366, height: 768 })
  await participant.page.getByRole('link', { name: `Choisir sur la page de l’atelier « ${WORKSHOP} »` }).click()
  await expect(participant.page).toHaveURL(new RegExp(`${address}#conflits-serveur$`))
  await question.getByRole('button', { name: 'Garder les deux' }).click()
  await expect(participant.page.getByText(/Les deux versions sont gardées/)).toBeVisible()
  await expect(sharingStatus(participant.page)).toHaveText('À jour')
  await expect(participant.page.getByText('7 fiches', { exact: true })).toBeVisible()

  // Both texts on both sides: the server's under the sheet's id, the participant's as a new sheet of the workshop.
  await expect(facilitator.page.getByText('7 fiches', { exact: true })).toBeVisible()
  for (const { page } of [facilitator, participant]) {
    await page.goto(sheetAddress(2))
    await expect(page.getByLabel('Rédigée par')).toHaveValue('Version du facilitateur')
    await page.goto(address)
    await page.getByRole('link', { name: /\(ma version\)/ }).first().click()
    await expect(page.getByLabel('Rédigée par')).toHaveValue('Version écrite hors ligne')
  }
  await facilitator.context.close()
  await participant.context.close()
})

test('an edit made offline, the tab closed and reopened once the network is back, is delivered', async ({ browser }) => {
  const { facilitator, participant, address } = await participantGoesOffline(browser)
  await editField(participant.page, 3, 'Collectivité porteuse', 'Saisie hors ligne puis onglet fermé')
  await participant.page.close()
  await participant.context.setOffline(false)
  const reopened = await participant.context.newPage()
  await reopened.goto(address)
  await expect(sharingStatus(reopened)).toHaveText('À jour')

  await facilitator.page.goto(sheetAddress(3))
  await expect(facilitator.page.getByLabel('Collectivité porteuse')).toHaveValue('Saisie hors ligne puis onglet fermé')
  await facilitator.context.close()
  await participant.context.close()
})

test('the server stopped mid-session: « Serveur injoignable », and the edit stays here', async ({ browser }) => {
  const facilitator = await profile(browser)
  const address = await facilitatorShares(facilitator.page)
  await couch!.stop()
  couch = undefined
  await editField(facilitator.page, 4, 'Rédigée par', 'Écrit pendant la panne')
  await facilitator.page.goto(address)
  await expect(sharingStatus(facilitator.page)).toHaveText('Serveur injoignable')
  await expect(facilitator.page.getByText('1 modification attend dans ce navigateur, rien n’est perdu.')).toBeVisible()
  await facilitator.page.goto(sheetAddress(4))
  await expect(facilitator.page.getByLabel('Rédigée par')).toHaveValue('Écrit pendant la panne')
  await facilitator.context.close()
})

test('wrong credentials are refused in French, and the password is not kept in the form; the form fits a 320 px phone', async ({ browser }, testInfo) => {
  const { context, page } = await profile(browser)
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/ateliers')
  await page.getByRole('button', { name: 'Nouvel atelier' }).click()
  await page.getByLabel('Nom de l’atelier').fill(WORKSHOP)
  await page.getByRole('button', { name: 'Créer l’atelier' }).click()
  await page.getByRole('button', { name: 'Partager sur le serveur' }).click()
  await signIn(page, 'camille', 'pas-le-bon')
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.')
  await expect(page.getByLabel('Mot de passe')).toHaveValue('')
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scrolling').toBe(0)
  await page.getByRole('region', { name: 'Serveur de partage' }).screenshot({ path: testInfo.outputPath('sign-in-320.png') })
  await context.close()
})
