// One way to run a person's action on every screen: the outcome said, « Annuler » offered, a failure said in French.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, ref } from 'vue'
import { useAction } from '@/composables/useAction'
import { useNotificationsStore } from '@/stores/notifications'
import { mountWithI18n } from '../support/mount-helpers'

function withAction() {
  let action: ReturnType<typeof useAction> | undefined
  mountWithI18n(
    defineComponent({
      setup() {
        action = useAction()
        return () => null
      },
    }),
  )
  return { action: action!, notifications: useNotificationsStore() }
}

describe('useAction', () => {
  it('says the outcome, offers « Annuler », and shows the action busy while it runs', async () => {
    const { action, notifications } = withAction()
    const busy = ref(false)
    let undone = false
    let finish: (value: number) => void = () => undefined
    const running = action.run(() => new Promise<number>((resolve) => (finish = resolve)), {
      busy,
      done: (n) => ({ message: `${n} fiches ajoutées.`, undo: () => (undone = true) }),
    })
    expect(busy.value).toBe(true)
    finish(3)
    expect(await running).toBe(3)
    expect(busy.value).toBe(false)
    const [notice] = notifications.notifications
    expect(notice).toMatchObject({ message: '3 fiches ajoutées.', tone: 'info', action: { label: 'Annuler' } })
    await notice!.action!.run()
    expect(undone).toBe(true)
  })

  it('says a failure in French with its cause, returns nothing and says no outcome', async () => {
    const { action, notifications } = withAction()
    const busy = ref(false)
    const result = await action.run(
      async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      },
      { busy, done: () => 'Fait.' },
    )
    await flushPromises()
    expect(result).toBeUndefined()
    expect(busy.value).toBe(false)
    expect(notifications.notifications).toHaveLength(1)
    expect(notifications.notifications[0]!.tone).toBe('error')
    expect(notifications.notifications[0]!.message).toMatch(/^L’opération a échoué\. .*(espace|stockage)/i)
  })

  it('says nothing when the outcome has no words (nothing was done)', async () => {
    const { action, notifications } = withAction()
    expect(await action.run(async () => null, { done: (value) => value ?? undefined })).toBeNull()
    expect(notifications.notifications).toHaveLength(0)
  })
})
