/* eslint-disable vue/one-component-per-file -- each test defines its own tiny probe component */
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { createAppI18n, useI18n } from '@/i18n'
import { mountWithI18n } from '../support/mount-helpers'
import { mount } from '@vue/test-utils'

describe('French locale', () => {
  it('renders French messages in components', () => {
    const Probe = defineComponent({
      setup() {
        const { t } = useI18n()
        return () => h('p', t('app.name'))
      },
    })
    expect(mountWithI18n(Probe).text()).toBe('Fiche Projet Data')
  })

  it('re-renders when a screen’s messages arrive later', async () => {
    const i18n = createAppI18n()
    const Probe = defineComponent({
      setup() {
        const { t, te } = useI18n()
        return () => h('p', te('later.hello') ? t('later.hello', { name: 'Camille' }) : 'pas encore')
      },
    })
    const wrapper = mount(Probe, { global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('pas encore')
    i18n.global.mergeLocaleMessage('fr', { later: { hello: 'Bonjour {name}' } })
    await nextTick()
    expect(wrapper.text()).toBe('Bonjour Camille')
  })
})

describe('a message key missing from the locale', () => {
  it('fails the test that renders it, instead of showing the raw key on screen', () => {
    const Probe = defineComponent({
      setup() {
        const { t } = useI18n()
        return () => h('p', t('library.aKeyNobodyWrote'))
      },
    })
    expect(() => mountWithI18n(Probe)).toThrow('Message key missing from the French locale: library.aKeyNobodyWrote')
  })
})
