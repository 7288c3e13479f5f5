import { gzipSync } from 'node:zlib'
import { expect, test, type Page } from '@playwright/test'

/** Records the JS and CSS a page loads, with their gzipped sizes. */
function recordAssets(page: Page) {
  const assets: { url: string; gzipped: number }[] = []
  page.on('response', async (response) => {
    const url = response.url()
    if (!/\.(js|css)$/.test(new URL(url).pathname)) return
    const body = await response.body()
    assets.push({ url, gzipped: gzipSync(body, { level: 9 }).length })
  })
  return assets
}

const kilobytes = (assets: { gzipped: number }[]) => assets.reduce((total, asset) => total + asset.gzipped, 0) / 1024

test('the library page stays under 100 KB of gzipped JS and CSS and loads no Chart.js', async ({ page }, testInfo) => {
  const assets = recordAssets(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Aucune fiche pour l’instant' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const home = kilobytes(assets)
  testInfo.annotations.push({ type: 'home page JS+CSS (gzip)', description: `${home.toFixed(1)} KB` })
  console.log(`Home page: ${home.toFixed(1)} KB of JS+CSS gzipped in ${assets.length} files`)
  expect(home).toBeLessThanOrEqual(100)
  for (const asset of assets) {
    const text = await (await page.request.get(asset.url)).text()
    expect(text, asset.url).not.toContain('RadialLinearScale')
  }

  const before = assets.length
  await page.getByRole('button', { name: 'Créer ma première fiche' }).click()
  await expect(page.getByRole('heading', { name: 'Synthèse du radar' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const sheet = kilobytes(assets)
  console.log(`Sheet page: ${sheet.toFixed(1)} KB of JS+CSS gzipped in total (${assets.length - before} more files)`)
})
