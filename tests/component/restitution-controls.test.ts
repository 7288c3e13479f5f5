// The restitution's small controls as a facilitator uses them: the workshop form's messages, the timer's
// buttons and its « time is up » state (on a fake clock), the comparison table's sorting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createRouter, createMemoryHistory } from 'vue-router'
import { THEME_IDS, type RadarScores } from '@/domain/grid'
import WorkshopDetailsForm from '@/components/workshop/WorkshopDetailsForm.vue'
import CountdownTimer from '@/components/restitution/CountdownTimer.vue'
import ComparisonTable from '@/components/restitution/ComparisonTable.vue'
import { mountWithI18n } from '../support/mount-helpers'

describe('workshop details form', () => {
  it('asks for a name in French, and sends trimmed details', async () => {
    const wrapper = mountWithI18n(WorkshopDetailsForm, { props: { submitLabel: 'Créer l’atelier' } })
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Donnez un nom à l’atelier.')
    expect(wrapper.emitted('submit')).toBeUndefined()
    const title = wrapper.get('input[aria-required="true"]')
    expect(title.attributes('aria-invalid')).toBe('true')
    await title.setValue('  Séance 3  ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')![0]![0]).toEqual({ title: 'Séance 3', date: null, place: '', facilitator: '' })
  })
})

describe('countdown timer', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }))
  afterEach(() => vi.useRealTimers())

  it('counts down, pauses, resets, and turns to « Temps écoulé » without sound', async () => {
    const wrapper = mountWithI18n(CountdownTimer, { props: { label: 'Restitution', minutes: 1 }, attachTo: document.body })
    const digits = () => wrapper.get('.timer__digits').text()
    expect(digits()).toBe('1:00')
    await wrapper.get('button').trigger('click')
    expect(wrapper.text()).toContain('Décompte en cours')
    vi.advanceTimersByTime(10_000)
    await nextTick()
    expect(digits()).toBe('0:50')
    await wrapper.findAll('button').find((button) => button.text().startsWith('Pause'))!.trigger('click')
    vi.advanceTimersByTime(30_000)
    await nextTick()
    expect(digits()).toBe('0:50')
    await wrapper.findAll('button').find((button) => button.text().startsWith('Démarrer'))!.trigger('click')
    vi.advanceTimersByTime(62_000)
    await nextTick()
    expect(digits()).toBe('0:00')
    expect(wrapper.get('.timer').classes()).toContain('timer--finished')
    expect(wrapper.get('[role="status"]').text()).toBe('Temps écoulé (+0:12)')
    expect(document.querySelector('audio')).toBeNull()
    await wrapper.findAll('button').find((button) => button.text().startsWith('Réinitialiser'))!.trigger('click')
    expect(digits()).toBe('1:00')
    wrapper.unmount()
  })

  it('takes another length in minutes while stopped', async () => {
    const wrapper = mountWithI18n(CountdownTimer, { props: { label: 'Préparation', minutes: 20 } })
    const minutes = wrapper.get('input[type="number"]')
    await minutes.setValue('25')
    await minutes.trigger('change')
    expect(wrapper.get('.timer__digits').text()).toBe('25:00')
    await minutes.setValue('0')
    await minutes.trigger('change')
    expect(wrapper.get('.timer__digits').text()).toBe('25:00')
  })
})

describe('comparison table', () => {
  const radar = (value: number) =>
    Object.fromEntries(THEME_IDS.map((id) => [id, { prototype: value, scaleUp: 4 - value, comment: '' }])) as unknown as RadarScores
  const sheets = [
    { id: 'a', title: 'Alpha', who: 'Agent A', name: 'Alpha', radar: radar(1) },
    { id: 'b', title: 'Bêta', who: 'Agent B', name: 'Bêta', radar: radar(3) },
    { id: 'c', title: 'Gamma', who: 'Agent C', name: 'Gamma', radar: radar(2) },
  ]

  it('sorts by a column header button, says so with aria-sort, and highlights the columns that differ most', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/fiches/:id', name: 'sheet', component: { render: () => null } }] })
    const wrapper = mountWithI18n(ComparisonTable, { props: { sheets }, global: { plugins: [router] } })
    const titles = () => wrapper.findAll('tbody th').map((cell) => cell.text())
    expect(titles()).toEqual(['Alpha', 'Bêta', 'Gamma'])
    const header = wrapper.findAll('thead th').find((cell) => cell.text().startsWith('Probabilité de passage à l’échelle'))!
    await header.get('button').trigger('click')
    expect(header.attributes('aria-sort')).toBe('descending')
    // Scale-up 1 everywhere → 75 %, 2 → 50 %, 3 → 25 %.
    expect(titles()).toEqual(['Bêta', 'Gamma', 'Alpha'])
    await header.get('button').trigger('click')
    expect(header.attributes('aria-sort')).toBe('ascending')
    expect(titles()).toEqual(['Alpha', 'Gamma', 'Bêta'])
    // Every column is 2 levels apart: all 20 are highlighted (none left out by its place), and counted.
    expect(wrapper.findAll('thead th.comparison-table__hot')).toHaveLength(20)
    expect(wrapper.text()).toContain('Les fiches diffèrent d’au moins 2 niveaux sur 20 colonnes (surlignées).')
    // Who wrote each sheet has its own column, sortable too.
    expect(wrapper.findAll('tbody td.comparison-table__who').map((cell) => cell.text())).toEqual(['Agent A', 'Agent C', 'Agent B'])
    const who = wrapper.findAll('thead th').find((cell) => cell.text().startsWith('Rédigée par'))!
    await who.get('button').trigger('click')
    expect(titles()).toEqual(['Alpha', 'Bêta', 'Gamma'])
    // The sort arrow is for the eye: the button's name stays the column's name.
    expect(who.get('button').text()).toBe('Rédigée par ▲')
    expect(who.get('[aria-hidden="true"]').text()).toBe('▲')
  })
})
