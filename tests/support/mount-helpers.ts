// Mounting helpers for component tests: the real French messages, so tests read what users read.
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createTestI18n } from '../i18n'

export function mountWithI18n<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(component, {
    ...options,
    global: { ...options.global, plugins: [createTestI18n(), pinia, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
}
