import { expect, test } from '@playwright/test'

interface ManifestIcon {
  src: string
  sizes: string
  type?: string
  purpose?: string
}

interface WebManifest {
  name: string
  short_name: string
  description: string
  lang: string
  start_url: string
  scope: string
  display: string
  theme_color: string
  background_color: string
  icons: ManifestIcon[]
  file_handlers: { action: string; accept: Record<string, string[]> }[]
}

test('the built page links a French, installable manifest whose icons load', async ({ page }) => {
  await page.goto('/')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBeTruthy()
  const manifestUrl = new URL(href!, page.url()).href
  const response = await page.request.get(manifestUrl)
  expect(response.status()).toBe(200)
  const manifest = (await response.json()) as WebManifest

  expect(manifest.name).toBe('Fiche Projet Data')
  expect(manifest.short_name).toBe('Fiche Data')
  expect(manifest.lang).toBe('fr')
  expect(manifest.description).toContain('projet data')
  expect(manifest.display).toBe('standalone')
  expect(manifest.start_url).toBe('/')
  expect(manifest.scope).toBe('/')
  expect(manifest.theme_color).toBe('#1d4f91')
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)

  const png = (sizes: string, purpose: string) =>
    manifest.icons.find(
      (icon) => icon.sizes === sizes && icon.type === 'image/png' && (icon.purpose ?? 'any').split(' ').includes(purpose),
    )
  const wanted = [png('192x192', 'any'), png('512x512', 'any'), png('512x512', 'maskable')]
  for (const icon of wanted) {
    expect(icon, JSON.stringify(manifest.icons)).toBeDefined()
    const image = await page.request.get(new URL(icon!.src, manifestUrl).href)
    expect(image.status(), icon!.src).toBe(200)
    expect(image.headers()['content-type'], icon!.src).toContain('image/png')
    // The pixel size written in the PNG header matches the size the manifest announces.
    const body = await image.body()
    const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)]
    expect(`${width}x${height}`, icon!.src).toBe(icon!.sizes)
  }

  const accepted = manifest.file_handlers.flatMap((handler) => Object.values(handler.accept).flat())
  expect(accepted).toEqual(expect.arrayContaining(['.json', '.png']))
  expect(manifest.file_handlers[0]?.accept['application/json']).toContain('.json')
  expect(manifest.file_handlers[0]?.accept['image/png']).toContain('.png')
})
