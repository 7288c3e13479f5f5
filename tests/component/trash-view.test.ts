// « Corbeille »: what it lists of each deleted sheet, restoring one or several (never over a sheet that came back
// with the same id), emptying it after a confirmation, and where the keyboard lands after each of these.
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet, type Sheet } from '@/domain/sheet'
import TrashView from '@/views/TrashView.vue'
import { useNotificationsStore } from '@/stores/notifications'
import { useMemoryStorage } from '../support/storage-double'
import { mountWithI18n } from '../support/mount-helpers'

vi.mock('@/storage', () => import('../support/storage-double'))

const NOW = new Date('2026-12-05T09:00:00Z')

function sheet(title: string, changes: Partial<Sheet> = {}): Sheet {
  return { ...createSheet({ title, now: new Date('2026-11-20T08:00:00Z') }), ...changes }
}

/** The library holds `library`; the trash holds each of `deleted` with its deletion date. */
async function mountTrash(deleted: [Sheet, string][], library: Sheet[] = []) {
  const memory = useMemoryStorage(library)
  for (const [sheet, deletedAt] of deleted) memory.trash.set(sheet.id, { id: sheet.id, deletedAt, sheet, revision: 1 })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'library', component: { render: () => null } },
      { path: '/corbeille', name: 'trash', component: TrashView },
    ],
  })
  await router.push('/corbeille')
  const wrapper = mountWithI18n(TrashView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, memory, notifications: useNotificationsStore() }
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('li[data-trash-id]')
const rowTitles = (wrapper: VueWrapper) => rows(wrapper).map((row) => row.get('h2').text())
const button = (wrapper: VueWrapper, name: string) =>
  wrapper.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name)
const messages = (notifications: ReturnType<typeof useNotificationsStore>) =>
  notifications.notifications.map((notice) => notice.message)

describe('TrashView', () => {
  let mounted: VueWrapper | undefined
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  })
  afterEach(() => {
    mounted?.unmount()
    mounted = undefined
    vi.useRealTimers()
  })

  it('lists deleted sheets newest deletion first, with the day each was deleted and the day it goes for good', async () => {
    const { wrapper } = await mountTrash([
      [sheet('Mobilité rurale', { organisation: 'Commune de Cozzano' }), '2026-12-01T10:00:00Z'],
      [sheet('Bennes à verre', { author: 'Camille Durand' }), '2026-12-04T10:00:00Z'],
      // Deleted more than 30 days ago: past the date the screen would promise, so it is not listed.
      [sheet('Ancienne'), '2026-10-01T10:00:00Z'],
    ])
    mounted = wrapper
    expect(wrapper.get('h1').text()).toBe('Corbeille')
    expect(rowTitles(wrapper)).toEqual(['Bennes à verre', 'Mobilité rurale'])
    const [first, second] = rows(wrapper)
    expect(first!.text()).toContain('Supprimée le 4 décembre 2026')
    expect(first!.text()).toContain('Supprimée définitivement le 3 janvier 2027')
    expect(first!.text()).toContain('Rédigée par Camille Durand')
    expect(first!.text()).toContain('Dernière modification le 20 novembre 2026')
    expect(second!.text()).toContain('Commune de Cozzano')
    expect(second!.text()).toContain('Supprimée le 1 décembre 2026')
    expect(second!.text()).toContain('Supprimée définitivement le 31 décembre 2026')
    expect(wrapper.get('[role="status"]').text()).toBe('2 fiches dans la corbeille')
    expect(wrapper.text()).toContain('restent ici 30 jours')
  })

  it('restores one sheet, says so, and puts the keyboard on the next row, then on the heading', async () => {
    const mobility = sheet('Mobilité rurale')
    const bins = sheet('Bennes à verre')
    const { wrapper, memory, notifications } = await mountTrash([
      [mobility, '2026-12-01T10:00:00Z'],
      [bins, '2026-12-04T10:00:00Z'],
    ])
    mounted = wrapper
    await button(wrapper, 'Restaurer « Bennes à verre »')!.trigger('click')
    await flushPromises()
    expect(memory.sheets.get(bins.id)).toEqual(bins)
    expect(rowTitles(wrapper)).toEqual(['Mobilité rurale'])
    expect(messages(notifications)).toEqual(['Fiche « Bennes à verre » restaurée.'])
    expect(document.activeElement).toBe(button(wrapper, 'Restaurer « Mobilité rurale »')!.element)

    await button(wrapper, 'Restaurer « Mobilité rurale »')!.trigger('click')
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('La corbeille est vide')
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })

  it('restores a selection, but never over a sheet back in the library with the same id, and then keeps both', async () => {
    const mobility = sheet('Mobilité rurale')
    const bins = sheet('Bennes à verre')
    const imported = { ...bins, organisation: 'Version importée' }
    const { wrapper, memory, notifications } = await mountTrash(
      [
        [mobility, '2026-12-01T10:00:00Z'],
        [bins, '2026-12-04T10:00:00Z'],
      ],
      [imported],
    )
    mounted = wrapper
    await button(wrapper, 'Tout sélectionner')!.trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(button(wrapper, 'Tout désélectionner')!.element)
    await button(wrapper, 'Restaurer la sélection (2)')!.trigger('click')
    await flushPromises()

    expect(memory.sheets.get(mobility.id)).toEqual(mobility)
    expect(memory.sheets.get(bins.id)).toEqual(imported)
    expect(rowTitles(wrapper)).toEqual(['Bennes à verre'])
    expect(rows(wrapper)[0]!.text()).toContain('Une fiche avec le même identifiant est revenue dans vos fiches')
    expect(messages(notifications)).toEqual([
      'Fiche « Mobilité rurale » restaurée.',
      expect.stringContaining('« Bennes à verre » a changé depuis sa suppression'),
    ])
    const keepBoth = button(wrapper, 'Garder les deux : restaurer « Bennes à verre » à côté de la fiche actuelle')!
    expect(keepBoth.text()).toBe('Garder les deux')
    expect(document.activeElement).toBe(keepBoth.element)

    await keepBoth.trigger('click')
    await flushPromises()
    const titles = [...memory.sheets.values()].map((stored) => stored.project.title).sort()
    expect(titles).toEqual(['Bennes à verre', 'Bennes à verre (restaurée)', 'Mobilité rurale'])
    expect(memory.sheets.get(bins.id)).toEqual(imported)
    expect(messages(notifications)).toContain('Fiche « Bennes à verre (restaurée) » restaurée.')
    expect(rows(wrapper)).toHaveLength(0)
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })

  it('empties the trash only once a dialog has said how many sheets go for good, and not when cancelled', async () => {
    const { wrapper, memory, notifications } = await mountTrash([
      [sheet('Mobilité rurale'), '2026-12-01T10:00:00Z'],
      [sheet('Bennes à verre'), '2026-12-04T10:00:00Z'],
    ])
    mounted = wrapper
    await button(wrapper, 'Vider la corbeille')!.trigger('click')
    await flushPromises()
    const dialog = wrapper.get('dialog')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    expect(dialog.attributes('aria-labelledby')).toBe(dialog.get('h2').attributes('id'))
    expect(dialog.get('h2').text()).toBe('Vider la corbeille ?')
    expect(dialog.text()).toContain('Les 2 fiches de la corbeille seront effacées définitivement')
    // The keyboard starts on the harmless choice.
    expect(document.activeElement?.textContent?.trim()).toBe('Annuler')

    await dialog.findAll('button').find((candidate) => candidate.text() === 'Annuler')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(memory.trash.size).toBe(2)
    expect(document.activeElement).toBe(button(wrapper, 'Vider la corbeille')!.element)

    await button(wrapper, 'Vider la corbeille')!.trigger('click')
    await flushPromises()
    await wrapper.get('dialog form').trigger('submit')
    await flushPromises()
    expect(memory.trash.size).toBe(0)
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('La corbeille est vide')
    expect(messages(notifications)).toEqual(['Corbeille vidée : 2 fiches effacées définitivement.'])
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })
})
