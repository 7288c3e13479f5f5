import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { mountWithI18n } from '../support/mount-helpers'

describe('French locale', () => {
  it('renders precompiled French messages', () => {
    const Probe = defineComponent({
      setup() {
        const { t } = useI18n()
        return () => h('p', t('app.name'))
      },
    })
    expect(mountWithI18n(Probe).text()).toBe('Fiche Projet Data')
  })
})
