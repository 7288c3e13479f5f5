import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ToastRegion from '@/components/app/ToastRegion.vue'
import { useNotificationsStore } from '@/stores/notifications'
import { mountWithI18n } from '../support/mount-helpers'

let wrapper: VueWrapper | undefined

function mountRegion() {
  // A control of the page before the notifications, as the keyboard finds it.
  const before = document.createElement('button')
  before.textContent = 'Supprimer'
  document.body.append(before)
  wrapper = mountWithI18n(ToastRegion, { attachTo: document.body })
  return { before, notifications: useNotificationsStore() }
}

const toasts = () => wrapper!.findAll('.toast')
const button = (name: string) => wrapper!.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name)!

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
})

describe('ToastRegion', () => {
  it('stays while the keyboard is in it, however long, and goes a while after the keyboard leaves', async () => {
    const { before, notifications } = mountRegion()
    notifications.notify('Fiche « Mobilité » supprimée.', { action: { label: 'Annuler', run: () => {} } })
    await flushPromises()
    before.focus()
    ;(button('Annuler').element as HTMLElement).focus()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(toasts()).toHaveLength(1)
    // From « Annuler » to « Fermer »: still in the notice.
    ;(button('Fermer').element as HTMLElement).focus()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(toasts()).toHaveLength(1)
    before.focus()
    await vi.advanceTimersByTimeAsync(9_000)
    expect(toasts()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(toasts()).toHaveLength(0)
  })

  it('stays while the pointer is over it', async () => {
    const { notifications } = mountRegion()
    notifications.notify('Fiche « Mobilité » supprimée.', { action: { label: 'Annuler', run: () => {} } })
    await flushPromises()
    await toasts()[0]!.trigger('mouseenter')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(toasts()).toHaveLength(1)
    await toasts()[0]!.trigger('mouseleave')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(toasts()).toHaveLength(0)
  })

  it('gives the keyboard back to where it came from when the notice it is in goes, unless its action moved it', async () => {
    const { before, notifications } = mountRegion()
    notifications.notify('Fiche « Mobilité » supprimée.', { action: { label: 'Annuler', run: () => {} } })
    await flushPromises()
    before.focus()
    ;(button('Fermer').element as HTMLElement).focus()
    await button('Fermer').trigger('click')
    await flushPromises()
    expect(toasts()).toHaveLength(0)
    expect(document.activeElement).toBe(before)

    // « Annuler » that brings a card back puts the keyboard on it: that stays.
    const restored = document.createElement('a')
    restored.href = '#'
    notifications.notify('Fiche « Mobilité » supprimée.', {
      action: { label: 'Annuler', run: async () => (document.body.append(restored), restored.focus()) },
    })
    await flushPromises()
    ;(button('Annuler').element as HTMLElement).focus()
    await button('Annuler').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(restored)
  })
})
