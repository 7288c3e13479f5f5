// The sheet's page says a question about it waits on a shared workshop's page, and links there.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createSheet } from '@/domain/sheet'
import { newWorkshop } from '@/domain/workshop'
import ServerConflictNotice from '@/components/sheet/ServerConflictNotice.vue'
import { useWorkshopSharingStore, type SyncConflictRecord } from '@/stores/workshop-sharing'
import { mountWithI18n } from '../support/mount-helpers'
import { useMemoryWorkshops } from '../support/storage-double'

vi.mock('@/storage', () => import('../support/storage-double'))

async function mountNotice() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/ateliers/:id', name: 'workshop', component: { render: () => null } },
    ],
  })
  const mine = createSheet({ title: 'Cantines bio', organisation: 'Ville de Lyon' })
  const workshop = newWorkshop({ title: 'Parcours data — Lyon', date: null, place: '', facilitator: '' }, [mine.id])
  useMemoryWorkshops([workshop])
  const wrapper = mountWithI18n(ServerConflictNotice, { props: { sheetId: mine.id }, global: { plugins: [router] } })
  await flushPromises()
  const theirs = { ...structuredClone(mine), author: 'Sam' }
  const conflict: SyncConflictRecord = { workshopId: workshop.id, sheetId: mine.id, mine, theirs, theirsRev: '3-a', fields: ['author'], detectedAt: '2026-12-06T10:00:00.000Z' }
  return { wrapper, sharing: useWorkshopSharingStore(), workshop, conflict }
}

const state = (conflicts: SyncConflictRecord[]) => ({ status: { kind: 'upToDate' as const }, conflicts, keptDeletedThere: [], voteCopies: [] })

describe('the notice of a question waiting on the server', () => {
  it('says nothing while no question is about this sheet', async () => {
    const { wrapper, sharing, workshop, conflict } = await mountNotice()
    sharing.workshops = { [workshop.id]: state([{ ...conflict, sheetId: crypto.randomUUID() }]) }
    await flushPromises()
    expect(wrapper.text()).toBe('')
  })

  it('names the fields changed on both sides and links to the question on the workshop’s page, then goes once answered', async () => {
    const { wrapper, sharing, workshop, conflict } = await mountNotice()
    sharing.workshops = { [workshop.id]: state([conflict]) }
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('Cette fiche a aussi été modifiée sur le serveur, dans les mêmes champs que dans ce navigateur')
    expect(wrapper.text()).toContain(': l’auteur.')
    const link = wrapper.get('a')
    expect(link.text()).toBe('Choisir sur la page de l’atelier « Parcours data — Lyon »')
    expect(link.attributes('href')).toBe(`/ateliers/${workshop.id}#conflits-serveur`)

    sharing.workshops = { [workshop.id]: state([]) }
    await flushPromises()
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
  })

  it('says when the two versions met on the server itself', async () => {
    const { wrapper, sharing, workshop, conflict } = await mountNotice()
    sharing.workshops = { [workshop.id]: state([{ ...conflict, losingRev: '3-b' }]) }
    await flushPromises()
    expect(wrapper.text()).toContain('Le serveur garde deux versions de cette fiche, modifiées en même temps')
  })
})
