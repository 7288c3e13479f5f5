// Privacy and security of the production build: the app talks to its own origin only, its Content-Security-Policy
// is strict, nothing in the main journey breaks it, and the Confidentialité page says where the data lives.
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { importFiles } from './helpers'

const examples = (name: string) => new URL(`../fixtures/examples/${name}`, import.meta.url).pathname
const SANTE_TITLE = 'Cartographier l’offre de santé et projeter les besoins territoriaux'

async function download(page: Page, button: string) {
  const file = page.waitForEvent('download')
  // « Exporter le radar (PNG) » is there twice (the sheet's header, after the last score): the first will do.
  await page.getByRole('button', { name: button, exact: true }).first().click()
  return file
}

interface Violation {
  directive: string
  blocked: string
  source: string
}

test.beforeEach(async ({ page }) => {
  // Installed before any script of the page runs, so that a violation during start-up is caught too.
  await page.addInitScript(() => {
    const violations: Violation[] = []
    ;(window as unknown as { cspViolations: Violation[] }).cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      })
    })
  })
})

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations)

test('the main journey talks to no origin but the app’s own and breaks no CSP rule', async ({ page, context, baseURL }) => {
  const appOrigin = new URL(baseURL!).origin
  const requests: string[] = []
  // On the context: requests of the page, its import worker and the service worker (precache) alike.
  context.on('request', (request) => requests.push(request.url()))
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  const violations: Violation[] = []
  const collect = async () => violations.push(...(await cspViolations(page)))

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()

  // Create, type, score.
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.keyboard.type('Données de fréquentation des piscines')
  await page.getByRole('button', { name: 'Ajouter un objectif' }).click()
  await page.keyboard.type('Adapter les horaires d’ouverture')
  await page.getByRole('group', { name: 'Cybersécurité — Difficulté pour le prototype' }).getByLabel('3 Fort').check()
  await page.getByRole('group', { name: 'RGPD — Frein au passage à l’échelle' }).getByLabel('4 Critique').check()
  await expect(page.getByRole('region', { name: 'Indicateurs' })).toContainText('25 %')
  await expect(page.getByText(/^Enregistré (maintenant|il y a)/)).toBeVisible()

  // Export the sheet (JSON, then PNG: canvas and blob URLs), and lay out its print view.
  expect((await download(page, 'Exporter la fiche (JSON)')).suggestedFilename()).toMatch(/\.json$/)
  expect((await download(page, 'Exporter le radar (PNG)')).suggestedFilename()).toMatch(/\.png$/)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.sheet-print')).toBeVisible()
  await page.pdf({ format: 'A4' })
  await page.emulateMedia({ media: null })
  await collect()

  // Import: a file over 256 KB, parsed in the Web Worker, then a small one, parsed in the page.
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  const atelier = readFileSync(examples('fiches-atelier.json'), 'utf8')
  const large = Buffer.from(atelier + ' '.repeat(300 * 1024 - atelier.length))
  await importFiles(page, [{ name: 'atelier-volumineux.json', mimeType: 'application/json', buffer: large }])
  await expect(page.getByRole('dialog')).toContainText('4 fiches ajoutées')
  expect(workers.map((url) => new URL(url).origin), 'the import ran in a worker of the app’s origin').toEqual([appOrigin])
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()
  await importFiles(page, [examples('fiche-sante.json')])
  await expect(page.getByRole('dialog')).toContainText('aucune fiche ajoutée, aucune remplacée, 1 ignorée.')
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click()

  // The imported sheet's radar, drawn in its editor.
  await page.getByRole('link', { name: SANTE_TITLE }).click()
  await expect(page.locator('.radar-chart__canvas canvas').first()).toBeVisible()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  const all = await download(page, 'Exporter toutes les fiches')
  expect(JSON.parse(readFileSync((await all.path())!, 'utf8')).sheets).toHaveLength(5)

  // The privacy page, from the footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Confidentialité' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
  await collect()

  // A reload while the service worker controls the page: it answers from its cache, from the same origin.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
  await collect()

  const foreign = requests.filter((url) => {
    const { protocol, origin } = new URL(url)
    return protocol !== 'data:' && protocol !== 'blob:' && origin !== appOrigin
  })
  expect(foreign, 'requests to another origin').toEqual([])
  expect(requests.length).toBeGreaterThan(0)
  expect(violations, 'Content-Security-Policy violations').toEqual([])
})

test('the Content-Security-Policy is strict', async ({ page, request }) => {
  // The page as served, before any script: the policy must come before the first script, style and link.
  const html = await (await request.get('/')).text()
  const metas = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/gi) ?? []
  expect(metas, 'one CSP <meta>, added to the build by build/csp.ts (registered in vite.config.ts)').toHaveLength(1)
  const head = html.slice(0, html.indexOf('</head>'))
  const metaAt = head.search(/http-equiv="Content-Security-Policy"/i)
  for (const tag of ['<script', '<link', '<style']) {
    const at = head.indexOf(tag)
    if (at >= 0) expect(metaAt, `the CSP meta comes before the first ${tag}`).toBeLessThan(at)
  }
  // No inline script or inline style that the policy would have to allow.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
  expect(html).not.toMatch(/<style/i)

  await page.goto('/')
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(policy).not.toBeNull()
  const directives = new Map(
    policy!
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  )
  expect(directives.get('default-src')).toEqual(["'self'"])
  expect(directives.get('script-src')).toEqual(["'self'"])
  expect(directives.get('object-src')).toEqual(["'none'"])
  expect(directives.get('base-uri')).toEqual(["'self'"])
  expect(directives.get('form-action')).toEqual(["'self'"])
  expect(directives.get('connect-src')).toEqual(["'self'"])
  expect(policy).not.toContain('unsafe-eval')
  expect(policy).not.toContain("'unsafe-inline'")
  expect(policy).not.toMatch(/https?:|\*|wss?:/)

  // Enforced, not just present: an injected inline script and code from a string are refused…
  const ran = await page.evaluate(async () => {
    const state = window as unknown as { inlineRan?: boolean; stringTimerRan?: boolean }
    const script = document.createElement('script')
    script.textContent = 'window.inlineRan = true'
    document.head.append(script)
    setTimeout('window.stringTimerRan = true', 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { inline: state.inlineRan === true, stringTimer: state.stringTimerRan === true }
  })
  expect(ran).toEqual({ inline: false, stringTimer: false })
  // …and reported, which is how the journey above would notice anything the policy blocks.
  await expect
    .poll(async () => (await cspViolations(page)).map((violation) => violation.directive).sort())
    .toEqual(['script-src', 'script-src-elem'])
})

test('the Confidentialité page is linked from every page’s footer and says the data stays in the browser', async ({
  page,
}) => {
  await page.goto('/')
  const footer = page.getByRole('contentinfo')
  await expect(footer).toContainText('Vos fiches restent dans ce navigateur')
  await footer.getByRole('link', { name: 'Confidentialité' }).click()
  await expect(page).toHaveURL(/\/confidentialite$/)
  await expect(page).toHaveTitle('Confidentialité — Fiche Projet Data')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
  await expect(main).toContainText('Vos fiches restent dans ce navigateur, sur cet appareil')
  await expect(main).toContainText('elles ne sont envoyées à aucun serveur')
  await expect(main).toContainText('pas de mesure d’audience')
  await expect(main.getByRole('heading', { level: 2 })).toHaveCount(4)

  // Reachable directly too (a history route served by the app shell), and from the editor's footer.
  await page.goto('/confidentialite')
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
  await page.getByRole('link', { name: 'Retour à mes fiches' }).click()
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByLabel('Titre du projet')).toBeFocused()
  await page.getByRole('contentinfo').getByRole('link', { name: 'Confidentialité' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible()
})
