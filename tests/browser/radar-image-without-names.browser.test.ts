// « Sans les noms des personnes » on the radar image: the sheet it carries (to be imported back) names no one, in
// Chromium, through the same composable as the editor's and the library's buttons.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, defineComponent } from 'vue'
import { createSheet } from '@/domain/sheet'
import { readTextChunk } from '@/domain/png-chunk'
import { useRadarImage } from '@/composables/useRadarImage'
import { createTestI18n } from '../i18n'

const PREFERENCE = 'fiche-projet-data:exports-sans-noms'

afterEach(() => localStorage.removeItem(PREFERENCE))

/** The sheet the radar image of `sheet` carries, made as the buttons make it. */
async function carriedSheet(sheet: ReturnType<typeof createSheet>): Promise<string> {
  let render: ReturnType<typeof useRadarImage>['render'] | undefined
  const app = createApp(
    defineComponent({
      setup() {
        render = useRadarImage().render
        return () => null
      },
    }),
  )
  const pinia = createPinia()
  setActivePinia(pinia)
  app.use(createTestI18n()).use(pinia).mount(document.createElement('div'))
  try {
    const blob = await render!(sheet)
    const chunk = await readTextChunk(new Uint8Array(await blob.arrayBuffer()), 50 * 1024 * 1024)
    return chunk.kind === 'text' ? chunk.text : ''
  } finally {
    app.unmount()
  }
}

describe('the radar image « sans les noms des personnes »', () => {
  const sheet = createSheet({ title: 'Observatoire des loyers', author: 'Camille Martin' })
  sheet.project.stakeholders = [{ name: 'Jeanne Roux', organisation: 'DGFiP', role: 'fournisseur-donnees', internal: false }]

  it('carries the names when the option is off', async () => {
    const text = await carriedSheet(sheet)
    expect(text).toContain('Camille Martin')
    expect(text).toContain('Jeanne Roux')
  })

  it('carries no name when the option is on (chosen earlier on this device)', async () => {
    localStorage.setItem(PREFERENCE, 'oui')
    const text = await carriedSheet(sheet)
    expect(text).not.toContain('Camille Martin')
    expect(text).not.toContain('Jeanne Roux')
    expect(JSON.parse(text).sheets[0].author).toBe('Auteur ou autrice (nom retiré)')
    expect(JSON.parse(text).sheets[0].project.stakeholders[0]).toMatchObject({ name: 'Fournisseur de données', organisation: 'DGFiP' })
  })
})
