import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import GeneralSection from '@/components/sheet/GeneralSection.vue'
import ProjectSection from '@/components/sheet/ProjectSection.vue'
import DecisionSection from '@/components/sheet/DecisionSection.vue'
import SnapshotPanel from '@/components/radar/SnapshotPanel.vue'
import SheetCard from '@/components/library/SheetCard.vue'
import { createSheet, LIMITS, type Sheet } from '@/domain/sheet'
import { DOMAIN_SUGGESTIONS } from '@/content/domain-suggestions'
import { takeSnapshot } from '@/domain/sheet-edit'
import { summarise } from '@/domain/summary'
import { provideSheetEditing } from '@/composables/useSheetEditing'
import { createRouter, createMemoryHistory } from 'vue-router'
import { mountWithI18n } from '../support/mount-helpers'
import { createSheetEditingDouble } from '../support/sheet-editing-double'

function mountPart(component: Component, props: (sheet: Sheet) => Record<string, unknown>) {
  const double = createSheetEditingDouble()
  const Host = defineComponent({
    setup() {
      provideSheetEditing(double.editing)
      return () => h(component, props(double.state.sheet))
    },
  })
  return { double, wrapper: mountWithI18n(Host, { attachTo: document.body }) }
}

const byLabel = (wrapper: ReturnType<typeof mountPart>['wrapper'], text: string) => {
  const label = wrapper.findAll('label').find((candidate) => candidate.text().replace(' *', '') === text)
  if (!label) throw new Error(`no field labelled ${text}`)
  return wrapper.find(`#${CSS.escape(label.attributes('for')!)}`)
}

describe('the fields of format v2 in the editor', () => {
  it('asks for the domain with the workshops’ suggestions, and for the origin of the sheet', async () => {
    const { double, wrapper } = mountPart(GeneralSection, (sheet) => ({ sheet }))
    const domain = byLabel(wrapper, 'Domaine ou commission')
    const list = wrapper.find(`datalist#${CSS.escape(domain.attributes('list')!)}`)
    expect(list.findAll('option').map((option) => option.attributes('value'))).toEqual([...DOMAIN_SUGGESTIONS])
    await domain.setValue('Mobilités')
    expect(double.state.sheet.project.domain).toBe('Mobilités')

    const origin = byLabel(wrapper, 'Origine de la fiche')
    expect(origin.findAll('option').map((option) => option.text())).toEqual([
      'Non précisée',
      'Travail individuel',
      'Séance collective',
      'Synthèse par IA, relue',
    ])
    await origin.setValue('synthese-ia')
    expect(double.state.sheet.origin).toBe('synthese-ia')
    await origin.setValue('')
    expect(double.state.sheet.origin).toBeNull()
    wrapper.unmount()
  })

  it('asks for a short name (format v3), at most 60 characters, right after the title', async () => {
    const { double, wrapper } = mountPart(GeneralSection, (sheet) => ({ sheet }))
    expect(wrapper.findAll('label').map((label) => label.text().replace(' *', '')).slice(0, 2)).toEqual(['Titre du projet', 'Nom court'])
    const shortLabel = byLabel(wrapper, 'Nom court')
    expect(shortLabel.attributes('maxlength')).toBe(String(LIMITS.shortLabel))
    await shortLabel.setValue('Téléphonie mobile')
    expect(double.state.sheet.project.shortLabel).toBe('Téléphonie mobile')
    wrapper.unmount()
  })

  it('asks for the problem first in « Le projet »', async () => {
    const { double, wrapper } = mountPart(ProjectSection, (sheet) => ({ project: sheet.project }))
    expect(wrapper.find('label').text()).toBe('Problématique')
    const problem = byLabel(wrapper, 'Problématique')
    expect(problem.attributes('maxlength')).toBe(String(LIMITS.longText))
    await problem.setValue('Les élèves passent trop de temps dans les transports.')
    expect(double.state.sheet.project.problem).toBe('Les élèves passent trop de temps dans les transports.')
    wrapper.unmount()
  })

  it('records the decision: status, date and reason', async () => {
    const { double, wrapper } = mountPart(DecisionSection, (sheet) => ({ decision: sheet.decision }))
    const status = byLabel(wrapper, 'Statut de la décision')
    expect(status.findAll('option').map((option) => option.text())).toEqual([
      'À examiner',
      'Priorisé',
      'En réserve',
      'Dépriorisé',
      'Réactivé',
      'Écarté',
      'Réalisé',
    ])
    await status.setValue('ecarte')
    await byLabel(wrapper, 'Date de la décision').setValue('2026-02-19')
    await byLabel(wrapper, 'Motif').setValue('Maturité insuffisante')
    expect(double.state.sheet.decision).toEqual({
      status: 'ecarte',
      reason: 'Maturité insuffisante',
      decidedAt: '2026-02-19',
      source: 'personne',
      history: [],
    })
    await byLabel(wrapper, 'Date de la décision').setValue('')
    expect(double.state.sheet.decision.decidedAt).toBeNull()
    wrapper.unmount()
  })
})

describe('SnapshotPanel', () => {
  const sheet = createSheet({ title: 'Historique' })
  const older = { ...takeSnapshot(sheet, 'Premier atelier'), takenAt: '2026-01-15T10:00:00.000Z' }
  const newer = { ...takeSnapshot({ ...sheet, phase: 'prototype' }, ''), takenAt: '2026-02-19T15:30:00.000Z' }

  function mountPanel(snapshots = [older, newer], overlaid = '') {
    return mountWithI18n(SnapshotPanel, { props: { snapshots, overlaid } })
  }

  it('saves the radar with an optional name', async () => {
    const wrapper = mountPanel([])
    expect(wrapper.text()).toContain('Aucun état enregistré')
    await wrapper.find('input[type="text"]').setValue('Avant le comité')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('take')).toEqual([['Avant le comité']])
    expect((wrapper.find('input[type="text"]').element as HTMLInputElement).value).toBe('')
  })

  it('lists the states newest first, with their date and phase, to overlay or remove', async () => {
    const wrapper = mountPanel()
    expect(wrapper.find('legend').text()).toBe('Superposer au radar')
    const choices = wrapper.findAll('.snapshots__choice').map((choice) => choice.text().replace(/\s+/g, ' '))
    expect(choices[0]).toBe('Aucun état')
    expect(choices[1]).toMatch(/^État du 19 février 2026 à \d\d:30 Phase : Prototype$/)
    expect(choices[2]).toBe('Premier atelier, 15 janvier 2026 Phase : Idée')
    await wrapper.findAll('input[type="radio"]')[2]!.setValue(true)
    expect(wrapper.emitted('update:overlaid')).toEqual([[older.id]])
    const remove = wrapper.findAll('button').find((button) => button.attributes('aria-label')?.includes('Premier atelier'))
    expect(remove?.attributes('aria-label')).toBe('Supprimer l’état « Premier atelier, 15 janvier 2026 »')
    await remove!.trigger('click')
    expect(wrapper.emitted('remove')).toEqual([[older.id]])
  })

  it(`says why no state can be saved at ${LIMITS.snapshots}`, () => {
    const wrapper = mountPanel(Array.from({ length: LIMITS.snapshots }, () => takeSnapshot(sheet, '')))
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('50 états au plus : supprimez-en un pour en enregistrer un autre.')
  })
})

describe('the library card', () => {
  it('shows the decision status and the domain', async () => {
    const sheet = createSheet({ title: 'Cantines' })
    sheet.decision.status = 'priorise'
    sheet.project.domain = 'Éducation'
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/fiches/:id', name: 'sheet', component: { render: () => null } }] })
    const wrapper = mountWithI18n(SheetCard, {
      props: { summary: summarise(sheet), now: new Date(), selected: false },
      global: { plugins: [router] },
    })
    await flushPromises()
    const badge = wrapper.find('.sheet-card__decision')
    expect(badge.text().replace(/\s+/g, ' ')).toBe('Décision : Priorisé')
    expect(wrapper.text()).toContain('Domaine : Éducation')
  })
})
