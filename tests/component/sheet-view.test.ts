import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet } from '@/domain/sheet'
import SheetView from '@/views/SheetView.vue'
import { useMemoryStorage } from '../support/storage-double'
import { mountWithI18n } from '../support/mount-helpers'

vi.mock('@/storage', () => import('../support/storage-double'))
// Downloads are recorded, not started: happy-dom has no download.
vi.mock('@/services/download', () => ({ downloadText: vi.fn(), downloadBlob: vi.fn() }))

let wrapper: VueWrapper | undefined

async function openEditor(customise?: (sheet: ReturnType<typeof createSheet>) => void) {
  const stored = createSheet({ title: 'Mobilité rurale', organisation: 'Département du Gers' })
  customise?.(stored)
  const memory = useMemoryStorage([stored])
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/fiches/:id', name: 'sheet', component: SheetView, props: true },
    ],
  })
  await router.push(`/fiches/${stored.id}`)
  wrapper = mountWithI18n(SheetView, {
    props: { id: stored.id },
    attachTo: document.body,
    global: { plugins: [router], stubs: { RadarChart: true } },
  })
  await flushPromises()
  return { wrapper, memory, id: stored.id }
}

function field(label: string) {
  const labelElement = wrapper!.findAll('label').find((candidate) => candidate.text().replace(' *', '') === label)
  if (!labelElement) throw new Error(`No field labelled ${label}`)
  return wrapper!.get(`#${labelElement.attributes('for')}`)
}

function button(text: string) {
  const found = wrapper!.findAll('button').find((candidate) => candidate.text().includes(text))
  if (!found) throw new Error(`No button ${text}`)
  return found
}

function scoreGroup(legend: string) {
  const found = wrapper!.findAll('fieldset').find((fieldset) => fieldset.find('legend').exists() && fieldset.get('legend').text().replace(/\s+/g, ' ') === legend)
  if (!found) throw new Error(`No score group ${legend}`)
  return found
}

async function waitForAutosave() {
  await vi.advanceTimersByTimeAsync(600)
  await flushPromises()
}

afterEach(() => {
  localStorage.removeItem('fiche-projet-data:exports-sans-noms')
  wrapper?.unmount()
  vi.useRealTimers()
})

describe('SheetView', () => {
  it('prints without people’s names when « Sans les noms des personnes » is ticked, and remembers it', async () => {
    localStorage.removeItem('fiche-projet-data:exports-sans-noms')
    const { wrapper } = await openEditor((sheet) => {
      sheet.author = 'Camille Martin'
      sheet.project.stakeholders = [{ name: 'Jeanne Roux', organisation: 'Gers numérique', role: 'partenaire', internal: false }]
    })
    const print = () => wrapper.get('.print-only').text()
    expect(print()).toContain('Camille Martin')
    expect(print()).toContain('Jeanne Roux')
    const toggle = wrapper.findAll('label').find((label) => label.text() === 'Sans les noms des personnes')!
    await toggle.get('input').setValue(true)
    expect(print()).not.toContain('Camille Martin')
    expect(print()).not.toContain('Jeanne Roux')
    expect(print()).toContain('Auteur ou autrice (nom retiré)')
    expect(print()).toContain('Gers numérique')
    // Said plainly next to the option, and kept on this device.
    expect(toggle.get('input').attributes('aria-describedby')).toBeTruthy()
    expect(wrapper.text()).toContain('Les textes libres restent tels quels : relisez-les.')
    expect(localStorage.getItem('fiche-projet-data:exports-sans-noms')).toBe('oui')
  })

  it('shows the sheet in the sections of the workshop guide', async () => {
    const { wrapper } = await openEditor()
    expect(wrapper.get('h1').text()).toBe('Mobilité rurale')
    expect(wrapper.findAll('.sheet__sections h2').map((heading) => heading.text())).toEqual([
      'Informations générales',
      'Le projet',
      'Les données',
      'Enjeux juridiques et éthiques',
      'Radar des enjeux Data',
      'Décision',
    ])
    expect((field('Collectivité porteuse').element as HTMLInputElement).value).toBe('Département du Gers')
  })

  it('saves an edit automatically after a short pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { memory, id } = await openEditor()
    await field('Rédigée par').setValue('Service SIG')
    expect(memory.sheets.get(id)?.author).toBe('')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.author).toBe('Service SIG')
  })

  it('explains a blank title in French, keeps it as a draft and stores the rest of the sheet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    const title = field('Titre du projet')
    await title.setValue('   ')
    expect(title.attributes('aria-invalid')).toBe('true')
    const errorId = title.attributes('aria-describedby')!
    expect(wrapper.get(`#${errorId}`).text()).toBe(
      'Ce champ est obligatoire. Non enregistré dans la fiche tant que ce n’est pas corrigé.',
    )
    await field('Rédigée par').setValue('Service SIG')
    await waitForAutosave()
    // The stored sheet takes the valid edit and keeps the title's last valid value; the draft keeps the typing.
    expect(memory.sheets.get(id)?.project.title).toBe('Mobilité rurale')
    expect(memory.sheets.get(id)?.author).toBe('Service SIG')
    expect(memory.drafts.get(id)?.content.project.title).toBe('   ')
    expect(wrapper.text()).toContain('Enregistré, sauf 1 champ à corriger')

    await title.setValue('Mobilité rurale à la demande')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.project.title).toBe('Mobilité rurale à la demande')
    expect(memory.drafts.has(id)).toBe(false)
  })

  it('does not call a row just added an error, and saves the rest of the sheet meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    await button('Ajouter un objectif').trigger('click')
    expect(wrapper.findAll('[aria-invalid="true"]')).toHaveLength(0)
    await field('Titre du projet').setValue('Transport à la demande')
    const group = scoreGroup('Cybersécurité — Difficulté pour le prototype')
    await group.findAll('input[type="radio"]')[3]!.setValue(true)
    await waitForAutosave()
    const stored = memory.sheets.get(id)!
    expect(stored.project.title).toBe('Transport à la demande')
    expect(stored.radar.cybersecurite.prototype).toBe(3)
    expect(stored.project.objectives).toEqual([])
    // The empty row is not lost either: the draft holds it, to come back on reopening.
    expect(memory.drafts.get(id)?.content.project.objectives).toEqual([''])
    expect(wrapper.text()).not.toContain('à corriger')
  })

  it('says an empty row is required once the person has moved on from it, and still saves the rest', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    await button('Ajouter un objectif').trigger('click')
    await vi.advanceTimersByTimeAsync(0)
    ;(field('Titre du projet').element as HTMLInputElement).focus()
    await vi.advanceTimersByTimeAsync(0)
    const objective = field('Objectif 1')
    expect(objective.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${objective.attributes('aria-describedby')}`).text()).toContain('Ce champ est obligatoire.')
    await field('Rédigée par').setValue('Camille')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.author).toBe('Camille')
    expect(memory.sheets.get(id)?.project.objectives).toEqual([])
  })

  it('flags a calendar that ends before it starts', async () => {
    const { wrapper } = await openEditor()
    await field('Début').setValue('2026-09-01')
    await field('Fin').setValue('2026-03-01')
    expect(wrapper.text()).toContain('La fin doit être le même jour ou après le début.')
  })

  it('flags a budget line with a negative amount and no label', async () => {
    const { wrapper } = await openEditor()
    await button('Ajouter un poste').trigger('click')
    await field('Montant (€)').setValue('-20')
    const errors = wrapper.findAll('.field__error').map((error) => error.text())
    expect(errors.some((error) => error.startsWith('Ce champ est obligatoire.'))).toBe(true)
    expect(errors.some((error) => error.startsWith('Le montant doit être positif ou nul.'))).toBe(true)
  })

  it('updates the indicators when a score is chosen', async () => {
    const { wrapper } = await openEditor()
    const group = scoreGroup('RGPD — Frein au passage à l’échelle')
    await group.findAll('input[type="radio"]')[4]!.setValue(true)
    expect(wrapper.text()).toContain('0 %')
    expect(wrapper.text()).toMatch(/Points bloquants\s*RGPD/)
  })

  it('says in French when the storage is full, keeps the edit on screen and saves it once there is room', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    const realSave = memory.repository.save
    memory.repository.save = async () => {
      throw Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    }
    await field('Rédigée par').setValue('Service SIG')
    await waitForAutosave()
    expect(wrapper.text()).toContain('L’espace de stockage du navigateur est plein')
    expect((field('Rédigée par').element as HTMLInputElement).value).toBe('Service SIG')

    memory.repository.save = realSave
    await field('Rédigée par').setValue('Service SIG et cartographie')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.author).toBe('Service SIG et cartographie')
  })

  it('tries again by itself when the storage was full: once there is room, the edit is stored without a new key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    const realSave = memory.repository.save
    let full = true
    memory.repository.save = async (...args) => {
      if (full) throw Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
      return realSave(...args)
    }
    await field('Rédigée par').setValue('Service SIG')
    await waitForAutosave()
    expect(wrapper.text()).toContain('L’espace de stockage du navigateur est plein')
    // Room comes back (a download deleted, another site's data cleared): nobody types.
    full = false
    await vi.advanceTimersByTimeAsync(31_000)
    await vi.waitFor(() => expect(memory.sheets.get(id)?.author).toBe('Service SIG'))
    expect(wrapper.text()).not.toContain('L’espace de stockage du navigateur est plein')
  })

  it('exports what is on screen when the storage is full, and warns before the tab is closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { memory } = await openEditor()
    memory.repository.save = async () => {
      throw Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    }
    await field('Rédigée par').setValue('Service SIG')
    await waitForAutosave()
    expect(wrapper!.text()).toContain('L’espace de stockage du navigateur est plein')

    // Leaving now would lose the edit: the browser is asked to warn.
    const leaving = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(leaving)
    expect(leaving.defaultPrevented).toBe(true)

    // « Exporter la fiche (JSON) » writes the edit on screen, not the stored version without it.
    const { downloadText } = await import('@/services/download')
    const written: string[] = []
    vi.mocked(downloadText).mockImplementation((_name, text) => void written.push(text))
    await button('Exporter la fiche (JSON)').trigger('click')
    await vi.waitFor(() => expect(written).toHaveLength(1))
    expect(JSON.parse(written[0]!).sheets[0].author).toBe('Service SIG')
  })

  it('lets the tab close without a warning once everything is saved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await openEditor()
    await field('Rédigée par').setValue('Service SIG')
    await waitForAutosave()
    const leaving = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(leaving)
    expect(leaving.defaultPrevented).toBe(false)
  })

  it('says « Importée le … » for a sheet as it came from a file, until it is edited here', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const imported = createSheet({ title: 'Fiche importée', now: new Date('2026-01-15T10:00:00Z') })
    const memory = useMemoryStorage([])
    await memory.repository.importSheets([imported])
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/fiches/:id', name: 'sheet', component: SheetView, props: true }],
    })
    await router.push(`/fiches/${imported.id}`)
    wrapper = mountWithI18n(SheetView, {
      props: { id: imported.id },
      attachTo: document.body,
      global: { plugins: [router], stubs: { RadarChart: true } },
    })
    await flushPromises()
    const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date())
    expect(wrapper.get('.save-status').text()).toContain(`Importée le ${today}`)
    expect(wrapper.text()).not.toContain('Enregistré il y a')
    await field('Rédigée par').setValue('Camille')
    await waitForAutosave()
    expect(wrapper.get('.save-status').text()).toMatch(/^Enregistré/)
    expect(wrapper.get('.save-status').text()).not.toContain('Importée')
  })
})

describe('the work a keystroke costs', () => {
  it('validates the sheet once per keystroke: the print view and the exports compute what is savable when they need it', async () => {
    const { sheetSchema } = await import('@/domain/sheet')
    const { wrapper } = await openEditor()
    const parse = vi.spyOn(sheetSchema, 'safeParse')
    try {
      const description = field('Description')
      for (const text of ['U', 'Un', 'Un o', 'Un ob']) {
        await description.setValue(text)
        await flushPromises()
      }
      // Four keystrokes, before the autosave runs (half a second later): one parse each, for the fields' messages
      // (two each before the print view stopped recomputing the savable sheet as the person typed).
      expect(parse).toHaveBeenCalledTimes(4)
      // The paper version catches up as printing starts, before the browser lays it out.
      expect(wrapper.get('.print-only').text()).not.toContain('Un ob')
      window.dispatchEvent(new Event('beforeprint'))
      await flushPromises()
      expect(wrapper.get('.print-only').text()).toContain('Un ob')
    } finally {
      parse.mockRestore()
    }
  })
})
