import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import LegalSection from '@/components/sheet/LegalSection.vue'
import { LEGAL_TOPICS } from '@/domain/vocabulary'
import { provideSheetEditing } from '@/composables/useSheetEditing'
import { ALLOWED_HOSTS, RESOURCES } from '@/presentation/resources'
import { mountWithI18n } from '../support/mount-helpers'
import { createSheetEditingDouble } from '../support/sheet-editing-double'
import { createTestI18n } from '../i18n'

const i18n = createTestI18n()
const t = (key: string) => i18n.global.t(key)

function mountLegal() {
  const double = createSheetEditingDouble()
  const Host = defineComponent({
    setup() {
      provideSheetEditing(double.editing)
      return () => h(LegalSection, { data: double.state.sheet.data })
    },
  })
  return mountWithI18n(Host, { attachTo: document.body })
}

describe('LegalSection', () => {
  it('explains each legal topic in a help text the topic’s group is described by', () => {
    const wrapper = mountLegal()
    const groups = wrapper.findAll('fieldset.legal-topic')
    expect(groups).toHaveLength(LEGAL_TOPICS.length)
    LEGAL_TOPICS.forEach((topic, index) => {
      const group = groups[index]!
      expect(group.find('legend').text()).toBe(t(`legalTopics.${topic}`))
      const help = wrapper.find(`#${CSS.escape(group.attributes('aria-describedby') ?? '')}`)
      expect(help.text()).toBe(t(`editor.legal.help.${topic}`))
      expect(help.text().length).toBeGreaterThan(100)
    })
    wrapper.unmount()
  })

  it('covers the contract clauses the workshop guide lists, and the ethics', () => {
    const contracts = t('editor.legal.help.contrats')
    for (const clause of ['réversibilité', 'souveraineté', 'cybersécurité', 'sobriété']) expect(contracts).toContain(clause)
    expect(t('editor.legal.help.ethique')).toContain('transparence')
  })

  it('lists the resources as plain https links to official hosts that open in a new tab without a referrer', () => {
    const wrapper = mountLegal()
    const panel = wrapper.find('section.resources')
    expect(panel.find('h3').text()).toBe('Ressources')
    expect(panel.text()).toContain('l’application elle-même ne contacte aucun site')
    const links = panel.findAll('a')
    expect(links.map((link) => link.attributes('href'))).toEqual(RESOURCES.map((resource) => resource.url))
    // ANSSI's IT hygiene guide at its current address (the old cyber.gouv.fr/publications/… one redirects).
    expect(links.map((link) => link.attributes('href'))).toContain(
      'https://messervices.cyber.gouv.fr/guides/guide-dhygiene-informatique',
    )
    for (const link of links) {
      const url = new URL(link.attributes('href')!)
      expect(url.protocol).toBe('https:')
      expect(ALLOWED_HOSTS).toContain(url.hostname)
      expect(link.attributes('target')).toBe('_blank')
      expect(link.attributes('rel')).toBe('noopener noreferrer')
      expect(link.attributes('referrerpolicy')).toBe('no-referrer')
      expect(link.text()).toContain('(nouvel onglet)')
    }
    expect(panel.text()).toContain('Loi n° 2016-1321 du 7 octobre 2016 pour une République numérique')
    expect(panel.text()).toContain('CNIL et CADA · Pour : Open data / diffusion et Données personnelles (RGPD)')
    wrapper.unmount()
  })
})
