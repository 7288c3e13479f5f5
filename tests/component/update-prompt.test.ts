import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import UpdatePrompt from '@/components/app/UpdatePrompt.vue'
import { registerPendingSave } from '@/services/pending-saves'
import { mountWithI18n } from '../support/mount-helpers'

const worker = vi.hoisted(() => ({
  needRefresh: undefined as unknown as import('vue').Ref<boolean>,
  offlineReady: undefined as unknown as import('vue').Ref<boolean>,
  updateServiceWorker: undefined as unknown as () => Promise<void>,
}))

vi.mock('@/composables/useServiceWorker', () => ({
  useServiceWorker: () => ({
    needRefresh: worker.needRefresh,
    offlineReady: worker.offlineReady,
    updateServiceWorker: worker.updateServiceWorker,
  }),
}))

let wrapper: VueWrapper | undefined

function mountPrompt({ needRefresh = false } = {}) {
  worker.needRefresh = ref(needRefresh)
  worker.offlineReady = ref(false)
  const updateServiceWorker = vi.fn(async () => undefined)
  worker.updateServiceWorker = updateServiceWorker
  wrapper = mountWithI18n(UpdatePrompt, { attachTo: document.body })
  return { wrapper, updateServiceWorker }
}

function reloadButton() {
  const button = wrapper!.findAll('button').find((candidate) => candidate.text() === 'Recharger')
  if (!button) throw new Error('No "Recharger" button')
  return button
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('UpdatePrompt', () => {
  it('shows nothing while there is no news from the service worker', () => {
    const { wrapper } = mountPrompt()
    expect(wrapper.get('[role="status"]').text()).toBe('')
  })

  it('announces a new version politely, without taking the focus', async () => {
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    const { wrapper } = mountPrompt()
    worker.needRefresh.value = true
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('Nouvelle version disponible')
    expect(document.activeElement).toBe(input)
    input.remove()
  })

  it('writes the pending save before handing over to the new version', async () => {
    const { updateServiceWorker } = mountPrompt({ needRefresh: true })
    let finishSave: () => void = () => undefined
    const save = vi.fn(() => new Promise<boolean>((resolve) => (finishSave = () => resolve(true))))
    const unregister = registerPendingSave(save)

    await reloadButton().trigger('click')
    expect(save).toHaveBeenCalledOnce()
    expect(updateServiceWorker).not.toHaveBeenCalled()
    expect(reloadButton().attributes('disabled')).toBeDefined()

    finishSave()
    await flushPromises()
    expect(updateServiceWorker).toHaveBeenCalledOnce()
    unregister()
  })

  it('does not reload when the save failed, and says why', async () => {
    const { wrapper, updateServiceWorker } = mountPrompt({ needRefresh: true })
    const unregister = registerPendingSave(async () => false)

    await reloadButton().trigger('click')
    await flushPromises()
    expect(updateServiceWorker).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('la page n’a pas été rechargée')
    expect(reloadButton().attributes('disabled')).toBeUndefined()
    unregister()
  })

  it('says once that the app works offline, and the message can be closed', async () => {
    const { wrapper } = mountPrompt()
    worker.offlineReady.value = true
    await flushPromises()
    expect(wrapper.text()).toContain('L’application est prête à fonctionner hors ligne.')
    await wrapper.get('button[aria-label="Masquer ce message"]').trigger('click')
    expect(wrapper.text()).not.toContain('hors ligne')
  })
})
