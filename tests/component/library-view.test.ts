import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet, type Sheet } from '@/domain/sheet'
import LibraryView from '@/views/LibraryView.vue'
import { useMemoryStorage } from '../support/storage-double'
import { mountWithI18n } from '../support/mount-helpers'

vi.mock('@/storage', () => import('../support/storage-double'))

function sheet(title: string, changes: Partial<Sheet> = {}, minutesAgo = 0): Sheet {
  return {
    ...createSheet({ title, now: new Date(Date.now() - minutesAgo * 60_000) }),
    ...changes,
  }
}

async function mountLibrary(sheets: Sheet[], onPurge?: (olderThan: Date) => void, { attach = false } = {}) {
  const { repository } = useMemoryStorage(sheets)
  if (onPurge) repository.purgeTrash = async (olderThan) => (onPurge(olderThan), 0)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'library', component: LibraryView },
      { path: '/fiches/:id', name: 'sheet', component: { render: () => null } },
      { path: '/corbeille', name: 'trash', component: { render: () => null } },
    ],
  })
  await router.push('/')
  const wrapper = mountWithI18n(LibraryView, { global: { plugins: [router] }, ...(attach && { attachTo: document.body }) })
  await flushPromises()
  return { wrapper, router }
}

const titles = (wrapper: Awaited<ReturnType<typeof mountLibrary>>['wrapper']) =>
  wrapper.findAll('article h2').map((heading) => heading.text())

describe('LibraryView', () => {
  beforeEach(() => localStorage.clear())

  it('invites to create the first sheet when the library is empty', async () => {
    const { wrapper, router } = await mountLibrary([])
    expect(wrapper.get('h2').text()).toBe('Aucune fiche pour l’instant')
    await wrapper.get('button.button--primary').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('sheet')
  })

  it('lists sheets most recently updated first, with organisation, phase and radar completeness', async () => {
    const older = sheet('Éclairage public', { organisation: 'Commune de Cozzano' }, 60)
    const newer = sheet('Mobilité rurale', { phase: 'prototype', author: 'Camille Durand' }, 1)
    newer.radar.rgpd.scaleUp = 4
    newer.radar.datamining.prototype = 3
    newer.radar.datamining.scaleUp = 0
    const { wrapper } = await mountLibrary([older, newer])
    expect(titles(wrapper)).toEqual(['Mobilité rurale', 'Éclairage public'])
    const [first, second] = wrapper.findAll('article')
    expect(first!.text()).toContain('Prototype')
    expect(first!.text()).toContain('3/20 notes')
    // Counts carry their unit, and a figure from part of the radar says how much of it.
    expect(first!.text()).toContain('1 thème difficile, sur 1 thème évalué')
    expect(first!.text()).toMatch(/Passage à l’échelle : 25\s% — faible, sur 2 thèmes évalués/)
    expect(first!.text()).toContain('Rédigée par Camille Durand')
    expect(second!.text()).toContain('Commune de Cozzano')
    // Nothing scored: « non évalué » for both, never « 0 ».
    expect(second!.text()).toContain('Difficultés à surmonter (prototype) : non évalué')
    expect(second!.text()).toContain('Passage à l’échelle : non évalué')
    expect(second!.text()).not.toContain('Rédigée par')
    expect(wrapper.text()).toContain('2 fiches')
  })

  it('searches titles, organisations and tags, ignoring accents and case', async () => {
    const { wrapper } = await mountLibrary([
      sheet('Mobilité rurale'),
      sheet('Cantines scolaires', { organisation: 'Département du Gers' }),
      sheet('Bennes à verre', { tags: ['atelier CTD'] }),
    ])
    const search = wrapper.get('input[type="search"]')
    await search.setValue('MOBILITE')
    expect(titles(wrapper)).toEqual(['Mobilité rurale'])
    await search.setValue('gers')
    expect(titles(wrapper)).toEqual(['Cantines scolaires'])
    await search.setValue('ctd')
    expect(titles(wrapper)).toEqual(['Bennes à verre'])
    expect(wrapper.text()).toContain('1 fiche sur 3')
  })

  it('sorts by title and filters by phase and tag, and says when nothing matches', async () => {
    const { wrapper } = await mountLibrary([
      sheet('Zones humides', { phase: 'prototype', tags: ['eau'] }),
      sheet('Arrosage', { phase: 'idee', tags: ['eau'] }),
      sheet('Mobilité', { phase: 'prototype' }),
    ])
    await wrapper.get('#library-sort').setValue('title')
    expect(titles(wrapper)).toEqual(['Arrosage', 'Mobilité', 'Zones humides'])
    await wrapper.get('#library-phase').setValue('prototype')
    expect(titles(wrapper)).toEqual(['Mobilité', 'Zones humides'])
    await wrapper.get('#library-tag').setValue('eau')
    expect(titles(wrapper)).toEqual(['Zones humides'])
    await wrapper.get('#library-phase').setValue('abandonne')
    expect(wrapper.text()).toContain('Aucune fiche ne correspond à votre recherche.')
    const clear = wrapper.findAll('button').find((button) => button.text() === 'Effacer les filtres')!
    await clear.trigger('click')
    expect(titles(wrapper)).toHaveLength(3)
  })

  it('deletes a sheet and brings it back with "Annuler"', async () => {
    const { wrapper } = await mountLibrary([sheet('Mobilité rurale'), sheet('Bennes à verre')])
    await wrapper.get('button[aria-label="Supprimer « Bennes à verre »"]').trigger('click')
    await flushPromises()
    expect(titles(wrapper)).toEqual(['Mobilité rurale'])
    const { useNotificationsStore } = await import('@/stores/notifications')
    const notifications = useNotificationsStore()
    const notice = notifications.notifications.at(-1)!
    expect(notice.message).toBe('Fiche « Bennes à verre » supprimée.')
    await notifications.runAction(notice.id)
    await flushPromises()
    expect(titles(wrapper)).toHaveLength(2)
  })

  it('keeps the keyboard on the cards: the next one after a deletion, the one brought back by "Annuler"', async () => {
    const { wrapper } = await mountLibrary([sheet('Mobilité rurale', {}, 3), sheet('Bennes à verre', {}, 2), sheet('Cantines', {}, 1)], undefined, {
      attach: true,
    })
    expect(titles(wrapper)).toEqual(['Cantines', 'Bennes à verre', 'Mobilité rurale'])
    const focused = () => document.activeElement?.closest('article')?.querySelector('h2')?.textContent
    await wrapper.get('button[aria-label="Supprimer « Bennes à verre »"]').trigger('click')
    await flushPromises()
    expect(focused()).toBe('Mobilité rurale')
    expect(document.activeElement?.tagName).toBe('A')
    // The last card: the one before takes the keyboard.
    await wrapper.get('button[aria-label="Supprimer « Mobilité rurale »"]').trigger('click')
    await flushPromises()
    expect(focused()).toBe('Cantines')

    const { useNotificationsStore } = await import('@/stores/notifications')
    const notifications = useNotificationsStore()
    await notifications.runAction(notifications.notifications.find((notice) => notice.message.includes('Bennes'))!.id)
    await flushPromises()
    expect(focused()).toBe('Bennes à verre')
    // The only card left, deleted: the page's heading.
    await wrapper.get('button[aria-label="Supprimer « Cantines »"]').trigger('click')
    await wrapper.get('button[aria-label="Supprimer « Bennes à verre »"]').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('h1').element)
    wrapper.unmount()
  })

  it('moves the keyboard to the selection’s first action after "Tout sélectionner", and back after "Tout désélectionner"', async () => {
    const { wrapper } = await mountLibrary([sheet('Mobilité rurale'), sheet('Bennes à verre')], undefined, { attach: true })
    const find = (text: string) => wrapper.findAll('button').find((candidate) => candidate.text() === text)
    await find('Tout sélectionner (2 fiches)')!.trigger('click')
    await flushPromises()
    expect(find('Tout sélectionner (2 fiches)')).toBeUndefined()
    expect(document.activeElement).toBe(find('Exporter la sélection (2)')!.element)
    await find('Tout désélectionner')!.trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(find('Tout sélectionner (2 fiches)')!.element)
    wrapper.unmount()
  })

  it('never lets "Annuler" overwrite a sheet imported since its deletion, and offers to keep both', async () => {
    const deleted = sheet('Bennes à verre')
    const { wrapper } = await mountLibrary([sheet('Mobilité rurale'), deleted])
    const { repository } = await import('../support/storage-double').then((module) => ({ repository: module.sheetsRepository() }))
    await wrapper.get('button[aria-label="Supprimer « Bennes à verre »"]').trigger('click')
    await flushPromises()
    // A newer copy of the same sheet arrives (an import) before the person presses « Annuler ».
    await repository.importSheets([{ ...deleted, organisation: 'Version importée' }])
    const { useNotificationsStore } = await import('@/stores/notifications')
    const notifications = useNotificationsStore()
    await notifications.runAction(notifications.notifications.at(-1)!.id)
    await flushPromises()
    expect((await repository.get(deleted.id))?.organisation).toBe('Version importée')
    const notice = notifications.notifications.at(-1)!
    expect(notice.message).toContain('« Bennes à verre » a changé depuis sa suppression')
    expect(notice.action?.label).toBe('Garder les deux')
    await notifications.runAction(notice.id)
    await flushPromises()
    expect(titles(wrapper).sort()).toEqual(['Bennes à verre', 'Bennes à verre (restaurée)', 'Mobilité rurale'])
  })

  it('shows imported text without its direction overrides, so a title cannot pass for another', async () => {
    const { wrapper } = await mountLibrary([sheet('Budget \u202Efdp.exe\u202C', { organisation: '\u202Eelliv' })])
    const card = wrapper.get('article')
    expect(card.get('h2').text()).toBe('Budget fdp.exe')
    expect(card.text()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(card.get('h2 a').attributes('dir')).toBe('auto')
  })

  it('empties the trash of sheets deleted more than 30 days ago when the library opens', async () => {
    const purge = vi.fn()
    await mountLibrary([], purge)
    expect(purge).toHaveBeenCalledOnce()
    const days = (Date.now() - (purge.mock.calls[0]![0] as Date).getTime()) / 86_400_000
    expect(Math.round(days)).toBe(30)
  })
})

describe('LibraryView with many sheets', () => {
  it('renders 50 cards at a time and shows more on request', async () => {
    const sheets = Array.from({ length: 120 }, (_, index) => sheet(`Fiche ${index + 1}`, {}, index))
    const { wrapper } = await mountLibrary(sheets)
    expect(wrapper.findAll('article')).toHaveLength(50)
    const more = wrapper.findAll('button').find((button) => button.text().startsWith('Afficher 50 fiches de plus'))!
    expect(more.text()).toBe('Afficher 50 fiches de plus (70 restantes)')
    await more.trigger('click')
    expect(wrapper.findAll('article')).toHaveLength(100)
    await wrapper.get('input[type="search"]').setValue('fiche 11')
    expect(titles(wrapper)).toEqual(['Fiche 11', ...Array.from({ length: 10 }, (_, i) => `Fiche ${110 + i}`)])
  })
})

describe('LibraryView backup reminder', () => {
  beforeEach(() => localStorage.clear())

  it('suggests exporting the library when week-old changes were never saved to a file', async () => {
    const { wrapper } = await mountLibrary([sheet('Ancienne fiche', {}, 10 * 24 * 60)])
    expect(wrapper.text()).toContain('modifiées il y a plus de 7 jours sans avoir été sauvegardées')
    const later = wrapper.findAll('button').find((button) => button.text() === 'Plus tard')!
    await later.trigger('click')
    expect(wrapper.text()).not.toContain('sans avoir été sauvegardées')
  })

  it('counts sheets imported from files as saved, however old they are', async () => {
    const { wrapper } = await mountLibrary([])
    const { sheetsRepository } = await import('../support/storage-double')
    // A workshop's files: sheets last updated weeks ago on the participants' machines.
    await sheetsRepository().importSheets([sheet('Fiche du participant 1', {}, 40 * 24 * 60), sheet('Fiche du participant 2', {}, 20 * 24 * 60)])
    const { useLibraryStore } = await import('@/stores/library')
    await useLibraryStore().load()
    await flushPromises()
    expect(titles(wrapper)).toHaveLength(2)
    expect(wrapper.text()).not.toContain('sans avoir été sauvegardées')
  })

  it('stays quiet after a full export, and for recent changes', async () => {
    localStorage.setItem('fiche-projet-data:last-backup', new Date().toISOString())
    const { wrapper } = await mountLibrary([sheet('Ancienne fiche', {}, 10 * 24 * 60)])
    expect(wrapper.text()).not.toContain('sans avoir été sauvegardées')
    localStorage.clear()
    const recent = await mountLibrary([sheet('Récente', {}, 60)])
    expect(recent.wrapper.text()).not.toContain('sans avoir été sauvegardées')
  })
})
