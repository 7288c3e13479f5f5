// The decision part of the sheet (format v3): a change of status keeps the decision in force in the history, says so
// with « Annuler », and the history lists the decisions newest first, with their source.
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import DecisionSection from '@/components/sheet/DecisionSection.vue'
import { createSheet } from '@/domain/sheet'
import { provideSheetEditing } from '@/composables/useSheetEditing'
import { useNotificationsStore } from '@/stores/notifications'
import { mountWithI18n } from '../support/mount-helpers'
import { createSheetEditingDouble } from '../support/sheet-editing-double'

function mountSection() {
  const sheet = createSheet({ title: 'Téléphonie' })
  sheet.decision = {
    status: 'reserve',
    reason: 'vote du 19 février 2026 — 45 points',
    decidedAt: '2026-02-19',
    source: 'vote',
    history: [],
  }
  const double = createSheetEditingDouble(sheet)
  const Host = defineComponent({
    setup() {
      provideSheetEditing(double.editing)
      return () => h(DecisionSection, { decision: double.state.sheet.decision })
    },
  })
  return { double, wrapper: mountWithI18n(Host, { attachTo: document.body }) }
}

describe('DecisionSection', () => {
  it('says where the decision in force came from, and shows no history for a single decision', () => {
    const { wrapper } = mountSection()
    expect(wrapper.text()).toContain('Décision en vigueur issue d’un vote du comité.')
    expect(wrapper.find('h3').exists()).toBe(false)
    wrapper.unmount()
  })

  it('keeps the vote’s decision in the history when a person changes the status, with « Annuler »', async () => {
    const { double, wrapper } = mountSection()
    await wrapper.find('select').setValue('depriorise')
    expect(double.state.sheet.decision).toMatchObject({ status: 'depriorise', reason: '', source: 'personne' })
    expect(double.state.sheet.decision.history).toEqual([
      { status: 'reserve', reason: 'vote du 19 février 2026 — 45 points', decidedAt: '2026-02-19', source: 'vote' },
    ])
    const notifications = useNotificationsStore()
    expect(notifications.notifications.map((notification) => notification.message)).toEqual([
      'La décision « En réserve » est gardée dans l’historique de la fiche.',
    ])
    await nextTick()
    const history = wrapper.find('section')
    expect(history.find('h3').text()).toBe('Historique des décisions')
    const items = history.findAll('li').map((item) => item.findAll('p').map((line) => line.text()))
    expect(items[0]).toHaveLength(1)
    expect(items[0]![0]).toMatch(/^Dépriorisé \(en vigueur\) — \d{1,2} \S+ \d{4} — saisie sur la fiche$/)
    expect(items[1]).toEqual(['En réserve — 19 février 2026 — vote du comité', 'vote du 19 février 2026 — 45 points'])

    // « Annuler » puts the whole decision back, history included.
    await notifications.runAction(notifications.notifications[0]!.id)
    await nextTick()
    expect(double.state.sheet.decision).toEqual({
      status: 'reserve',
      reason: 'vote du 19 février 2026 — 45 points',
      decidedAt: '2026-02-19',
      source: 'vote',
      history: [],
    })
    expect(wrapper.find('section').exists()).toBe(false)
    wrapper.unmount()
  })

  it('corrects a slip without a trace nor a notification: the same day, before any reason', async () => {
    const { double, wrapper } = mountSection()
    await wrapper.find('select').setValue('priorise')
    await wrapper.find('select').setValue('reactive')
    expect(double.state.sheet.decision.status).toBe('reactive')
    expect(double.state.sheet.decision.history.map((entry) => entry.status)).toEqual(['reserve'])
    expect(useNotificationsStore().notifications).toHaveLength(1)
    wrapper.unmount()
  })
})
