import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet } from '@/domain/sheet'
import { useRepositoryForTests } from '@/storage'
import SheetView from '@/views/SheetView.vue'
import { createMemoryRepository } from './memory-repository'
import { mountWithI18n } from './mount-helpers'

let wrapper: VueWrapper | undefined

async function openEditor() {
  const stored = createSheet({ title: 'Mobilité rurale', organisation: 'Département du Gers' })
  const memory = createMemoryRepository([stored])
  useRepositoryForTests(memory.repository)
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

async function waitForAutosave() {
  await vi.advanceTimersByTimeAsync(600)
  await flushPromises()
}

afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
})

describe('SheetView', () => {
  it('shows the sheet in the sections of the workshop guide', async () => {
    const { wrapper } = await openEditor()
    expect(wrapper.get('h1').text()).toBe('Mobilité rurale')
    expect(wrapper.findAll('.sheet__sections h2').map((heading) => heading.text())).toEqual([
      'Informations générales',
      'Le projet',
      'Les données',
      'Enjeux juridiques et éthiques',
      'Radar des enjeux Data',
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

  it('explains a blank title in French, keeps the edit as a draft and never writes the invalid sheet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { wrapper, memory, id } = await openEditor()
    const title = field('Titre du projet')
    await title.setValue('   ')
    expect(title.attributes('aria-invalid')).toBe('true')
    const errorId = title.attributes('aria-describedby')!
    expect(wrapper.get(`#${errorId}`).text()).toBe('Ce champ est obligatoire.')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.project.title).toBe('Mobilité rurale')
    expect(memory.drafts.get(id)?.content.project.title).toBe('   ')
    expect(wrapper.text()).toContain('1 erreur à corriger')

    await title.setValue('Mobilité rurale à la demande')
    await waitForAutosave()
    expect(memory.sheets.get(id)?.project.title).toBe('Mobilité rurale à la demande')
    expect(memory.drafts.has(id)).toBe(false)
  })

  it('flags a calendar that ends before it starts', async () => {
    const { wrapper } = await openEditor()
    await field('Début').setValue('2026-09-01')
    await field('Fin').setValue('2026-03-01')
    expect(wrapper.text()).toContain('La fin doit être le même jour ou après le début.')
  })

  it('flags a milestone without a label and a negative amount', async () => {
    const { wrapper } = await openEditor()
    await wrapper.findAll('button').find((button) => button.text().includes('Ajouter un jalon'))!.trigger('click')
    await wrapper.findAll('button').find((button) => button.text().includes('Ajouter un poste'))!.trigger('click')
    await field('Montant (€)').setValue('-20')
    const errors = wrapper.findAll('.field__error').map((error) => error.text())
    expect(errors).toContain('Ce champ est obligatoire.')
    expect(errors).toContain('Le montant doit être positif ou nul.')
  })

  it('updates the indicators when a score is chosen', async () => {
    const { wrapper } = await openEditor()
    const group = wrapper
      .findAll('fieldset')
      .find((fieldset) => fieldset.get('legend').text().replace(/\s+/g, ' ') === 'RGPD — Frein au passage à l’échelle')!
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
})
